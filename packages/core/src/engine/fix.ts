import type { Fix } from './rule.js';
import type { FileResult } from './finding.js';

/**
 * Applies non-overlapping fixes in one pass, last first so earlier offsets stay valid. Overlapping fixes are left
 * for the next pass (ESLint's approach), which re-lints the new text.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number } {
  const sorted = [...fixes].sort((a, b) => b.range[0] - a.range[0] || b.range[1] - a.range[1]);
  let out = text;
  let limit = Infinity;
  let applied = 0;
  for (const fix of sorted) {
    if (fix.range[1] > limit) continue;
    out = out.slice(0, fix.range[0]) + fix.text + out.slice(fix.range[1]);
    limit = fix.range[0];
    applied++;
  }
  return { text: out, applied };
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
