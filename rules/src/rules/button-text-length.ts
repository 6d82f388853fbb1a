import { codePointLength, defineRule, offsetAfterCodePoints } from '@pesan/core';
import { z } from 'zod';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { buttonLabel } from '../util/buttons.js';

export default defineRule({
  meta: {
    id: 'button-text-length',
    description: 'A button label is at most 25 characters (Unicode code points).',
    type: 'structure',
    area: 'buttons',
    defaultSeverity: 'error',
    options: z.strictObject({ max: z.number().int().positive().default(25).describe('Maximum button label length in code points.') }),
    messages: {
      tooLong: 'Unexpected label of {{length}} characters on {{button}}, expected at most {{max}} (shorten it by {{over}})',
    },
    docs: {
      rationale:
        'Meta limits the text of URL, PHONE_NUMBER, QUICK_REPLY and FLOW buttons to 25 characters and rejects a template with a longer label. Other button types that carry a label (OTP, CATALOG, MPM, VOICE_CALL) are held to the same limit. Note that Direct Send and Messenger quick replies use 20: a different product, not this limit.',
      details:
        'Length counts Unicode code points of the label as Meta receives it: an emoji such as 👍 counts 1, a flag 2, an accented letter 1. The finding marks the characters past the limit. Labels of every button type are checked; a missing label is `button-text-required`.',
      sources: [META.components, META.utility],
      valid: [{ title: 'A short label', draft: exampleDraft('Hola {{1}}, su pedido {{2}} ya fue enviado. Gracias por su compra.', 'buttons:\n  - {type: url, text: "Rastrear pedido", url: "https://tienda.example.com.mx/rastreo"}', { language: 'es_MX' }) }],
      invalid: [
        {
          title: 'A 40-character label',
          draft: exampleDraft('Halo {{1}}, tagihan {{2}} jatuh tempo besok. Terima kasih.', 'buttons:\n  - {type: url, text: "Bayar sekarang lewat aplikasi resmi kami", url: "https://tagihan.example.co.id/bayar"}', { language: 'id' }),
          messageIds: ['tooLong'],
        },
      ],
    },
  },
  check({ draft, options, report }) {
    for (const button of draft.buttons) {
      const label = button.text;
      if (!label) continue;
      const length = codePointLength(label.value);
      if (length <= options.max) continue;
      const start = offsetAfterCodePoints(label.value, options.max);
      report({
        messageId: 'tooLong',
        data: { length, button: buttonLabel(button), max: options.max, over: length - options.max },
        range: label.text.fileRange(start, label.value.length),
      });
    }
  },
});
