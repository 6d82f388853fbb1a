import { defineRule } from '@pesan/core';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';

export default defineRule({
  meta: {
    id: 'name-unique-per-language',
    description: 'Each name and language pair is defined once across the linted drafts.',
    type: 'structure',
    area: 'name',
    defaultSeverity: 'error',
    messages: { duplicate: 'Unexpected second template `{{name}}` in `{{language}}`, expected each name and language once (first defined at {{other}})' },
    docs: {
      rationale:
        'Meta refuses to create a template whose name and language already exist ("Must be unique, unless existing templates with the same name have a different template language"). The same name in another language is fine: that is how translations are grouped.',
      details:
        'Checked across every draft of one `pesan lint` run (and across the templates of one Meta JSON file). The first draft in path order is kept; each later one is reported. Directives do not apply to this rule, which looks at several files at once: rename the draft or change `rules`.',
      sources: [META.utility],
      valid: [{ title: 'One draft per language', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.') }],
      invalid: [],
    },
  },
  check() {
    // Reported by the engine from `project` keys once every file is linted.
  },
  project: {
    messageId: 'duplicate',
    key({ draft }) {
      if (!draft.name || !draft.language) return undefined;
      return { key: `${draft.name.value}\0${draft.language.value}`, range: draft.name.range, data: { name: draft.name.value, language: draft.language.value } };
    },
  },
});
