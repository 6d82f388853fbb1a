import { defineRule, type RuleExample } from '@pesan/core';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { jsonComponents } from '../util/header-body-footer.js';

/** A Meta JSON docs example (linted as `template.json`). */
const jsonExample = (example: RuleExample & { filename: string }): RuleExample => example;

export default defineRule({
  meta: {
    id: 'body-required',
    description: 'A Meta JSON template has exactly one BODY component, with text.',
    type: 'structure',
    area: 'body',
    defaultSeverity: 'error',
    messages: {
      missing: 'Missing BODY component, expected exactly one `{"type": "BODY", "text": ...}` in `components`',
      empty: 'Unexpected empty body text, expected the message text in the BODY component',
      duplicate: 'Unexpected BODY component number {{n}}, expected exactly one (merge its text into the first)',
    },
    docs: {
      rationale:
        'The body is "the only required component" of a template and a template is "limited to one body component" (Meta). A template without a body, with an empty one or with two is rejected.',
      details:
        'Applies to Meta JSON files only: in a Markdown draft the body is the text below the front matter, and an empty one is already a `parse-error`. Component types are compared without regard to case. Each extra BODY component gets its own finding; Pesan reads only the first.',
      sources: [META.components],
      valid: [{ title: 'A Markdown draft always has one body', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.') }],
      invalid: [
        jsonExample({
          title: 'Two BODY components (Meta JSON)',
          filename: 'template.json',
          draft: '{\n  "name": "order_shipped",\n  "language": "es_MX",\n  "category": "UTILITY",\n  "components": [\n    { "type": "BODY", "text": "Tu pedido fue enviado." },\n    { "type": "BODY", "text": "Llega el lunes. Gracias." }\n  ]\n}\n',
          messageIds: ['duplicate'],
        }),
      ],
    },
  },
  check({ draft, report }) {
    const found = jsonComponents(draft);
    if (!found) return;
    const bodies = found.components.filter((c) => c.type === 'BODY');
    const first = bodies[0];
    if (!first) {
      report({ messageId: 'missing', range: found.keyRange ?? found.range });
      return;
    }
    if (first.text === undefined || first.text.trim() === '') report({ messageId: 'empty', range: first.textRange ?? first.range });
    bodies.slice(1).forEach((body, i) => report({ messageId: 'duplicate', data: { n: i + 2 }, range: body.range }));
  },
});
