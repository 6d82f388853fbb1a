import { codePointLength, defineRule, validParameters } from '@pesan/core';
import { z } from 'zod';
import { META, BSP } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { bodyExampleFor } from '../util/parameters.js';

export default defineRule({
  meta: {
    id: 'param-value-length',
    description: 'The body stays within 1,024 characters once the example values are filled in, with room for longer real values.',
    type: 'structure',
    area: 'examples',
    defaultSeverity: 'warn',
    options: z.strictObject({
      max: z.number().int().positive().default(1024).describe('Maximum length of the rendered body, in code points.'),
      bufferPerParam: z.number().int().min(0).default(25).describe('Headroom to keep per parameter occurrence, in code points, for real values longer than the examples.'),
    }),
    messages: {
      renderedTooLong: 'Unexpected body of {{length}} characters once the examples are filled in, expected at most {{max}}; the longest example is for `{{param}}` ({{valueLength}} characters)',
      noHeadroom: 'Unexpected headroom of {{left}} characters below {{max}} (the body is {{length}} characters with the examples), expected at least {{needed}}: {{buffer}} per parameter for {{count}}',
    },
    docs: {
      rationale:
        'The 1,024-character body limit applies to the message as sent, parameters filled in: a value that pushes the rendered body past it makes the send fail (Glific #3517). Meritto suggests keeping a buffer of 25–30 characters per variable, because real values (names, addresses) run longer than the examples.',
      details:
        'The rendered body is the body with each parameter replaced by its example value (the placeholder itself when there is no example), counted in code points. `renderedTooLong` when it exceeds `max` (1,024), marking the parameter with the longest example; otherwise `noHeadroom` when rendered length + `bufferPerParam` (25) × parameter occurrences exceeds `max`, marking the parameters. A body already too long as written is `body-too-long`.',
      sources: [META.components, BSP.glific3517, BSP.meritto],
      valid: [
        { title: 'Short body with short values', draft: exampleDraft('Hi {{1}}, your order {{2}} has shipped.', 'examples:\n  body: [Ana, A-1042]') },
        { title: 'Indonesian reminder with room to spare', draft: exampleDraft('Halo {{1}}, tagihan {{2}} sebesar Rp {{3}} jatuh tempo besok.', 'examples:\n  body: [Budi, INV-2291, "150.000"]', { language: 'id' }) },
      ],
      invalid: [
        {
          title: 'Little room left for three parameters',
          draft: exampleDraft(`Hi {{1}}, your order {{2}} arrives on {{3}}. ${'Please keep this message for your records. '.repeat(22)}`, 'examples:\n  body: [Ana, A-1042, Friday]'),
          messageIds: ['noHeadroom'],
        },
      ],
    },
  },
  check({ draft, options, report }) {
    const body = draft.body;
    if (!body) return;
    const text = body.text.text;
    if (codePointLength(text) > options.max) return;
    const params = validParameters(text);
    if (params.length === 0) return;
    let rendered = '';
    let cursor = 0;
    let longest = params[0]!;
    let longestLength = -1;
    for (const p of params) {
      const value = bodyExampleFor(draft, p)?.value ?? p.raw;
      const valueLength = codePointLength(value);
      if (valueLength > longestLength) {
        longest = p;
        longestLength = valueLength;
      }
      rendered += text.slice(cursor, p.start) + value;
      cursor = p.end;
    }
    rendered += text.slice(cursor);
    const length = codePointLength(rendered);
    if (length > options.max) {
      report({
        messageId: 'renderedTooLong',
        data: { length, max: options.max, param: longest.raw, valueLength: longestLength },
        range: body.text.fileRange(longest.start, longest.end),
      });
      return;
    }
    const needed = options.bufferPerParam * params.length;
    if (length + needed <= options.max) return;
    report({
      messageId: 'noHeadroom',
      data: { left: options.max - length, count: params.length === 1 ? '1 parameter' : `${params.length} parameters`, length, needed, buffer: options.bufferPerParam, max: options.max },
      range: body.text.fileRange(params[0]!.start, params[params.length - 1]!.end),
    });
  },
});
