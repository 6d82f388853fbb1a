import { codePointLength, defineRule, offsetAfterCodePoints } from '@pesan/core';
import { z } from 'zod';
import { META, BSP } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';

export default defineRule({
  meta: {
    id: 'body-length-recommended',
    description: 'A UTILITY or MARKETING body stays within 550 characters (BSP-reported limit).',
    type: 'structure',
    area: 'body',
    defaultSeverity: 'warn',
    categories: ['UTILITY', 'MARKETING'],
    options: z.strictObject({ max: z.number().int().positive().default(550).describe('Recommended maximum body length in code points.') }),
    messages: {
      tooLong: 'Unexpected {{category}} body of {{length}} characters, expected at most {{max}} (BSP-reported limit; shorten it by {{over}})',
    },
    docs: {
      rationale:
        'Meta\'s component reference still allows 1,024 characters (see `body-too-long`), but Bird and Wazzup24 report that Meta now rejects MARKETING and UTILITY bodies over 550 characters with error 2388040. Meta\'s review page only says that body limits "depend on the format and tag of the template". The limit is BSP-reported and unconfirmed by Meta text, hence a warning.',
      details:
        'Length counts Unicode code points of the body as Meta receives it, `{{…}}` placeholders included, like `body-too-long`. The finding marks the characters past the limit. A body over 1,024 characters gets both findings.',
      sources: [BSP.bird, BSP.wazzup, META.review, META.components],
      valid: [{ title: 'Short utility body', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.') }],
      invalid: [
        {
          title: 'A 613-character marketing body',
          draft: exampleDraft(`Halo {{1}}, ${'koleksi baru kami sudah tersedia di toko. '.repeat(14)}Sampai jumpa!`, '', { category: 'MARKETING', language: 'id', name: 'new_collection' }),
          messageIds: ['tooLong'],
        },
      ],
    },
  },
  check({ draft, category, options, report }) {
    const body = draft.body;
    if (!body) return;
    const length = codePointLength(body.text.text);
    if (length <= options.max) return;
    const start = offsetAfterCodePoints(body.text.text, options.max);
    report({
      messageId: 'tooLong',
      data: { category: category ?? '', length, max: options.max, over: length - options.max },
      range: body.text.fileRange(start, body.text.text.length),
    });
  },
});
