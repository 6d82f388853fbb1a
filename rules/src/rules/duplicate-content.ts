import { defineRule, fingerprintHash } from '@pesan/core';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';

/** Whitespace and case do not make two bodies different for a reviewer. */
function normalise(text: string): string {
  const lower = text.toLowerCase();
  // Most bodies have no whitespace but single spaces inside: no replace needed then.
  return OTHER_WHITESPACE.test(lower) ? lower.replace(/\s+/g, ' ').trim() : lower;
}
/** Whitespace other than single inner spaces: a run, a line break or tab, or a space at either end. */
const OTHER_WHITESPACE = /\s\s|[^\S ]|^\s|\s$/;

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
      // The engine keeps every draft's key until the run ends: a 64-bit hash of the normalised texts instead of the
      // texts (a chance collision between two different bodies is about 1 in 10^19 per pair).
      return { key: fingerprintHash(`${normalise(draft.body.text.text)}\0${normalise(draft.footer?.value ?? '')}`), range: draft.body.range };
    },
  },
});
