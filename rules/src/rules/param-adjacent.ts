import { defineRule } from '@pesan/core';
import { META, BSP } from '../util/sources.js';
import { bodyParameters, exampleDraft } from '../util/drafts.js';

export default defineRule({
  meta: {
    id: 'param-adjacent',
    description: 'Two body parameters need words between them, not just spaces or nothing.',
    type: 'structure',
    area: 'parameters',
    defaultSeverity: 'error',
    messages: {
      adjacent: 'Unexpected parameters `{{first}}` and `{{second}}` next to each other, expected words between them',
    },
    docs: {
      rationale:
        'Meta rejects templates with "parameters placed next to each other (like {{1}}{{2}}) without text or punctuation between them" (rejection_info example). Whitespace alone does not count as text. Meta gives no ruling on punctuation only (`{{1}}, {{2}}`), so it passes here; words between parameters are the safe choice.',
      sources: [META.statusWebhook, META.review, BSP.twilio63040, BSP.maqsam],
      valid: [{ title: 'Words between parameters', draft: exampleDraft('Hi {{1}}, your order {{2}} arrives on {{3}}. Thank you for shopping with us.') }],
      invalid: [{ title: 'Only a space between parameters', draft: exampleDraft('Hi there, your order {{1}} {{2}} arrives on {{3}}. Thank you for shopping with us.'), messageIds: ['adjacent'] }],
    },
  },
  check({ draft, report }) {
    const body = draft.body;
    if (!body) return;
    const params = bodyParameters(draft);
    for (let i = 1; i < params.length; i++) {
      const a = params[i - 1]!;
      const b = params[i]!;
      if (body.text.text.slice(a.end, b.start).trim() !== '') continue;
      report({ messageId: 'adjacent', data: { first: a.raw, second: b.raw }, range: body.text.fileRange(a.start, b.end) });
    }
  },
});
