/**
 * Shared pieces of the reliability tests: the library API exactly as `pesan lint` calls it, an independent oracle
 * for positions, and the fuzz budget.
 *
 * The root package depends only on the CLI, so the built libraries are imported from their `dist` folders (the
 * tests run after `tsc -b`, as `npm test` does), and `yaml` is the very copy the linter parses with.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import {
  ConfigResolver,
  fixUntilStable,
  Linter,
  resolveProjectKeys,
  type FileResult,
  type Finding,
  type ResolvedConfig,
} from '../../packages/core/dist/index.js';
import { catalog } from '../../rules/dist/index.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const requireFromCore = createRequire(path.join(repoRoot, 'packages', 'core', 'package.json'));
/** The `yaml` package the linter itself uses (a dependency of @pesan/core, not of the root package). */
export const YAML = requireFromCore('yaml') as typeof import('yaml');

/**
 * Runs per property. The default keeps `npm test` short; a long run is e.g.
 * `PESAN_FUZZ_RUNS=20000 npx vitest run test/reliability`. `PESAN_FUZZ_SEED` replays a failure that fast-check
 * reported (it prints the seed and the counterexample path).
 */
export const FUZZ_RUNS = positiveInt(process.env.PESAN_FUZZ_RUNS) ?? 150;
export const FUZZ_SEED = process.env.PESAN_FUZZ_SEED === undefined ? undefined : Number(process.env.PESAN_FUZZ_SEED);

function positiveInt(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`PESAN_FUZZ_RUNS must be a whole number ≥ 1, got "${value}"`);
  return n;
}

/** fast-check parameters: the run count, a seed when replaying, and the counterexample printed on failure. */
export function fuzzParams(runs = FUZZ_RUNS): { numRuns: number; seed?: number; verbose: 0 | 1; endOnFailure: boolean } {
  return { numRuns: runs, ...(FUZZ_SEED !== undefined ? { seed: FUZZ_SEED } : {}), verbose: 0, endOnFailure: false };
}

/** Timeout for a test that runs `n` fuzz cases of a property costing at most `msPerRun`. */
export function fuzzTimeout(runs: number, msPerRun: number): number {
  return Math.max(30_000, runs * msPerRun);
}

const linter = new Linter(catalog);

/**
 * A project folder with a `strict` config (every rule on, including the *info* ones that `recommended` leaves
 * off), so the fuzzers reach every rule; and one with no config at all (the built-in `recommended`).
 */
const strictDir = mkdtempSync(path.join(tmpdir(), 'pesan-fuzz-strict-'));
writeFileSync(path.join(strictDir, 'pesan.config.yaml'), 'extends: strict\n');
const plainDir = mkdtempSync(path.join(tmpdir(), 'pesan-fuzz-plain-'));
mkdirSync(path.join(plainDir, 'drafts'), { recursive: true });
const resolver = new ConfigResolver(linter.fullCatalog);
// Registered while the importing test file is collected: removes the folders after its tests.
afterAll(() => {
  for (const dir of [strictDir, plainDir]) rmSync(dir, { recursive: true, force: true });
});

export type Preset = 'strict' | 'recommended';

export function draftPath(ext: 'md' | 'json', preset: Preset = 'strict'): string {
  return path.join(preset === 'strict' ? strictDir : path.join(plainDir, 'drafts'), `draft.${ext}`);
}

export function configFor(filePath: string): ResolvedConfig {
  return resolver.forFile(filePath);
}

/** `pesan lint` on one text, as the CLI's `--stdin` path does it. */
export function lint(text: string, filePath: string): FileResult {
  return resolveProjectKeys([linter.lintText(text, filePath, configFor(filePath))])[0]!;
}

/**
 * `pesan lint --fix` on one text, as the CLI does it: the BOM is kept aside, safe fixes are applied until stable.
 * `fixedBy` lists the rules whose fixes were offered on the way.
 */
export function fix(text: string, filePath: string): { text: string; result: FileResult; passes: number; fixedBy: Set<string> } {
  const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  const original = bom ? text.slice(1) : text;
  const config = configFor(filePath);
  const fixedBy = new Set<string>();
  const outcome = fixUntilStable(original, (t) => {
    const result = linter.lintText(t, filePath, config);
    for (const m of result.messages) if (m.fix) fixedBy.add(m.ruleId);
    return result;
  });
  // The CLI resolves project keys (duplicate names across templates) on the re-linted results too.
  return { ...outcome, result: resolveProjectKeys([outcome.result])[0]!, text: bom + outcome.text, fixedBy };
}

/**
 * Line starts computed independently of the linter: `\r\n`, `\n` and a lone `\r` each end a line (README). The
 * BOM is not part of the text positions refer to.
 */
export function lineTable(rawText: string): { text: string; starts: number[]; lengths: number[] } {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const starts = [0];
  const lengths: number[] = [];
  const re = /\r\n|\r|\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    lengths.push(m.index - starts[starts.length - 1]!);
    starts.push(m.index + m[0].length);
  }
  lengths.push(text.length - starts[starts.length - 1]!);
  return { text, starts, lengths };
}

/**
 * Every reason a finding's position is not inside the file (empty when it is): 1-based lines within the line
 * count, columns within the line's length + 1 (UTF-16 units), end not before start, and line/column equal to the
 * finding's offsets. Fix and suggestion ranges must lie inside the text too.
 */
export function positionProblems(rawText: string, findings: readonly Finding[]): string[] {
  const { text, starts, lengths } = lineTable(rawText);
  const problems: string[] = [];
  const at = (offset: number): { line: number; column: number } => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
  const inRange = (r: readonly [number, number] | undefined): boolean =>
    r !== undefined && Number.isInteger(r[0]) && Number.isInteger(r[1]) && r[0] >= 0 && r[0] <= r[1] && r[1] <= text.length;
  for (const f of findings) {
    const where = `${f.ruleId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} [${f.range?.join(',')}]`;
    const ints = [f.line, f.column, f.endLine, f.endColumn].every((n) => Number.isInteger(n));
    if (!ints) {
      problems.push(`${where}: non-integer position`);
      continue;
    }
    if (f.line < 1 || f.line > starts.length) problems.push(`${where}: line outside 1..${starts.length}`);
    if (f.endLine < f.line || f.endLine > starts.length) problems.push(`${where}: endLine outside ${f.line}..${starts.length}`);
    const len = lengths[f.line - 1];
    if (len !== undefined && (f.column < 1 || f.column > len + 1)) problems.push(`${where}: column outside 1..${len + 1}`);
    const endLen = lengths[f.endLine - 1];
    if (endLen !== undefined && (f.endColumn < 1 || f.endColumn > endLen + 1)) problems.push(`${where}: endColumn outside 1..${endLen + 1}`);
    if (f.endLine === f.line && f.endColumn < f.column) problems.push(`${where}: ends before it starts`);
    if (!inRange(f.range)) problems.push(`${where}: range outside 0..${text.length}`);
    else {
      const s = at(f.range[0]);
      const e = at(f.range[1]);
      if (s.line !== f.line || s.column !== f.column || e.line !== f.endLine || e.column !== f.endColumn) {
        problems.push(`${where}: line/column disagree with range (expected ${s.line}:${s.column}-${e.line}:${e.column})`);
      }
    }
    if (f.fix && !inRange(f.fix.range)) problems.push(`${where}: fix range [${f.fix.range.join(',')}] outside the text`);
    for (const s of f.suggestions ?? []) if (!inRange(s.fix.range)) problems.push(`${where}: suggestion range [${s.fix.range.join(',')}] outside the text`);
    if (typeof f.message !== 'string' || f.message.length === 0) problems.push(`${where}: empty message`);
    if (f.severity !== 1 && f.severity !== 2) problems.push(`${where}: severity ${String(f.severity)}`);
  }
  return problems;
}

/** Rule ids of the findings that mean "the linter failed", not "the draft is wrong". */
export function internalErrors(result: FileResult): Finding[] {
  return result.messages.filter((m) => m.ruleId === 'internal-error');
}

/** Error counts per rule id. */
export function errorCounts(result: FileResult): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of result.messages) if (m.severity === 2) counts.set(m.ruleId, (counts.get(m.ruleId) ?? 0) + 1);
  return counts;
}
