/**
 * Property-based tests of the linter library, called exactly as `pesan lint` calls it (`new Linter(catalog)`,
 * `ConfigResolver.forFile`, `lintText`, and `fixUntilStable` for `--fix`). For every generated input: no throw,
 * no crash (`internal-error`), every position inside the file, and `--fix` output that re-lints without new
 * errors and is a fixed point.
 *
 * Default runs keep `npm test` short. A long run: `PESAN_FUZZ_RUNS=20000 npx vitest run test/reliability`.
 * A failure prints fast-check's seed and path; replay it with `PESAN_FUZZ_SEED=<seed>`.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  anyString,
  fixableDraft,
  fixableMetaJson,
  garbageFrontMatterDraft,
  metaJsonText,
  renderedFrontMatterDraft,
  validHeadArbitraryBody,
} from './arbitraries.js';
import { draftPath, errorCounts, fix, FUZZ_RUNS, fuzzParams, fuzzTimeout, internalErrors, lint, positionProblems, type Preset } from './harness.js';

interface Target {
  name: string;
  arbitrary: fc.Arbitrary<string>;
  ext: 'md' | 'json';
}

const TARGETS: Target[] = [
  { name: 'arbitrary strings as Markdown', arbitrary: anyString, ext: 'md' },
  { name: 'arbitrary strings as Meta JSON', arbitrary: anyString, ext: 'json' },
  { name: 'valid front matter, arbitrary body', arbitrary: validHeadArbitraryBody, ext: 'md' },
  { name: 'generated front matter rendered with yaml', arbitrary: renderedFrontMatterDraft, ext: 'md' },
  { name: 'raw YAML garbage as front matter', arbitrary: garbageFrontMatterDraft, ext: 'md' },
  { name: 'Meta message_templates JSON with wrong types', arbitrary: metaJsonText, ext: 'json' },
  { name: 'fixable Markdown drafts', arbitrary: fixableDraft, ext: 'md' },
  { name: 'fixable Meta JSON', arbitrary: fixableMetaJson, ext: 'json' },
];

/** Findings that say the file could not be read: a fix must never cause a new one. */
const UNREADABLE = ['parse-error', 'template-schema', 'internal-error'];

/**
 * Fixes that turn an unrecognised value into a recognised one, so rules that skipped the value now check it:
 * `{{ 1 }}` → `{{1}}` becomes a parameter that needs an example; `utility` → `UTILITY` turns on the UTILITY
 * content rules; `en-US` → `en_US` turns on the English lexicons and may make two templates of a file share a
 * name and language. Errors those rules report are revealed, not caused, by the fix. Every other fix (blank
 * lines, phone-number separators) must not add any error.
 */
const REVEALING_FIXES = new Set(['positional-param-syntax', 'param-not-sequential', 'category-enum', 'language-code-valid']);

const tally = { linted: 0, fixed: 0, fixedRevealing: 0 };

/** Lints and checks the invariants; returns the result for further checks. */
function lintChecked(text: string, filePath: string): ReturnType<typeof lint> {
  let result: ReturnType<typeof lint>;
  try {
    result = lint(text, filePath);
  } catch (error) {
    throw new Error(`lintText threw: ${error instanceof Error ? error.stack : String(error)}`);
  }
  tally.linted++;
  expect(Array.isArray(result.messages)).toBe(true);
  expect(internalErrors(result).map((m) => m.message)).toEqual([]);
  expect(positionProblems(text, result.messages)).toEqual([]);
  expect(result.errorCount).toBe(result.messages.filter((m) => m.severity === 2).length);
  return result;
}

describe('linter never throws and keeps every position inside the file', () => {
  for (const target of TARGETS) {
    for (const preset of ['strict', 'recommended'] as Preset[]) {
      // The built-in `recommended` config runs fewer rules: a quarter of the runs is enough for it.
      const runs = preset === 'strict' ? FUZZ_RUNS : Math.max(1, Math.ceil(FUZZ_RUNS / 4));
      it(`${target.name} (${preset})`, () => {
        const filePath = draftPath(target.ext, preset);
        fc.assert(
          fc.property(target.arbitrary, (text) => {
            lintChecked(text, filePath);
          }),
          fuzzParams(runs),
        );
      }, fuzzTimeout(runs, 40));
    }
  }
});

describe('--fix re-lints without new errors and is idempotent', () => {
  for (const target of TARGETS) {
    it(target.name, () => {
      const filePath = draftPath(target.ext);
      fc.assert(
        fc.property(target.arbitrary, (text) => {
          const before = lintChecked(text, filePath);
          let once: ReturnType<typeof fix>;
          try {
            once = fix(text, filePath);
          } catch (error) {
            throw new Error(`fixUntilStable threw: ${error instanceof Error ? error.stack : String(error)}`);
          }
          // The report --fix prints is the re-lint of the fixed text: valid positions, and the same findings.
          const after = lintChecked(once.text, filePath);
          expect(once.result.messages.length).toBe(after.messages.length);
          if (once.text !== text) {
            tally.fixed++;
            const revealing = [...once.fixedBy].some((id) => REVEALING_FIXES.has(id));
            if (revealing) tally.fixedRevealing++;
            const was = errorCounts(before);
            const newErrors = [...errorCounts(after)]
              .filter(([id, n]) => n > (was.get(id) ?? 0) && (!revealing || UNREADABLE.includes(id)))
              .map(([id, n]) => `${id}: ${was.get(id) ?? 0} -> ${n} (fixes by ${[...once.fixedBy].join(', ')})`);
            expect(newErrors).toEqual([]);
          }
          // A fixed point: nothing fixable remains, and fixing again changes nothing.
          expect(after.messages.filter((m) => m.fix).map((m) => `${m.ruleId} ${m.line}:${m.column}`)).toEqual([]);
          expect(fix(once.text, filePath).text).toBe(once.text);
        }),
        fuzzParams(FUZZ_RUNS),
      );
    }, fuzzTimeout(FUZZ_RUNS, 120));
  }
});

afterAll(() => {
  // One line for test/RELIABILITY.md: how many inputs were linted, and how many --fix changed.
  console.log(`pesan fuzz: ${tally.linted} lints, ${tally.fixed} inputs changed by --fix (${tally.fixedRevealing} by a revealing fix), ${FUZZ_RUNS} runs per property`);
});
