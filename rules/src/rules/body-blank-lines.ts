import { defineRule } from '@pesan/core';
import { z } from 'zod';
import { META, BSP } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';

/** What a removable run of blank lines may look like in the file: whitespace, or JSON escapes of it. */
const MARKDOWN_BLANK = /^[ \t\r\n]*$/;
const JSON_BLANK = /^(?:[ \t]|\\[nrt])*$/;

export default defineRule({
  meta: {
    id: 'body-blank-lines',
    description: 'The body has at most 2 consecutive blank lines.',
    type: 'style',
    area: 'body',
    defaultSeverity: 'warn',
    fixable: true,
    options: z.strictObject({ maxBlankLines: z.number().int().nonnegative().default(2).describe('Maximum number of consecutive blank lines.') }),
    messages: { tooMany: 'Unexpected {{count}} consecutive blank lines in the body, expected at most {{max}} (remove {{over}})' },
    docs: {
      rationale:
        'Line breaks are fine in a body (Meta\'s own examples use `\\n\\n`), but EasySocial reports that a body "must not have four consecutive newlines", that is three blank lines. Older BSP pages (Twilio 63040) were stricter. Long gaps also waste the few lines a marketing message shows before "Read more".',
      details:
        'A blank line is a line with nothing but spaces or tabs. The finding marks the blank lines past the limit, and the safe fix deletes them (the first `maxBlankLines` blank lines stay). In Meta JSON the fix removes the `\\n` escapes.',
      sources: [BSP.easysocial, META.utility, BSP.twilio63040],
      valid: [{ title: 'One blank line between paragraphs', draft: exampleDraft('Your order {{1}} has shipped.\n\nIt arrives on {{2}}. Thank you.') }],
      invalid: [{ title: 'Three blank lines (fixable)', draft: exampleDraft('Pesanan {{1}} sudah dikirim.\n\n\n\nTiba pada {{2}}. Terima kasih.', '', { language: 'id' }), messageIds: ['tooMany'] }],
    },
  },
  check({ draft, options, report }) {
    const body = draft.body;
    if (!body) return;
    const text = body.text.text;
    const max = options.maxBlankLines;
    const run = /\n(?:[ \t]*\n)+/g;
    for (let m = run.exec(text); m; m = run.exec(text)) {
      const breaks: number[] = [];
      for (let i = m.index; i < m.index + m[0].length; i++) if (text[i] === '\n') breaks.push(i);
      const count = breaks.length - 1;
      if (count <= max) continue;
      // Keep the line break that ends the text line and `max` blank lines; delete the rest, whole lines only.
      // File offsets from the end of the last kept line break (so a CRLF or JSON `\n` escape stays whole).
      const kept = breaks[max]!;
      const last = breaks[breaks.length - 1]!;
      const range = [body.text.fileRange(kept, kept + 1)[1], body.text.fileRange(last, last + 1)[1]] as const;
      const slice = draft.file.text.slice(range[0], range[1]);
      const safe = body.text.isExact && (draft.format === 'meta-json' ? JSON_BLANK : MARKDOWN_BLANK).test(slice);
      report({
        messageId: 'tooMany',
        data: { count, max, over: count - max },
        range,
        ...(safe ? { fix: { range, text: '' } } : {}),
      });
    }
  },
});
