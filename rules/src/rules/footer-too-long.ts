import { codePointLength, defineRule, offsetAfterCodePoints } from '@pesan/core';
import { z } from 'zod';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';

export default defineRule({
  meta: {
    id: 'footer-too-long',
    description: 'The footer is at most 60 characters (Unicode code points).',
    type: 'structure',
    area: 'footer',
    defaultSeverity: 'error',
    options: z.strictObject({ max: z.number().int().positive().default(60).describe('Maximum footer length in code points.') }),
    messages: { tooLong: 'Unexpected footer of {{length}} characters, expected at most {{max}} (remove {{over}})' },
    docs: {
      rationale: 'Meta limits the footer to 60 characters and rejects a longer one.',
      details: 'Length counts Unicode code points of the footer as written: an emoji such as 👍 counts 1, a flag 2. The finding marks the characters past the limit.',
      sources: [META.components, META.utility, META.marketing],
      valid: [{ title: 'Short footer', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.', 'footer: Reply STOP to opt out') }],
      invalid: [
        {
          title: 'A 71-character footer',
          draft: exampleDraft('Seu pedido {{1}} foi enviado e chega em {{2}}. Obrigado.', 'footer: Responda PARAR para não receber mais mensagens desta loja pelo WhatsApp', { language: 'pt_BR' }),
          messageIds: ['tooLong'],
        },
      ],
    },
  },
  check({ draft, options, report }) {
    const footer = draft.footer;
    if (!footer) return;
    const length = codePointLength(footer.value);
    if (length <= options.max) return;
    const start = offsetAfterCodePoints(footer.value, options.max);
    report({
      messageId: 'tooLong',
      data: { length, max: options.max, over: length - options.max },
      range: footer.text.fileRange(start, footer.value.length),
    });
  },
});
