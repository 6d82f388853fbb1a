import type { Fix } from './rule.js';
import type { FileResult } from './finding.js';

/**
 * Applies non-overlapping fixes in one pass, last first so earlier offsets stay valid. Overlapping fixes are left
 * for the next pass (ESLint's approach), which re-lints the new text.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number } {
  const sorted = [...fixes].sort((a, b) => b.range[0] - a.range[0] || b.range[1] - a.range[1]);
  const kept: Fix[] = [];
  let limit = Infinity;
  for (const fix of sorted) {
    if (fix.range[1] > limit) continue;
    kept.push(fix);
    limit = fix.range[0];
  }
  // One pass over the text, first fix first: splicing the text once per fix was quadratic in the number of fixes.
  const parts: string[] = [];
  let cursor = 0;
  for (let i = kept.length - 1; i >= 0; i--) {
    const fix = kept[i]!;
    parts.push(text.slice(cursor, fix.range[0]), fix.text);
    cursor = fix.range[1];
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(''), applied: kept.length };
}

const MAX_PASSES = 10;

/**
 * Lints, applies every safe fix, and lints again until nothing is fixable (at most 10 passes). Suggestions are
 * never applied. Returns the fixed text and the result of linting it.
 */
export function fixUntilStable(text: string, lint: (text: string) => FileResult): { text: string; result: FileResult; passes: number } {
  let current = text;
  let result = lint(current);
  let passes = 0;
  while (passes < MAX_PASSES) {
    const fixes = result.messages.map((m) => m.fix).filter((f): f is Fix => f !== undefined);
    if (fixes.length === 0) break;
    const next = applyFixes(current, fixes);
    if (next.text === current) break;
    current = next.text;
    result = lint(current);
    passes++;
  }
  return { text: current, result, passes };
}
