import { defineRule } from '@pesan/core';
import { z } from 'zod';
import { BSP } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { wordsOf } from '../util/style.js';

export default defineRule({
  meta: {
    id: 'max-words',
    description: 'A UTILITY or MARKETING body stays short: at most 60 words by default (configurable).',
    type: 'style',
    area: 'body',
    defaultSeverity: 'info',
    categories: ['UTILITY', 'MARKETING'],
    options: z.strictObject({ max: z.number().int().positive().default(60).describe('Maximum number of words in the body; each parameter counts as one word.') }),
    messages: { tooLong: 'Unexpected body of {{count}} words ({{over}} over the limit), expected at most {{max}}: keep the message short and to the point' },
    docs: {
      rationale:
        'The Meta and Kommo guide to utility messages: "Buat singkat dan padat" (make it short and to the point). A short reminder with one simple call to action ("Reply 1 to confirm") works better than a long formal message. Meta sets no word limit, so the number is a style choice: set `max` to your own house style.',
      details:
        'Words are runs of letters or digits (with inner apostrophes, dots or hyphens, as in `don\'t` or `10.30`); each parameter counts as one word, whatever value it will hold; emoji and punctuation do not count. The finding marks the body from the first word past the limit to the end. Off in `recommended` (style advice), a warning in `strict`.',
      sources: [BSP.kommoUtilityGuide],
      valid: [
        { title: 'A short reminder', draft: exampleDraft('Hi {{1}}, your appointment is on {{2}} at {{3}}. Reply 1 to confirm or 2 to reschedule.', 'examples:\n  body: ["Sam", "May 2", "9:30"]') },
        {
          title: 'Indonesian, short',
          draft: exampleDraft('Halo {{1}}, pesanan {{2}} sudah dikirim dengan nomor resi {{3}}. Balas pesan ini jika ada pertanyaan.', 'examples:\n  body: ["Rina", "TM-1", "JX1"]', { name: 'pesanan_dikirim', language: 'id' }),
        },
      ],
      invalid: [
        {
          title: 'A 20-word limit exceeded',
          draft: exampleDraft('Hi {{1}}, your order {{2}} has shipped. You can follow the parcel in the app, and we will send you another message when it arrives.', 'examples:\n  body: ["Sam", "A-1"]'),
          options: { max: 20 },
          messageIds: ['tooLong'],
        },
        {
          title: 'Spanish, a 15-word limit exceeded',
          draft: exampleDraft('Hola {{1}}, tu cita es el {{2}}. Llega diez minutos antes y trae tu identificación, por favor.', 'examples:\n  body: ["Lucía", "martes"]', { name: 'cita', language: 'es_MX' }),
          options: { max: 15 },
          messageIds: ['tooLong'],
        },
      ],
    },
  },
  check({ draft, options, report }) {
    const body = draft.body;
    if (!body) return;
    const words = wordsOf(body.text.text);
    if (words.length <= options.max) return;
    const first = words[options.max]!;
    const last = words[words.length - 1]!;
    report({
      messageId: 'tooLong',
      data: { count: words.length, max: options.max, over: words.length - options.max },
      range: body.text.fileRange(first.start, last.end),
    });
  },
});
