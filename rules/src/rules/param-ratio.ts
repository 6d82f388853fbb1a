import { defineRule, fixedWordCount, validParameters } from '@pesan/core';
import { z } from 'zod';
import { META, BSP } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';

export default defineRule({
  meta: {
    id: 'param-ratio',
    description: 'The body has enough fixed words for its parameters: at least 2 per parameter, plus 1.',
    type: 'structure',
    area: 'parameters',
    defaultSeverity: 'error',
    options: z.strictObject({
      minWordsPerParam: z.number().int().min(0).default(2).describe('Fixed words required per body parameter; the minimum is this times the parameter count, plus 1.'),
    }),
    messages: {
      tooManyParams: 'Unexpected {{params}} for {{words}} fixed words in the body, expected at least {{min}} fixed words (add {{add}} more, or use fewer parameters)',
    },
    docs: {
      rationale:
        'Meta rejects templates that contain "too many variable parameters relative to the message length" (template review; API subcode 2388293 "Params Words Ratio Exceeds Limit"). Meta publishes no formula. The heuristic here is the one two BSPs give (Syniverse, Maqsam): the fixed words must be at least 2n + 1 for n parameters, equivalently at least 3n + 1 words counting the parameters. It is a heuristic, not a Meta number.',
      details:
        'n counts every well-formed parameter occurrence in the body (`{{1}}` used twice counts twice); malformed placeholders such as `{{ 1 }}` count neither as parameters nor as words. Fixed words are runs of letters or digits outside the parameters (`Rp`, `150.000` and `e-mail` each count one); emoji and punctuation are not words. With the option `minWordsPerParam` k, the minimum is k·n + 1. The finding spans the body\'s parameters.',
      sources: [META.review, BSP.syniverse, BSP.maqsam],
      valid: [
        { title: 'Seven fixed words for two parameters', draft: exampleDraft('Hi {{1}}, your order {{2}} has shipped today.') },
        { title: 'Indonesian reminder', draft: exampleDraft('Halo {{1}}, tagihan {{2}} jatuh tempo pada {{3}}. Mohon segera dibayar.', '', { language: 'id' }) },
      ],
      invalid: [
        { title: 'Three parameters and four fixed words', draft: exampleDraft('Dear {{1}}, order {{2}} ships {{3}} today.'), messageIds: ['tooManyParams'] },
      ],
    },
  },
  check({ draft, options, report }) {
    const body = draft.body;
    if (!body) return;
    const params = validParameters(body.text.text);
    const n = params.length;
    if (n === 0) return;
    const words = fixedWordCount(body.text.text);
    const min = options.minWordsPerParam * n + 1;
    if (words >= min) return;
    report({
      messageId: 'tooManyParams',
      data: { params: n === 1 ? '1 parameter' : `${n} parameters`, words, min, add: min - words },
      range: body.text.fileRange(params[0]!.start, params[n - 1]!.end),
    });
  },
});
