import { defineRule, findEmoji } from '@pesan/core';
import { z } from 'zod';
import { BSP } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';

export default defineRule({
  meta: {
    id: 'media-emoji-overuse',
    description: 'A UTILITY or MARKETING body uses emoji sparingly: at most 3 in all and no runs of 3 or more.',
    type: 'style',
    area: 'body',
    defaultSeverity: 'info',
    categories: ['UTILITY', 'MARKETING'],
    options: z.strictObject({
      max: z.number().int().nonnegative().default(3).describe('Maximum number of emoji in the body.'),
      maxInARow: z.number().int().positive().default(2).describe('Maximum number of emoji next to each other (only spaces between them).'),
    }),
    messages: {
      run: 'Unexpected run of {{count}} emoji `{{emoji}}`, expected at most {{max}} in a row: one emoji that supports the text is enough',
      tooMany: 'Unexpected {{count}} emoji in the body, expected at most {{max}}: rich media and emoji distract when overused (remove {{over}})',
    },
    docs: {
      rationale:
        'The Meta and Kommo guide to utility messages: use images, video, attachments, call-to-action buttons and other features to improve a message, but avoid overusing them because they distract ("Hindari penggunaan berlebihan karena bisa mengganggu"). BSPs also list clusters of celebration emoji (🎉🔥💥) as a sign of promotional intent. Meta itself allows one media header per template; `body-emoji-limit` covers the BSP-reported hard cap of 10 emoji.',
      details:
        'An emoji is one pictograph with its variation selector, skin tone and zero-width-joiner parts, or a flag pair; text symbols such as © do not count. A run is emoji separated by nothing but spaces; each run longer than `maxInARow` is reported. When the body has more than `max` emoji in all, one more finding spans from the first emoji past the limit to the last one. Off in `recommended` (style advice), a warning in `strict`.',
      sources: [BSP.kommoUtilityGuide],
      valid: [
        { title: 'One emoji that supports the text', draft: exampleDraft('Your order {{1}} has shipped 🚚 and arrives on {{2}} before noon.', 'examples:\n  body: ["A-1", "Friday"]') },
        {
          title: 'Spanish, two emoji',
          draft: exampleDraft('¡Listo! ✅ Tu cita del {{1}} a las {{2}} quedó confirmada 🗓️ en nuestra clínica.', 'examples:\n  body: ["martes", "10:30"]', { name: 'cita_confirmada', language: 'es_MX' }),
        },
      ],
      invalid: [
        { title: 'A celebration cluster', draft: exampleDraft('🎉🎉🔥 Your order {{1}} is confirmed and arrives on {{2}} before noon.', 'examples:\n  body: ["A-1", "Friday"]'), messageIds: ['run'] },
        {
          title: 'Indonesian, emoji on every phrase',
          draft: exampleDraft('Halo {{1}} 👋 Pesanan {{2}} sudah dikirim 📦 dan tiba besok 🚚 Terima kasih 🙏 sudah berbelanja ❤️', 'examples:\n  body: ["Rina", "TM-1"]', { name: 'pesanan_dikirim', language: 'id' }),
          messageIds: ['tooMany'],
        },
      ],
    },
  },
  check({ draft, options, report }) {
    const body = draft.body;
    if (!body) return;
    const text = body.text.text;
    const emoji = findEmoji(text);
    let runStart = 0;
    for (let i = 1; i <= emoji.length; i++) {
      const joined = i < emoji.length && text.slice(emoji[i - 1]!.end, emoji[i]!.start).trim() === '';
      if (joined) continue;
      const count = i - runStart;
      if (count > options.maxInARow) {
        const first = emoji[runStart]!;
        const last = emoji[i - 1]!;
        report({ messageId: 'run', data: { count, emoji: text.slice(first.start, last.end), max: options.maxInARow }, range: body.text.fileRange(first.start, last.end) });
      }
      runStart = i;
    }
    if (emoji.length > options.max) {
      const first = emoji[options.max]!;
      const last = emoji[emoji.length - 1]!;
      report({ messageId: 'tooMany', data: { count: emoji.length, max: options.max, over: emoji.length - options.max }, range: body.text.fileRange(first.start, last.end) });
    }
  },
});
