import { defineRule } from '@pesan/core';
import { META, BSP } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { plainTextProblems } from '../util/header-body-footer.js';

export default defineRule({
  meta: {
    id: 'footer-plain-text',
    description: 'The footer is plain text: no emoji, no WhatsApp formatting, no line break.',
    type: 'structure',
    area: 'footer',
    defaultSeverity: 'warn',
    messages: {
      emoji: 'Unexpected emoji {{text}} in the footer, expected plain text (move it to the body)',
      format: 'Unexpected formatting `{{text}}` in the footer, expected plain text (WhatsApp does not format footers; remove the markers)',
      newline: 'Unexpected line break in the footer, expected a single line',
    },
    docs: {
      rationale:
        'Twilio (error 63040) and Engati report rejections of footers with emoji or newlines, and formatting is not supported outside the body (Bird lists bold, italics, strikethrough and code blocks among header and footer restrictions). WhatsApp shows footer markers literally.',
      details:
        'Each emoji, each formatting span (`*bold*`, `_italic_`, `~strike~` as WhatsApp pairs them, and ```` ```monospace``` ````) and each line break is a separate finding. Markers inside parameters and inside words (`snake_case`) are not formatting; a lone `*` that WhatsApp would not pair is not reported.',
      sources: [BSP.twilio63040, BSP.engati, BSP.bird, META.components],
      valid: [{ title: 'Plain footer', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.', 'footer: Reply STOP to opt out') }],
      invalid: [{ title: 'Emoji in the footer', draft: exampleDraft('Tu pedido {{1}} fue enviado y llega el {{2}}. Gracias.', 'footer: Gracias por tu compra 🙏', { language: 'es_MX' }), messageIds: ['emoji'] }],
    },
  },
  check({ draft, report }) {
    const footer = draft.footer;
    if (!footer) return;
    for (const problem of plainTextProblems(footer.value)) {
      report({ messageId: problem.kind, data: { text: problem.text }, range: footer.text.fileRange(problem.start, problem.end) });
    }
  },
});
