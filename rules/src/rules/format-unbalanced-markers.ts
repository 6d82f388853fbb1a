import { defineRule } from '@pesan/core';
import { META, BSP } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { unmatchedMarkers } from '../util/header-body-footer.js';

const STYLE: Record<string, string> = { '*': 'bold', _: 'italic', '~': 'strikethrough' };

export default defineRule({
  meta: {
    id: 'format-unbalanced-markers',
    description: 'WhatsApp formatting markers (`*`, `_`, `~`) in the body come in pairs on one line.',
    type: 'style',
    area: 'body',
    defaultSeverity: 'info',
    messages: {
      open: 'Unexpected unmatched {{style}} marker `{{marker}}`, expected a closing `{{marker}}` later on the same line (or remove it)',
      close: 'Unexpected unmatched {{style}} marker `{{marker}}`, expected an opening `{{marker}}` earlier on the same line (or remove it)',
    },
    docs: {
      rationale:
        'WhatsApp formats `*bold*`, `_italic_` and `~strikethrough~` only when both markers are present on the line; a lone marker is shown as a literal character, which usually means a formatting mistake (Meta\'s own examples use paired markers such as `*{{discount_code}}*`). The outcome is cosmetic, so the rule is off in `recommended` and a warning in `strict`.',
      details:
        'Markers are paired line by line, as WhatsApp pairs them: an opening marker follows the line start, a space or punctuation and is followed by a non-space; a closing marker follows a non-space and is not followed by a letter or digit. Ignored, to keep false positives low: markers inside ```` ``` ```` blocks, inline `` `code` ``, parameters (`{{first_name}}`), URLs and USSD codes (`*123#`); markers inside words (`snake_case`); doubled markers (`**`, `__`); list bullets (`* item`); markers between punctuation (`(*)`); `~` before a digit (`~5 min`); `*` after a number (`5* hotel`, `20%*`); and footnote asterisks (`Free delivery*` with a later line starting `*Terms apply`).',
      sources: [META.marketing, META.utility, BSP.bird],
      valid: [
        { title: 'Paired markers', draft: exampleDraft('*Your order {{1}} has shipped* and arrives on _{{2}}_. Thank you.') },
        { title: 'Bullets and snake_case', draft: exampleDraft('Your order {{1}} includes:\n* order_id {{2}}\n* delivery in ~3 days') },
      ],
      invalid: [
        { title: 'Bold never closed', draft: exampleDraft('*Pesanan {{1}} sudah dikirim dan tiba pada {{2}}. Terima kasih.', '', { language: 'id' }), messageIds: ['open'] },
      ],
    },
  },
  check({ draft, report }) {
    const body = draft.body;
    if (!body) return;
    for (const found of unmatchedMarkers(body.text.text)) {
      report({
        messageId: found.side,
        data: { marker: found.marker, style: STYLE[found.marker] ?? '' },
        range: body.text.fileRange(found.index, found.index + 1),
      });
    }
  },
});
