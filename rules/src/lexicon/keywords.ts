import type { CompiledLexicons } from './compile.js';
import { normalizeKeyword } from './load.js';

/** Whole-text keyword test: the reply, trimmed of whitespace, punctuation and emoji and folded, IS a keyword. */
export function isKeywordIn(lexicons: CompiledLexicons, kind: string, reply: string, languages?: readonly string[]): boolean {
  const key = normalizeKeyword(reply);
  if (!key) return false;
  for (const code of languages ?? lexicons.languages.keys()) {
    if (lexicons.languages.get(code)?.keywords.get(kind)?.has(key)) return true;
  }
  return false;
}

export function keywordsIn(lexicons: CompiledLexicons, kind: string, languages?: readonly string[]): string[] {
  const out = new Set<string>();
  for (const code of languages ?? lexicons.languages.keys()) {
    const table = lexicons.languages.get(code)?.keywords.get(kind);
    if (table) for (const e of table.values()) for (const t of e.def.terms) out.add(t);
  }
  return [...out];
}
