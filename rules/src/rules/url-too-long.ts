import { codePointLength, defineRule, offsetAfterCodePoints } from '@pesan/core';
import { z } from 'zod';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { buttonLabel } from '../util/buttons.js';

export default defineRule({
  meta: {
    id: 'url-too-long',
    description: 'A URL button\'s URL is at most 2,000 characters.',
    type: 'structure',
    area: 'buttons',
    defaultSeverity: 'error',
    options: z.strictObject({ max: z.number().int().positive().default(2000).describe('Maximum URL length in code points, `{{1}}` included.') }),
    messages: {
      tooLong: 'Unexpected URL of {{length}} characters on {{button}}, expected at most {{max}} (shorten it by {{over}}, for example by moving query parameters into the variable)',
    },
    docs: {
      rationale: 'Meta limits the `url` of a URL button to 2,000 characters and rejects a template with a longer one.',
      details:
        'Length counts the Unicode code points of the `url` value as written, a `{{1}}` placeholder included (4 or 5 characters). The finding marks the characters past the limit. Links inside the body count toward the body length instead (`body-too-long`).',
      sources: [META.components],
      valid: [{ title: 'A short URL', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.', 'buttons:\n  - {type: url, text: "Track package", url: "https://shop.example.com/track"}') }],
      invalid: [
        {
          title: 'A URL of 2,050 characters',
          draft: exampleDraft('Olá {{1}}, seu pedido {{2}} foi enviado. Obrigado pela compra.', `buttons:\n  - {type: url, text: "Rastrear", url: "https://loja.example.com.br/r?q=${'a'.repeat(2020)}"}`, { language: 'pt_BR' }),
          messageIds: ['tooLong'],
        },
      ],
    },
  },
  check({ draft, options, report }) {
    for (const button of draft.buttons) {
      const url = button.url;
      if (!url) continue;
      const length = codePointLength(url.value);
      if (length <= options.max) continue;
      const start = offsetAfterCodePoints(url.value, options.max);
      report({
        messageId: 'tooLong',
        data: { length, button: buttonLabel(button), max: options.max, over: length - options.max },
        range: url.text.fileRange(start, url.value.length),
      });
    }
  },
});
