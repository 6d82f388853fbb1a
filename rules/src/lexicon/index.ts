/**
 * Lexicon engine: per-language word lists kept as data in `rules/lexicons/` and matched case-, accent- and
 * width-insensitively on word boundaries, with the language's inflections and negation scope.
 *
 * Data layout (adding a language = adding a folder; adding a kind = declaring it in kinds.yaml and adding files):
 *   rules/lexicons/kinds.yaml            kinds, their allowed labels, `match: phrase | whole`
 *   rules/lexicons/<lang>/language.yaml  prefixes/suffixes, negation words and scope, currencies
 *   rules/lexicons/<lang>/<kind>.yaml    entries: {id, label, terms, requires_context?, unless?, context?,
 *                                         ignore_negation?, matches, does_not_match}
 * Term syntax: words separated by spaces; `word*` = any word starting with `word` (≥3 letters); placeholders
 * {num} (number or parameter), {percent} (`20%`, `{{1}}%`), {money} (`Rp 10.000`, `R$ {{1}}`, `$5`, `50 reais`),
 * {param} (`{{1}}`), {word} (any word), {any} (word, number or parameter), {id} (parameter, `#123`, `BK-55102`, 3+
 * digits), {date} (parameter, `20 June`, `20/06`, weekday, `tomorrow`), {time} (parameter, `19.30`, `7:30`, `7 pm`).
 * Punctuation between words stops a match (write it in the term when it belongs: `order no. {id}`).
 * Entry guards: `requires_context` / `unless` (phrases in the same sentence, or text with `context: text`), `except`
 * (phrases the match must not lie inside), `ignore_negation`. Month/weekday/relative-day, currency and time words
 * come from language.yaml.
 *
 * Usage from a rule:
 *   const langs = languagesForCode(ctx.draft.language?.value);          // en_US → ['en'], xx → every language
 *   const found = findTerms(body.text.text, { languages: langs, kinds: ['promotion'], vocabulary: ctx.settings.vocabulary });
 *   for (const m of found) if (!m.negated) ctx.report({ ..., range: body.text.fileRange(m.start, m.end) });
 * Every lexicon is loaded once per process (lazily, on first use; from a validated cache in the OS temp folder when
 * the files are unchanged, and then each language is compiled on its first use). The analyses of the last 1024 texts
 * are cached by content, so the rules asking about a body (and a footer or button label seen before) share one
 * folding, one tokenization and one scan per language.
 *
 * Performance notes (the engine runs on every text of every draft): token values are interned in a process-wide
 * table and handled as integer ids (tokenize.ts); a text's tokens are one array of small integers; one scan per
 * language finds the terms of every kind and the negation words together (compile.ts `scan`), reading per token one
 * byte of flags and, for tokens where terms start, a flat array of the value ids their second tokens must have, so
 * most candidate terms are rejected without being touched; guards, negation and the matches of a kind are computed
 * only when that kind is asked for and has raw matches (match.ts).
 */
import type { CompiledLexicons } from './compile.js';
import type { LanguageDef } from './schema.js';
import { isKeywordIn, keywordsIn } from './keywords.js';
import { DEFAULT_LEXICON_DIR, loadLexicons } from './load.js';
import { findIn, valueShapeIn, type FindOptions, type LexiconMatch, type ValueShape, type Vocabulary } from './match.js';
import { selfTestIn, type SelfTestFailure } from './self-test.js';

export type { CompiledLexicons, LanguageDef, FindOptions, LexiconMatch, SelfTestFailure, ValueShape, Vocabulary };
export { LexiconError, loadLexicons, normalizeKeyword, DEFAULT_LEXICON_DIR } from './load.js';
export { foldText, fold, originalRange, type FoldedText } from './fold.js';
export { tokenize, type Token, type TokenizedText } from './tokenize.js';

let shared: CompiledLexicons | undefined;

/** The lexicons shipped in `rules/lexicons`, loaded and compiled once per process. Throws LexiconError if malformed. */
export function getLexicons(): CompiledLexicons {
  shared ??= loadLexicons(DEFAULT_LEXICON_DIR);
  return shared;
}

/** Forgets the compiled lexicons so the next use reads the files again (the language server calls this on edits). */
export function reloadLexicons(): void {
  shared = undefined;
}

/** `languagesForCode` answers per lexicons and code. */
const languageCache = new WeakMap<CompiledLexicons, Map<string, string[]>>();

/** Lexicon languages for a template language code: `en_US` → ['en'], `pt_BR` → ['pt'], `id` → ['id']; unknown or missing → every language. */
export function languagesForCode(code: string | undefined, lexicons: CompiledLexicons = getLexicons()): string[] {
  // Rules ask this for every draft: remember the answer per code (a fresh array each time: callers own it).
  let byCode = languageCache.get(lexicons);
  if (!byCode) languageCache.set(lexicons, (byCode = new Map()));
  const key = code ?? '';
  let found = byCode.get(key);
  if (!found) {
    const base = code?.trim().split(/[_-]/)[0]?.toLowerCase();
    found = base && lexicons.languages.has(base) ? [base] : [...lexicons.languages.keys()];
    if (byCode.size > 256) byCode.clear();
    byCode.set(key, found);
  }
  return found.slice();
}

/** Every occurrence of lexicon terms in `text` (sorted by position). Negated occurrences are included with `negated: true`. */
export function findTerms(text: string, options: FindOptions = {}, lexicons: CompiledLexicons = getLexicons()): LexiconMatch[] {
  return findIn(lexicons, text, options);
}

/**
 * Whether an inbound reply is an opt-out keyword as a WHOLE ("STOP", " stop! 🙏", "Parar promoções"), after
 * trimming whitespace, punctuation and emoji and folding case/accents/width. "stop sending the wrong size" is not.
 * `language` is a template/contact language code; missing or unknown → every language's keywords.
 */
export function isOptOutKeyword(reply: string, language?: string, lexicons: CompiledLexicons = getLexicons()): boolean {
  return isKeywordIn(lexicons, 'opt-out-keywords', reply, languagesForCode(language, lexicons));
}

/** The opt-out keywords as written in the lexicons (for display), for a language code or every language. */
export function optOutKeywords(language?: string, lexicons: CompiledLexicons = getLexicons()): string[] {
  return keywordsIn(lexicons, 'opt-out-keywords', languagesForCode(language, lexicons));
}

/** Whole-text keyword test for any `match: whole` kind. */
export function isKeyword(kind: string, reply: string, language?: string, lexicons: CompiledLexicons = getLexicons()): boolean {
  return isKeywordIn(lexicons, kind, reply, languagesForCode(language, lexicons));
}

/**
 * What a literal value looks like (a date, a time, an amount, an identifier), with the languages' month, weekday,
 * currency and time words: used to read parameter examples (`"Friday, June 20"` → date).
 */
export function valueShape(value: string, languages?: readonly string[], lexicons: CompiledLexicons = getLexicons()): ValueShape {
  return valueShapeIn(lexicons, value, languages);
}

/** The language.yaml of a lexicon language (`en`, `id`...), e.g. for `opt_out_footer` or `not_names`. */
export function languageDefinition(language: string, lexicons: CompiledLexicons = getLexicons()): LanguageDef | undefined {
  return lexicons.languages.get(language)?.def;
}

/** Runs every entry's self-tests; returns the failures (empty when all pass). */
export function selfTest(lexicons: CompiledLexicons = getLexicons()): SelfTestFailure[] {
  return selfTestIn(lexicons);
}
