import { codePointLength, defineRule, offsetAfterCodePoints } from '@pesan/core';
import { z } from 'zod';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';

export default defineRule({
  meta: {
    id: 'header-text-length',
    description: 'A text header is at most 60 characters (Unicode code points, placeholders included).',
    type: 'structure',
    area: 'header',
    defaultSeverity: 'error',
    options: z.strictObject({ max: z.number().int().positive().default(60).describe('Maximum text header length in code points.') }),
    messages: { tooLong: 'Unexpected text header of {{length}} characters, expected at most {{max}} (remove {{over}})' },
    docs: {
      rationale: 'Meta limits a text header to 60 characters ("Maximum 60 characters") and rejects a longer one.',
      details:
        'Length counts Unicode code points of the header text as written, `{{…}}` placeholders included (the example value is not substituted): an emoji such as 👍 counts 1, a flag 2. The finding marks the characters past the limit.',
      sources: [META.components],
      valid: [{ title: 'Short header', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.', 'header: Your order is on its way') }],
      invalid: [
        {
          title: 'A 71-character header',
          draft: exampleDraft('Pesanan {{1}} sudah dikirim dan tiba pada {{2}}. Terima kasih.', 'header: Pesanan Anda sudah dikirim dari gudang kami dan sedang dalam perjalanan', { language: 'id' }),
          messageIds: ['tooLong'],
        },
      ],
    },
  },
  check({ draft, options, report }) {
    const text = draft.header?.format.value === 'text' ? draft.header.text : undefined;
    if (!text) return;
    const length = codePointLength(text.value);
    if (length <= options.max) return;
    const start = offsetAfterCodePoints(text.value, options.max);
    report({
      messageId: 'tooLong',
      data: { length, max: options.max, over: length - options.max },
      range: text.text.fileRange(start, text.value.length),
    });
  },
});
