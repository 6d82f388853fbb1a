import type { Draft, LintSettings, MappedText } from '@pesan/core';
import { findTerms, languagesForCode, type LexiconMatch } from '../lexicon/index.js';

/** A text component of a draft to search with the lexicons. */
export interface SearchedText {
  /** `body`, `header`, `footer` or `button 2`. */
  label: string;
  text: MappedText;
}

/** The text components a content rule searches, in file order: header, body, footer, button labels. */
export function searchedTexts(draft: Draft, which: { header?: boolean; footer?: boolean; buttons?: boolean } = {}): SearchedText[] {
  const out: SearchedText[] = [];
  if (which.header !== false && draft.header?.text) out.push({ label: 'header', text: draft.header.text.text });
  if (draft.body) out.push({ label: 'body', text: draft.body.text });
  if (which.footer !== false && draft.footer) out.push({ label: 'footer', text: draft.footer.text });
  if (which.buttons !== false) for (const b of draft.buttons) if (b.text) out.push({ label: `button ${b.index + 1}`, text: b.text.text });
  return out;
}

export interface PolicyMatch {
  where: SearchedText;
  match: LexiconMatch;
}

/**
 * Non-negated lexicon matches of `kinds` in the draft's texts, in the template's language (every language when the
 * code is missing or has no lexicon). Terms the config accepts (`vocabulary.accept`) never match. Overlapping matches
 * and further matches of the same label in the same sentence are dropped, so one phrase gives one finding.
 */
export function policyMatches(draft: Draft, settings: LintSettings, kinds: readonly string[], texts: readonly SearchedText[] = searchedTexts(draft)): PolicyMatch[] {
  const languages = languagesForCode(draft.language?.value);
  const out: PolicyMatch[] = [];
  for (const where of texts) {
    const found = findTerms(where.text.text, { languages, kinds, vocabulary: settings.vocabulary });
    let lastEnd = -1;
    const seen = new Set<string>();
    for (const match of found) {
      const key = `${match.sentence}\0${match.label}`;
      if (match.negated || match.start < lastEnd || seen.has(key)) continue;
      lastEnd = match.end;
      seen.add(key);
      out.push({ where, match });
    }
  }
  return out;
}
