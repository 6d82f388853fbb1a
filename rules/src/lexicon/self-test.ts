import type { CompiledLexicons } from './compile.js';
import { isKeywordIn } from './keywords.js';
import { normalizeKeyword } from './load.js';
import { findIn } from './match.js';

export interface SelfTestFailure {
  file: string;
  entry: string;
  expectation: 'matches' | 'does_not_match';
  text: string;
  /** What matched instead (for does_not_match failures). */
  found?: string;
}

/**
 * Runs every entry's `matches` / `does_not_match` examples (prh's specs). An example "matches" when the entry has a
 * match in it that is not negated (for whole-text kinds: when the example is one of the entry's keywords).
 */
export function selfTestIn(lexicons: CompiledLexicons): SelfTestFailure[] {
  const failures: SelfTestFailure[] = [];
  for (const lang of lexicons.languages.values()) {
    for (const entry of lang.entries) {
      const whole = lexicons.kinds[entry.kind]?.match === 'whole';
      const hits = (text: string): string | undefined => {
        if (whole) {
          const key = normalizeKeyword(text);
          return isKeywordIn(lexicons, entry.kind, text, [lang.code]) && lang.keywords.get(entry.kind)?.get(key) === entry ? key : undefined;
        }
        const m = findIn(lexicons, text, { languages: [lang.code], kinds: [entry.kind] }).find((x) => x.entryId === entry.id && !x.negated);
        return m?.text;
      };
      for (const text of entry.def.matches) if (hits(text) === undefined) failures.push({ file: entry.file, entry: entry.id, expectation: 'matches', text });
      for (const text of entry.def.does_not_match) {
        const found = hits(text);
        if (found !== undefined) failures.push({ file: entry.file, entry: entry.id, expectation: 'does_not_match', text, found });
      }
    }
  }
  return failures;
}
