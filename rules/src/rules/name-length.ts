import { codePointLength, defineRule, offsetAfterCodePoints } from '@pesan/core';
import { z } from 'zod';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';

export default defineRule({
  meta: {
    id: 'name-length',
    description: 'The template name is at most 512 characters.',
    type: 'structure',
    area: 'name',
    defaultSeverity: 'error',
    options: z.strictObject({ max: z.number().int().positive().default(512).describe('Maximum name length in characters (code points).') }),
    messages: { tooLong: 'Unexpected template name of {{length}} characters, expected at most {{max}} (shorten it by {{over}})' },
    docs: {
      rationale: 'Meta limits a template name to 512 characters and rejects longer names at creation. A short, descriptive name also reads better in WhatsApp Manager, in webhooks and in analytics.',
      details: 'Length counts Unicode code points of the name as written (names are a-z, 0-9 and `_` only, see `name-charset`, so this is also the number of characters). The finding marks the characters past the limit.',
      sources: [META.fundamentals, META.utility],
      valid: [{ title: 'A short descriptive name', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.', '', { name: 'order_shipped_v2' }) }],
      invalid: [
        {
          title: 'A name over the limit (set to 20 here)',
          draft: exampleDraft('Pesanan {{1}} sudah dikirim dan tiba pada {{2}}. Terima kasih.', '', { name: 'pemberitahuan_pengiriman_pesanan', language: 'id' }),
          options: { max: 20 },
          messageIds: ['tooLong'],
        },
      ],
    },
  },
  check({ draft, options, report }) {
    const name = draft.name;
    if (!name) return;
    const length = codePointLength(name.value);
    if (length <= options.max) return;
    const start = offsetAfterCodePoints(name.value, options.max);
    report({
      messageId: 'tooLong',
      data: { length, max: options.max, over: length - options.max },
      range: name.text.fileRange(start, name.value.length),
    });
  },
});
