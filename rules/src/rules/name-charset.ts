import { defineRule } from '@pesan/core';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';

const VALID = /^[a-z0-9_]+$/;

/** Meta's own normalisation of a name: lower case, spaces and hyphens to underscores, anything else dropped. */
function normalisedName(name: string): string {
  return name.toLowerCase().replace(/[\s-]+/g, '_').replace(/[^a-z0-9_]/g, '');
}

export default defineRule({
  meta: {
    id: 'name-charset',
    description: 'Template names use only lowercase letters a–z, digits and underscores.',
    type: 'structure',
    area: 'name',
    defaultSeverity: 'error',
    hasSuggestions: true,
    messages: {
      invalid: 'Unexpected character `{{char}}` in template name `{{name}}`, expected only a-z, 0-9 and _',
      rename: 'Rename to `{{suggestion}}`',
    },
    docs: {
      rationale:
        'Meta rejects a template whose name contains anything but lowercase alphanumeric characters and underscores: no spaces, hyphens, capitals or accents. The name is also the key Pesan analytics uses to join webhook data.',
      sources: [META.fundamentals, META.utility],
      valid: [{ title: 'Snake case', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.', '', { name: 'order_shipped_v2' }) }],
      invalid: [
        { title: 'Hyphen and capital letters', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.', '', { name: 'Order-Shipped' }), messageIds: ['invalid'] },
      ],
    },
  },
  check({ draft, report }) {
    const name = draft.name;
    if (!name || name.value === '' || VALID.test(name.value)) return;
    const index = name.value.search(/[^a-z0-9_]/);
    const char = [...name.value.slice(index)][0] ?? '';
    const suggestion = normalisedName(name.value);
    report({
      messageId: 'invalid',
      data: { char: char === ' ' ? 'space' : char, name: name.value },
      range: name.text.fileRange(index, index + char.length),
      ...(suggestion ? { suggest: [{ messageId: 'rename', data: { suggestion }, fix: { range: name.text.range, text: suggestion } }] } : {}),
    });
  },
});
