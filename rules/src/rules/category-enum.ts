import { CATEGORIES, defineRule } from '@pesan/core';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';

const VALID: ReadonlySet<string> = new Set(CATEGORIES);

/** Category names from before Meta's 2023 consolidation that people still write (suggestions only, unconfirmed). */
const LEGACY: Record<string, string> = { TRANSACTIONAL: 'UTILITY', OTP: 'AUTHENTICATION', AUTH: 'AUTHENTICATION', PROMOTIONAL: 'MARKETING' };

/** Levenshtein distance, small strings only. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** Categories the value was probably meant to be: a legacy name, or a misspelling (at most 2 edits). */
function candidates(value: string): string[] {
  const upper = value.trim().toUpperCase();
  if (LEGACY[upper]) return [LEGACY[upper]];
  return CATEGORIES.filter((c) => upper.length >= 4 && distance(upper, c) <= 2);
}

export default defineRule({
  meta: {
    id: 'category-enum',
    description: 'The category is UTILITY, MARKETING or AUTHENTICATION, in capitals.',
    type: 'structure',
    area: 'category',
    defaultSeverity: 'error',
    fixable: true,
    hasSuggestions: true,
    messages: {
      wrongCase: 'Unexpected category `{{value}}`, expected `{{expected}}` in capitals',
      invalid: 'Unexpected category `{{value}}`, expected UTILITY, MARKETING or AUTHENTICATION',
      useCategory: 'Use `{{category}}`',
    },
    docs: {
      rationale:
        "Meta knows three template categories: AUTHENTICATION, MARKETING and UTILITY. Any other value is refused at creation, and every category-specific check (promotional wording in UTILITY, authentication restrictions) depends on it.",
      details:
        'A value that is a category in the wrong case or with surrounding spaces (`utility`, `Marketing`) gets a safe fix. An unknown value gets a suggestion when it is a misspelling (at most two letters off, such as `MARKETTING`) or an older name (`TRANSACTIONAL` → UTILITY, `OTP` → AUTHENTICATION; from before Meta merged its categories, unconfirmed in the pages read). Choosing a category changes how Meta reviews and bills the template, so suggestions are never applied automatically.',
      sources: [META.fundamentals, META.categorization],
      valid: [{ title: 'Upper-case category', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.', '', { category: 'UTILITY' }) }],
      invalid: [
        { title: 'Lower case (fixable)', draft: exampleDraft('Tu pedido {{1}} fue enviado y llega el {{2}}. Gracias.', '', { category: 'utility', language: 'es_MX' }), messageIds: ['wrongCase'] },
        { title: 'Older category name', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.', '', { category: 'TRANSACTIONAL' }), messageIds: ['invalid'] },
      ],
    },
  },
  check({ draft, report }) {
    const category = draft.category;
    if (!category || VALID.has(category.value)) return;
    const value = category.value;
    const upper = value.trim().toUpperCase();
    if (VALID.has(upper)) {
      report({
        messageId: 'wrongCase',
        data: { value, expected: upper },
        range: category.text.range,
        ...(category.text.isExact ? { fix: { range: category.text.range, text: upper } } : {}),
      });
      return;
    }
    const options = category.text.isExact ? candidates(value) : [];
    report({
      messageId: 'invalid',
      data: { value },
      range: value === '' ? category.range : category.text.range,
      ...(options.length > 0 ? { suggest: options.map((c) => ({ messageId: 'useCategory', data: { category: c }, fix: { range: category.text.range, text: c } })) } : {}),
    });
  },
});
