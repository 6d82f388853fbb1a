import { defineRule } from '@pesan/core';
import { BSP } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { exampleEntries } from '../util/parameters.js';

const PATTERNS = [
  { messageId: 'newline', re: /\r\n|\r|\n/ },
  { messageId: 'tab', re: /\t/ },
  { messageId: 'spaces', re: / {5,}/ },
] as const;

export default defineRule({
  meta: {
    id: 'param-value-whitespace',
    description: 'Parameter values (and so their examples) have no line break, no tab and no run of more than 4 spaces.',
    type: 'structure',
    area: 'examples',
    defaultSeverity: 'error',
    messages: {
      newline: 'Unexpected line break in the example for `{{param}}`, expected a value on one line (put line breaks in the template text)',
      tab: 'Unexpected tab in the example for `{{param}}`, expected spaces',
      spaces: 'Unexpected run of {{count}} spaces in the example for `{{param}}`, expected at most 4 in a row',
    },
    docs: {
      rationale:
        'A parameter value "cannot have new-line/tab characters or more than 4 consecutive spaces": Meta refuses the send (Twilio error 21656; also handled in public code, Jaal-Yantra-Textiles/v2 #2126). An example with such whitespace shows that the real values will have it too, so the template would fail on every send.',
      details:
        'Looks at body and header example values. Each kind of whitespace is reported once per value, at its first occurrence. Line breaks belong in the template text, where Meta allows them.',
      sources: [BSP.twilio21656, BSP.jaalYantra2126],
      valid: [
        { title: 'Single-line values', draft: exampleDraft('Hi {{1}}, your order {{2}} has shipped.', 'examples:\n  body: [Ana, A-1042]') },
        { title: 'Portuguese values with single spaces', draft: exampleDraft('Olá {{1}}, o prazo é {{2}}.', 'examples:\n  body: [Carla, 3 dias úteis]', { language: 'pt_BR' }) },
      ],
      invalid: [
        { title: 'A line break inside an example', draft: exampleDraft('Hi {{1}}, your address is {{2}}.', 'examples:\n  body: [Ana, "Jl. Sudirman 1\\nJakarta"]'), messageIds: ['newline'] },
      ],
    },
  },
  check({ draft, report }) {
    for (const entry of exampleEntries(draft)) {
      const value = entry.field.value;
      for (const { messageId, re } of PATTERNS) {
        const m = re.exec(value);
        if (!m) continue;
        report({ messageId, data: { param: entry.param, count: m[0].length }, range: entry.field.text.fileRange(m.index, m.index + m[0].length) });
      }
    }
  },
});
