import { codePointLength, defineRule, offsetAfterCodePoints } from '@pesan/core';
import { z } from 'zod';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';

export default defineRule({
  meta: {
    id: 'body-too-long',
    description: 'The body is at most 1,024 characters (Unicode code points, placeholders included).',
    type: 'structure',
    area: 'body',
    defaultSeverity: 'error',
    options: z.strictObject({ max: z.number().int().positive().default(1024).describe('Maximum body length in code points.') }),
    messages: { tooLong: 'Unexpected body of {{length}} characters, expected at most {{max}} (remove {{over}})' },
    docs: {
      rationale: 'Meta rejects a body longer than 1,024 characters with error 2388040 "Character Limit Hit".',
      details:
        'Length counts Unicode code points of the body as Meta receives it (directive comments removed, outer whitespace trimmed), `{{…}}` placeholders included: an emoji such as 👍 counts 1, a flag 2. The finding marks the characters past the limit.',
      sources: [META.components, META.utility],
      valid: [{ title: 'Short body', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.') }],
      invalid: [{ title: 'A 1,100-character body', draft: exampleDraft(`Your order {{1}} has shipped. ${'Details follow. '.repeat(67)}Thank you.`), messageIds: ['tooLong'] }],
    },
  },
  check({ draft, options, report }) {
    const body = draft.body;
    if (!body) return;
    const length = codePointLength(body.text.text);
    if (length <= options.max) return;
    const start = offsetAfterCodePoints(body.text.text, options.max);
    report({
      messageId: 'tooLong',
      data: { length, max: options.max, over: length - options.max },
      range: body.text.fileRange(start, body.text.text.length),
    });
  },
});
