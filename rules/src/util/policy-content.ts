import type { Draft, LintSettings, MappedText } from '@pesan/core';
import { findTerms, languagesForCode, type LexiconMatch } from '../lexicon/index.js';
import { RecentDrafts } from './recent-drafts.js';

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
  const shared = kinds.length === 1 && (POLICY_KINDS as readonly string[]).includes(kinds[0]!) ? draftCache(draft, settings) : undefined;
  for (const where of texts) {
    const found = shared ? kindMatches(shared, where.text, languages, kinds[0]!, settings) : findTerms(where.text.text, { languages, kinds, vocabulary: settings.vocabulary });
    if (found.length === 0) continue;
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

/**
 * The kinds the content rules ask about one at a time (otp-outside-authentication, sensitive-identifier-request,
 * threatening-content): one lexicon query per text answers all of them, and each rule takes its kind. A query for
 * several kinds returns, for each kind, exactly the matches a query for that kind alone returns, in the same order.
 */
const POLICY_KINDS = ['otp', 'sensitive-identifier', 'threat'] as const;

interface DraftCache {
  /** Per text: its matches of POLICY_KINDS, by kind. */
  texts: Map<MappedText, ReadonlyMap<string, LexiconMatch[]>>;
}

/** The rules of one draft run one after the other: a few recent drafts are enough. */
const recentDrafts = new RecentDrafts<DraftCache>();

function draftCache(draft: Draft, settings: LintSettings): DraftCache {
  return recentDrafts.get(draft, settings, () => ({ texts: new Map() }));
}

const NO_MATCHES: ReadonlyMap<string, LexiconMatch[]> = new Map();

function kindMatches(cache: DraftCache, text: MappedText, languages: string[], kind: string, settings: LintSettings): LexiconMatch[] {
  let byKind = cache.texts.get(text);
  if (!byKind) {
    const found = findTerms(text.text, { languages, kinds: POLICY_KINDS, vocabulary: settings.vocabulary });
    // Most texts have none of these terms: they share one empty map.
    if (found.length === 0) byKind = NO_MATCHES;
    else {
      const grouped = new Map<string, LexiconMatch[]>();
      for (const m of found) {
        const list = grouped.get(m.kind);
        if (list) list.push(m);
        else grouped.set(m.kind, [m]);
      }
      byKind = grouped;
    }
    cache.texts.set(text, byKind);
  }
  return byKind.get(kind) ?? [];
}
