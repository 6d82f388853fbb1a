import { defineRule } from '@pesan/core';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';

/** Whitespace and case do not make two bodies different for a reviewer. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

export default defineRule({
  meta: {
    id: 'duplicate-content',
    description: 'No two templates share the same body and footer (authentication templates excepted).',
    type: 'structure',
    area: 'body',
    defaultSeverity: 'error',
    categories: ['UTILITY', 'MARKETING'],
    messages: { duplicate: 'Unexpected body and footer identical to another template (first at {{other}}), expected distinct content' },
    docs: {
      rationale:
        'Meta rejects a template whose body and footer duplicate an existing template ("Duplication" in the review rules). Authentication templates use Meta\'s preset wording, so this check skips them.',
      details:
        'Compares the body and footer of every UTILITY and MARKETING draft in one `pesan lint` run, ignoring case and runs of whitespace, whatever the language. Templates already approved in your account are not visible to Pesan; lint them together (e.g. a WhatsApp Manager JSON export) to include them.',
      sources: [META.review],
      valid: [{ title: 'A single draft', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.') }],
      invalid: [],
    },
  },
  check() {
    // Reported by the engine from `project` keys once every file is linted.
  },
  project: {
    messageId: 'duplicate',
    key({ draft }) {
      if (!draft.body) return undefined;
      return { key: `${normalise(draft.body.text.text)}\0${normalise(draft.footer?.value ?? '')}`, range: draft.body.range };
    },
  },
});
