import { defineRule, fixedWordCount, validParameters } from '@pesan/core';
import { z } from 'zod';
import { BSP, META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';

export default defineRule({
  meta: {
    id: 'unclear-content',
    description: 'A UTILITY body says something on its own: not only parameters, and at least a few fixed words.',
    type: 'compliance',
    area: 'content',
    defaultSeverity: 'warn',
    categories: ['UTILITY'],
    options: z.strictObject({ minWords: z.number().int().min(1).default(3).describe('Fewest fixed words (words outside parameters) a UTILITY body needs.') }),
    messages: {
      onlyParameters: 'Unexpected body made only of parameters (`{{body}}`), expected fixed words that say what the message is about: Meta treats unclear content as MARKETING',
      tooFewWords: 'Unexpected body with {{count}} fixed word(s), expected at least {{min}} that say what the message is about: Meta treats unclear content such as "Congratulations!" as MARKETING',
    },
    docs: {
      rationale:
        'Meta: "Templates where contents are unclear (for example, where contents are only "{{1}}" or "Congratulations!")" are categorised as MARKETING. Reviewers cannot tell what a parameter-only body will carry, and Twilio reports such templates rejected as "too generic and includes placeholders that could be used for abuse".',
      details: 'Fixed words are runs of letters or digits outside `{{…}}` parameters (the same count as param-ratio). The default minimum of 3 follows the reference ("fewer than about 3 fixed words"); set `minWords` to change it.',
      sources: [META.categorization, BSP.twilioApprovals],
      valid: [
        { title: 'Order update with context', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}.') },
        { title: 'Indonesian reminder', draft: exampleDraft('Tagihan Rp {{1}} jatuh tempo {{2}}.', '', { name: 'tagihan', language: 'id' }) },
      ],
      invalid: [
        { title: 'Only a parameter', draft: exampleDraft('{{1}}', 'examples:\n  body: ["Your order has shipped"]', { name: 'carrier' }), messageIds: ['onlyParameters'] },
        { title: 'One word (Portuguese)', draft: exampleDraft('Parabéns!', '', { name: 'parabens', language: 'pt_BR' }), messageIds: ['tooFewWords'] },
      ],
    },
  },
  check({ draft, options, report }) {
    const body = draft.body;
    if (!body) return;
    const text = body.text.text;
    const words = fixedWordCount(text);
    if (words >= options.minWords) return;
    const range = body.text.fileRange(0, text.length);
    if (words === 0 && validParameters(text).length > 0) report({ messageId: 'onlyParameters', data: { body: text.length > 40 ? `${text.slice(0, 37)}…` : text }, range });
    else report({ messageId: 'tooFewWords', data: { count: words, min: options.minWords }, range });
  },
});
