import { defineRule, type RuleExample } from '@pesan/core';
import { META, BSP } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { jsonComponents } from '../util/header-body-footer.js';

/** A Meta JSON docs example (linted as `template.json`). */
const jsonExample = (example: RuleExample & { filename: string }): RuleExample => example;

export default defineRule({
  meta: {
    id: 'header-single',
    description: 'A Meta JSON template has at most one HEADER component.',
    type: 'structure',
    area: 'header',
    defaultSeverity: 'error',
    messages: { duplicate: 'Unexpected HEADER component number {{n}}, expected at most one header (keep one and move the rest to the body)' },
    docs: {
      rationale: 'A template has at most one header (Meta\'s component reference; 360dialog: "one header"). A second HEADER component is rejected.',
      details:
        'Applies to Meta JSON files only: a Markdown draft has a single `header` key (YAML refuses duplicate keys). Component types are compared without regard to case. Each extra HEADER component gets its own finding; Pesan reads only the first.',
      sources: [META.components, BSP.dialog360Elements],
      valid: [{ title: 'One header in a Markdown draft', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.', 'header: Your order is on its way') }],
      invalid: [
        jsonExample({
          title: 'Two HEADER components (Meta JSON)',
          filename: 'template.json',
          draft: '{\n  "name": "order_shipped",\n  "language": "id",\n  "category": "UTILITY",\n  "components": [\n    { "type": "HEADER", "format": "TEXT", "text": "Pesanan dikirim" },\n    { "type": "HEADER", "format": "TEXT", "text": "Info pengiriman" },\n    { "type": "BODY", "text": "Pesanan Anda sudah dikirim. Terima kasih." }\n  ]\n}\n',
          messageIds: ['duplicate'],
        }),
      ],
    },
  },
  check({ draft, report }) {
    const found = jsonComponents(draft);
    if (!found) return;
    found.components
      .filter((c) => c.type === 'HEADER')
      .slice(1)
      .forEach((header, i) => report({ messageId: 'duplicate', data: { n: i + 2 }, range: header.range }));
  },
});
