import { defineRule } from '@pesan/core';
import { z } from 'zod';
import { META, BSP } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { emojiIn } from '../util/header-body-footer.js';

export default defineRule({
  meta: {
    id: 'body-emoji-limit',
    description: 'A UTILITY or MARKETING body has at most 10 emoji (BSP-reported limit).',
    type: 'structure',
    area: 'body',
    defaultSeverity: 'warn',
    categories: ['UTILITY', 'MARKETING'],
    options: z.strictObject({ max: z.number().int().nonnegative().default(10).describe('Maximum number of emoji in the body.') }),
    messages: { tooMany: 'Unexpected {{count}} emoji in the body, expected at most {{max}} (BSP-reported limit; remove {{over}})' },
    docs: {
      rationale:
        'Meta\'s review page says "the number of emojis allowed in the body component may also be limited". Bird and Wazzup24 report a cap of 10 emoji for MARKETING and UTILITY bodies. The number is BSP-reported, hence a warning.',
      details:
        'An emoji is one pictograph with its variation selector, skin tone and zero-width-joiner parts (👩‍💻 counts 1), or a flag pair; text symbols such as © or ™ do not count. One finding spans from the first emoji past the limit to the last emoji.',
      sources: [META.review, BSP.bird, BSP.wazzup],
      valid: [{ title: 'A few emoji', draft: exampleDraft('🎉 Your order {{1}} has shipped 🚚 and arrives on {{2}}. Thank you!', '') }],
      invalid: [
        {
          title: 'Twelve emoji',
          draft: exampleDraft('¡Hola {{1}}! 🎉🎉🎉 Nueva colección 👗👠👜 con envío 🚚 a todo México 🇲🇽 ✨✨✨🛍️', '', { category: 'MARKETING', language: 'es_MX', name: 'new_collection' }),
          messageIds: ['tooMany'],
        },
      ],
    },
  },
  check({ draft, options, report }) {
    const body = draft.body;
    if (!body) return;
    const emoji = emojiIn(body.text.text);
    if (emoji.length <= options.max) return;
    const first = emoji[options.max]!;
    const last = emoji[emoji.length - 1]!;
    report({
      messageId: 'tooMany',
      data: { count: emoji.length, max: options.max, over: emoji.length - options.max },
      range: body.text.fileRange(first.start, last.end),
    });
  },
});
