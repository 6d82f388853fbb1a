import { defineRule, type Range } from '@pesan/core';
import { z } from 'zod';
import { BSP } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';

/** Button types that send the reader somewhere or start an action (quick replies are answers, not calls to action). */
const CTA_BUTTONS = new Set(['url', 'phone_number', 'voice_call', 'flow', 'catalog', 'mpm', 'spm', 'copy_code']);
const LINK = /\bhttps?:\/\/[^\s<>()]+|\bwww\.[^\s<>()]+/gi;

interface Cta {
  label: string;
  range: Range;
}

export default defineRule({
  meta: {
    id: 'single-call-to-action',
    description: 'A UTILITY or MARKETING template has one clear call to action (one link or action button), not several.',
    type: 'style',
    area: 'buttons',
    defaultSeverity: 'info',
    categories: ['UTILITY', 'MARKETING'],
    options: z.strictObject({ max: z.number().int().positive().default(1).describe('Maximum number of calls to action (links in the body plus URL, phone, Flow, catalog and copy-code buttons).') }),
    messages: { extra: 'Unexpected extra call to action {{what}} ({{count}} in the template), expected at most {{max}}: keep the one that matters most for this message' },
    docs: {
      rationale:
        'The Meta and Kommo guide to utility messages recommends a short message with one simple, clear call to action, and warns that overusing buttons and rich features distracts the reader. Several links and action buttons compete for the tap; quick replies are answers to the message and are not counted.',
      details:
        'Calls to action are links in the body (`https://...`, `www....`) and buttons of type URL, phone number, voice call, Flow, catalog, MPM/SPM and copy code, in file order. Each one past `max` is reported on its button (or link). Off in `recommended` (style advice), a warning in `strict`.',
      sources: [BSP.kommoUtilityGuide],
      valid: [
        {
          title: 'One action button and quick replies',
          draft: exampleDraft('Hi {{1}}, your order {{2}} has shipped.', 'buttons:\n  - {type: url, text: "Track order", url: "https://shop.example/t/{{1}}", example: "https://shop.example/t/A1"}\n  - {type: quick_reply, text: "Talk to support"}\nexamples:\n  body: ["Ana", "A-1"]'),
        },
        {
          title: 'Portuguese: one link in the body',
          draft: exampleDraft('Olá {{1}}, sua fatura {{2}} está disponível em https://conta.example/faturas e vence em {{3}}.', 'examples:\n  body: ["Rita", "F-1", "20/06"]', { name: 'fatura_disponivel', language: 'pt_BR' }),
        },
      ],
      invalid: [
        {
          title: 'A tracking link, a shop link and a phone button',
          draft: exampleDraft(
            'Hi {{1}}, your order {{2}} has shipped.',
            'buttons:\n  - {type: url, text: "Track order", url: "https://shop.example/t/{{1}}", example: "https://shop.example/t/A1"}\n  - {type: url, text: "Visit our shop", url: "https://shop.example"}\n  - {type: phone_number, text: "Call us", phone_number: "+6221555000"}\nexamples:\n  body: ["Ana", "A-1"]',
          ),
          messageIds: ['extra', 'extra'],
        },
        {
          title: 'Indonesian: a link in the body and a URL button',
          draft: exampleDraft('Halo {{1}}, tagihan {{2}} bisa dilihat di https://tagihan.example/{{3}} sebelum jatuh tempo.', 'buttons:\n  - {type: url, text: "Bayar sekarang", url: "https://bayar.example"}\nexamples:\n  body: ["Budi", "INV-1", "INV-1"]', { name: 'tagihan_baru', language: 'id' }),
          messageIds: ['extra'],
        },
      ],
    },
  },
  check({ draft, options, report }) {
    const ctas: Cta[] = [];
    const body = draft.body;
    if (body) {
      LINK.lastIndex = 0;
      for (let m = LINK.exec(body.text.text); m; m = LINK.exec(body.text.text)) {
        const link = m[0].replace(/[.,;:!?]+$/, '');
        ctas.push({ label: `link \`${link}\``, range: body.text.fileRange(m.index, m.index + link.length) });
      }
    }
    for (const b of draft.buttons) {
      const type = b.type.value.trim().toLowerCase();
      if (!CTA_BUTTONS.has(type)) continue;
      const label = b.text ? `\`${b.text.value}\` (${type} button)` : `${type} button ${b.index + 1}`;
      ctas.push({ label, range: b.text ? b.text.text.fileRange(0, b.text.text.text.length) : b.range });
    }
    if (ctas.length <= options.max) return;
    ctas.sort((a, b) => a.range[0] - b.range[0]);
    for (const cta of ctas.slice(options.max)) {
      report({ messageId: 'extra', data: { what: cta.label, count: ctas.length, max: options.max }, range: cta.range });
    }
  },
});
