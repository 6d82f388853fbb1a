import { defineRule, findEmoji } from '@pesan/core';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { buttonLabel } from '../util/buttons.js';

/**
 * WhatsApp formatting as it would be written in a body: `*bold*`, `_italic_`, `~strike~`, ```` ```mono``` ````,
 * `` `code` ``. Like WhatsApp, a marker pair counts only at word edges, so `order_id_2` is not italic.
 */
const FORMATTING = /(?<![\p{L}\p{N}])(```|[*_~`])(?!\s)(?:(?!\1).)+?(?<!\s)\1(?![\p{L}\p{N}])/gu;
/** Only emoji shown as emoji: text-default pictographs such as ™ or ❤ without U+FE0F are left alone. */
const EMOJI_STYLE = /\p{Emoji_Presentation}|\uFE0F|\u200D|\p{Emoji_Modifier}|\p{Regional_Indicator}/u;
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/g;

export default defineRule({
  meta: {
    id: 'button-text-charset',
    description: 'Button labels have no emoji, line breaks or WhatsApp formatting markers.',
    type: 'style',
    area: 'buttons',
    defaultSeverity: 'warn',
    messages: {
      emoji: 'Unexpected emoji `{{emoji}}` in the label of {{button}}, expected plain text',
      newline: 'Unexpected line break in the label of {{button}}, expected a single line',
      formatting: 'Unexpected formatting `{{marked}}` in the label of {{button}}, expected plain text (labels show the markers literally)',
    },
    docs: {
      rationale:
        'Meta describes button text as "alphanumeric characters only", yet its own examples use spaces and punctuation, so this rule does not flag those. It warns on what clearly goes beyond "alphanumeric": emoji, line breaks, and WhatsApp formatting markers, which a button shows as literal characters rather than formatting.',
      details:
        'Emoji are pictographic characters with their modifiers (a flag or a skin-toned emoji is one finding); text-style symbols such as © or ™ (and ❤ without the emoji variation selector) are not flagged. Formatting is a marker pair at word edges: `*Pay now*`, `_now_`, `~old~`, `` `code` ``; a lone `*` or an underscore inside a word is left alone. Each occurrence is its own finding. There is no automatic fix: remove the characters or reword the label.',
      sources: [META.utility, META.marketing],
      valid: [{ title: 'Plain label with punctuation', draft: exampleDraft('Hola {{1}}, su cita es el {{2}}. Responda para confirmar.', 'buttons:\n  - {type: quick_reply, text: "Sí, confirmo"}', { language: 'es_MX' }) }],
      invalid: [
        { title: 'Emoji and bold markers in labels', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.', 'buttons:\n  - {type: quick_reply, text: "Got it 👍"}\n  - {type: quick_reply, text: "*Talk to us*"}'), messageIds: ['emoji', 'formatting'] },
      ],
    },
  },
  check({ draft, report }) {
    for (const button of draft.buttons) {
      const label = button.text;
      if (!label) continue;
      const value = label.value;
      const found: { start: number; end: number; messageId: string; data: Record<string, string> }[] = [];
      for (const e of findEmoji(value).filter((m) => EMOJI_STYLE.test(m.text))) found.push({ start: e.start, end: e.end, messageId: 'emoji', data: { emoji: e.text } });
      LINE_BREAK.lastIndex = 0;
      for (let m = LINE_BREAK.exec(value); m; m = LINE_BREAK.exec(value)) found.push({ start: m.index, end: m.index + m[0].length, messageId: 'newline', data: {} });
      FORMATTING.lastIndex = 0;
      for (let m = FORMATTING.exec(value); m; m = FORMATTING.exec(value)) found.push({ start: m.index, end: m.index + m[0].length, messageId: 'formatting', data: { marked: m[0] } });
      found.sort((a, b) => a.start - b.start);
      for (const f of found) {
        report({ messageId: f.messageId, data: { ...f.data, button: buttonLabel(button) }, range: label.text.fileRange(f.start, f.end) });
      }
    }
  },
});
