import { defineRule } from '@pesan/core';
import { META, BSP } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { plainTextProblems } from '../util/header-body-footer.js';

export default defineRule({
  meta: {
    id: 'header-plain-text',
    description: 'A text header is plain text: no emoji, no WhatsApp formatting, no line break.',
    type: 'structure',
    area: 'header',
    defaultSeverity: 'warn',
    messages: {
      emoji: 'Unexpected emoji {{text}} in the text header, expected plain text (move it to the body)',
      format: 'Unexpected formatting `{{text}}` in the text header, expected plain text (WhatsApp does not format headers; remove the markers)',
      newline: 'Unexpected line break in the text header, expected a single line',
    },
    docs: {
      rationale:
        'Meta says "markdown special characters are not supported" in a text header and recommends avoiding them; Twilio (error 63040) and Engati report rejections of headers with emoji, formatting characters or newlines. WhatsApp shows header markers literally, so `*Sale*` appears with its asterisks.',
      details:
        'Each emoji, each formatting span (`*bold*`, `_italic_`, `~strike~` as WhatsApp pairs them, and ```` ```monospace``` ````) and each line break is a separate finding. Markers inside parameters (`{{first_name}}`) and inside words (`snake_case`) are not formatting. A lone `*` that WhatsApp would not pair is not reported.',
      sources: [META.components, BSP.twilio63040, BSP.engati],
      valid: [{ title: 'Plain header', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.', 'header: Your order is on its way') }],
      invalid: [
        { title: 'Emoji and bold in the header', draft: exampleDraft('Tu pedido {{1}} fue enviado y llega el {{2}}. Gracias.', 'header: "*Pedido enviado* 🚚"', { language: 'es_MX' }), messageIds: ['format', 'emoji'] },
      ],
    },
  },
  check({ draft, report }) {
    const text = draft.header?.format.value === 'text' ? draft.header.text : undefined;
    if (!text) return;
    for (const problem of plainTextProblems(text.value)) {
      report({ messageId: problem.kind, data: { text: problem.text }, range: text.text.fileRange(problem.start, problem.end) });
    }
  },
});
