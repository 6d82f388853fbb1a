import { defineRule, FingerprintHasher } from '@pesan/core';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';

/**
 * Whitespace and case do not make two bodies different for a reviewer: the key is the hash of
 * `text.toLowerCase().replace(/\s+/g, ' ').trim()`, fed to the hasher as it is read instead of built first (this
 * rule runs on every draft; building, testing and hashing the normalised string was ≈ 4 % of a large run).
 */
export function addNormalised(hasher: FingerprintHasher, text: string): void {
  const lower = text.toLowerCase();
  const n = lower.length;
  let i = 0;
  let first = true;
  for (;;) {
    while (i < n && isSpace(lower.charCodeAt(i))) i++;
    if (i === n) return;
    // A run of other characters: one space before it unless it is the first.
    const start = i;
    while (i < n && !isSpace(lower.charCodeAt(i))) i++;
    if (!first) hasher.add(32);
    hasher.addRange(lower, start, i);
    first = false;
  }
}

/** JavaScript's `\s` (WhiteSpace and LineTerminator), which `trim` also removes. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
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
      // The engine keeps every draft's key until the run ends: a 64-bit hash of the normalised texts instead of the
      // texts (a chance collision between two different bodies is about 1 in 10^19 per pair).
      const hasher = new FingerprintHasher();
      addNormalised(hasher, draft.body.text.text);
      hasher.add(0);
      addNormalised(hasher, draft.footer?.value ?? '');
      return { key: hasher.digest(), range: draft.body.range };
    },
  },
});
