/**
 * The bad-input corpus: every file of `fixtures/bad/` and large inputs generated here (never committed) go through
 * the real `pesan lint`, which must give the README's exit code (0/1 by findings, 1 for a parse-error finding, 2
 * for a file that is not a readable UTF-8 draft), a clear message (file and line, no stack trace), and finish
 * within bounded time and memory.
 *
 * The default run lints the committed corpus in one process (each file's outcome is checked on its own result)
 * and a few cases in processes of their own. With PESAN_FUZZ_RUNS set (the long run), every case also runs alone.
 */
import { copyFileSync, closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, ftruncateSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectCleanStderr, jsonResults, pesan, repoRoot, type JsonResult, type Run } from './cli.js';

const BAD = path.join(repoRoot, 'fixtures', 'bad');
const LONG = process.env.PESAN_FUZZ_RUNS !== undefined;

/** Peak memory allowed to any run (the YAML bomb included). */
const MAX_RSS_MB = 300;
/** Wall time allowed to one run of one small file (a shared CI machine; a normal run takes about 1 s). */
const MAX_MS_SMALL = 20_000;

type Expected =
  | { exit: 0 }
  | { exit: 1; rule: string; line: number; message: RegExp }
  | { exit: 2; reason: RegExp };

/** What each committed case must produce. Every file of fixtures/bad/ must be listed (checked below). */
const CASES: Record<string, Expected> = {
  // Encodings and line endings of valid drafts: all read as the same draft.
  'bom.md': { exit: 0 },
  'crlf.md': { exit: 0 },
  'lone-cr.md': { exit: 0 },
  'mixed-eol.md': { exit: 0 },
  'bom.json': { exit: 0 },
  'crlf.json': { exit: 0 },
  'lone-cr.json': { exit: 0 },
  'control-chars.md': { exit: 0 },
  // Not UTF-8 text.
  'nul-byte.md': { exit: 2, reason: /binary content \(NUL byte at byte 15\); drafts must be UTF-8 text/ },
  'nul-after-8k.md': { exit: 2, reason: /binary content \(NUL byte at byte 9\d{3}\)/ },
  'utf16le.md': { exit: 2, reason: /binary content \(NUL byte at byte \d+\)/ },
  'invalid-utf8.md': { exit: 2, reason: /not valid UTF-8 \(first invalid byte at offset \d+\); save the file as UTF-8/ },
  'truncated-utf8.md': { exit: 2, reason: /not valid UTF-8 \(first invalid byte at offset \d+\)/ },
  'overlong-utf8.md': { exit: 2, reason: /not valid UTF-8 \(first invalid byte at offset \d+\)/ },
  'encoded-surrogate.md': { exit: 2, reason: /not valid UTF-8 \(first invalid byte at offset \d+\)/ },
  'latin1.json': { exit: 2, reason: /not valid UTF-8 \(first invalid byte at offset \d+\)/ },
  // Nesting no template needs: refused before the recursive YAML tree is built.
  'deep-nesting.json': { exit: 1, rule: 'parse-error', line: 1, message: /^Invalid JSON: nested more than 64 levels deep/ },
  'deep-nesting-template.json': { exit: 1, rule: 'parse-error', line: 1, message: /^Invalid JSON: nested more than 64 levels deep/ },
  'deep-flow.md': { exit: 1, rule: 'parse-error', line: 2, message: /^Invalid YAML: nested more than 64 levels deep/ },
  'deep-block.md': { exit: 1, rule: 'parse-error', line: 6, message: /^Invalid YAML: nested more than 64 levels deep/ },
  // YAML expansion attacks.
  'yaml-bomb.md': { exit: 1, rule: 'parse-error', line: 2, message: /Excessive alias count.*Avoid aliases/ },
  'yaml-bomb-quadratic.md': { exit: 1, rule: 'parse-error', line: 2, message: /Excessive alias count/ },
  'yaml-merge-keys.md': { exit: 1, rule: 'template-schema', line: 3, message: /Unexpected key `<<`/ },
  // Duplicate keys, wrong types, odd keys.
  'duplicate-keys.md': { exit: 1, rule: 'parse-error', line: 4, message: /duplicate key/ },
  'duplicate-keys.json': { exit: 1, rule: 'template-schema', line: 4, message: /duplicate key/ },
  'wrong-types.md': { exit: 1, rule: 'template-schema', line: 2, message: /Invalid `name`: expected the template name as a string/ },
  'wrong-types.json': { exit: 1, rule: 'template-schema', line: 2, message: /Invalid `name`/ },
  'wrong-component-types.json': { exit: 1, rule: 'template-schema', line: 6, message: /Invalid `components\[0\]`/ },
  'collection-key.md': { exit: 1, rule: 'template-schema', line: 2, message: /Unexpected key `\[ a, b \]`/ },
  'yaml-tags.md': { exit: 1, rule: 'template-schema', line: 2, message: /Invalid `name`/ },
  // Empty, truncated, unclosed.
  'empty.md': { exit: 1, rule: 'parse-error', line: 1, message: /Expected YAML front matter/ },
  'whitespace-only.md': { exit: 1, rule: 'parse-error', line: 1, message: /Expected YAML front matter/ },
  'no-front-matter.md': { exit: 1, rule: 'parse-error', line: 1, message: /Expected YAML front matter/ },
  'unclosed-front-matter.md': { exit: 1, rule: 'parse-error', line: 1, message: /Unclosed front matter/ },
  'empty-body.md': { exit: 1, rule: 'parse-error', line: 5, message: /Empty body/ },
  'unclosed-quote.md': { exit: 1, rule: 'parse-error', line: 2, message: /Missing closing "quote/ },
  'tab-indent.md': { exit: 1, rule: 'parse-error', line: 6, message: /Tabs are not allowed as indentation/ },
  'empty.json': { exit: 1, rule: 'parse-error', line: 1, message: /^Invalid JSON: Unexpected end of JSON input/ },
  'truncated.json': { exit: 1, rule: 'parse-error', line: 8, message: /^Invalid JSON: Unterminated string/ },
  'trailing-comma.json': { exit: 1, rule: 'parse-error', line: 11, message: /^Invalid JSON/ },
  'json-null.json': { exit: 1, rule: 'parse-error', line: 1, message: /Expected a template object/ },
  'json-string.json': { exit: 1, rule: 'parse-error', line: 1, message: /Expected a template object/ },
  'json-empty-array.json': { exit: 1, rule: 'parse-error', line: 1, message: /Expected a template object/ },
  'json-empty-data.json': { exit: 1, rule: 'parse-error', line: 1, message: /Expected a template object/ },
  // Invisible and hostile characters: reported, and shown escaped.
  'bidi-and-zero-width.md': { exit: 1, rule: 'name-charset', line: 2, message: /Unexpected character/ },
  'directive-garbage.md': { exit: 1, rule: 'unknown-rule-in-directive', line: 9, message: /Unknown rule `nope`/ },
};

/**
 * Cross-file rules off for runs over the whole corpus: its valid drafts share a name and a body on purpose (each
 * is the same draft in another encoding), which would otherwise be reported as duplicates.
 */
const ONE_FILE_AT_A_TIME = ['--rule', 'name-unique-per-language:off', '--rule', 'duplicate-content:off'];

/** The exit code a run of this one file gives: 2 when it is unreadable, else 1 with errors, else 0. */
function exitOf(file: string, run: Run, results: JsonResult[]): 0 | 1 | 2 {
  if (run.stderr.includes(`pesan: ${file}: `)) return 2;
  const result = results.find((r) => r.filePath === path.resolve(repoRoot, file));
  if (!result) throw new Error(`no result for ${file}`);
  return result.errorCount > 0 ? 1 : 0;
}

/** Checks one file's outcome in a run (alone or with others). */
function expectOutcome(name: string, expected: Expected, run: Run, results: JsonResult[]): void {
  const file = path.join('fixtures', 'bad', name);
  expect(exitOf(file, run, results), `${name}: exit code`).toBe(expected.exit);
  if (expected.exit === 2) {
    // The message names the file and says why; the file gets no result.
    const line = run.stderr.split('\n').find((l) => l.startsWith(`pesan: ${file}: `));
    expect(line, `${name}: reason on stderr`).toMatch(expected.reason);
    return;
  }
  const result = results.find((r) => r.filePath === path.resolve(repoRoot, file))!;
  expect(result.messages.filter((m) => m.ruleId === 'internal-error'), `${name}: internal error`).toEqual([]);
  for (const m of result.messages) {
    // Messages quote the draft with control characters escaped, so they cannot drive a terminal.
    expect(m.message, `${name}: raw control character in a message`).not.toMatch(/[\p{Cc}\u202a-\u202e]/u);
    expect(m.line).toBeGreaterThanOrEqual(1);
    expect(m.column).toBeGreaterThanOrEqual(1);
  }
  if (expected.exit === 1) {
    const hit = result.messages.find((m) => m.ruleId === expected.rule && expected.message.test(m.message));
    expect(hit, `${name}: ${expected.rule} ${expected.message} in ${JSON.stringify(result.messages.map((m) => [m.ruleId, m.line, m.message]))}`).toBeDefined();
    expect(hit!.line, `${name}: line of the finding`).toBe(expected.line);
    expect(hit!.severity).toBe(2);
  } else {
    expect(result.errorCount, `${name}: ${JSON.stringify(result.messages.map((m) => [m.ruleId, m.line, m.message]))}`).toBe(0);
  }
}

function expectBounded(run: Run, maxMs: number, maxRssMb = MAX_RSS_MB): void {
  expect(run.ms, 'wall time (ms)').toBeLessThan(maxMs);
  expect(run.rssMb, 'peak memory (MB)').toBeLessThan(maxRssMb);
}

describe('bad-input corpus (fixtures/bad)', () => {
  it('lists every file of fixtures/bad, and only those', () => {
    const files = readdirSync(BAD).filter((f) => !f.startsWith('.'));
    expect(files.sort()).toEqual(Object.keys(CASES).sort());
  });

  it('lints the whole corpus in one run: each file gets its documented outcome', () => {
    const run = pesan(['lint', 'fixtures/bad/', '--format', 'json', '--concurrency', '1', ...ONE_FILE_AT_A_TIME]);
    expectCleanStderr(run);
    // Some files are not UTF-8: the run ends with 2, after linting the others.
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pesan: some files cannot be read as drafts (reasons above); fix or exclude them (exit code 2).');
    const results = jsonResults(run);
    for (const [name, expected] of Object.entries(CASES)) expectOutcome(name, expected, run, results);
    expectBounded(run, MAX_MS_SMALL * 2);
  }, 60_000);

  // One case per exit code and the memory attacks run alone in the default run; every case in the long run.
  const alone = LONG ? Object.keys(CASES) : ['bom.md', 'lone-cr.json', 'invalid-utf8.md', 'nul-byte.md', 'yaml-bomb.md', 'deep-nesting.json', 'empty-body.md'];
  for (const name of alone) {
    const expected = CASES[name]!;
    it(`${name} alone: exit ${expected.exit}, clear message, bounded time and memory`, () => {
      const file = path.join('fixtures', 'bad', name);
      const run = pesan(['lint', file, '--format', 'json']);
      expectCleanStderr(run);
      expect(run.code).toBe(expected.exit);
      expectOutcome(name, expected, run, jsonResults(run));
      expectBounded(run, MAX_MS_SMALL);
      if (expected.exit === 1) {
        // The default format gives the file, line and column of the finding.
        const stylish = pesan(['lint', file]);
        expect(stylish.stdout).toContain(`${file}:${expected.line}:`);
      }
    }, 60_000);
  }

  it('the corpus 7 times over with worker threads: the same outcome for every file', () => {
    // 322 files: enough for `lintFiles` to start a worker thread next to the main one.
    const dir = mkdtempSync(path.join(tmpdir(), 'pesan-bad-workers-'));
    for (let copy = 0; copy < 7; copy++) {
      mkdirSync(path.join(dir, `copy${copy}`));
      for (const name of Object.keys(CASES)) copyFileSync(path.join(BAD, name), path.join(dir, `copy${copy}`, name));
    }
    const run = pesan(['lint', '.', '--format', 'json', '--concurrency', '2', ...ONE_FILE_AT_A_TIME], { cwd: dir });
    expectCleanStderr(run);
    expect(run.code).toBe(2);
    const results = jsonResults(run);
    const unreadable = Object.values(CASES).filter((c) => c.exit === 2).length;
    expect(results.length).toBe(7 * (Object.keys(CASES).length - unreadable));
    expect(run.stderr.split('\n').filter((l) => l.startsWith('pesan: copy')).length).toBe(7 * unreadable);
    for (const r of results) {
      const expected = CASES[path.basename(r.filePath)]!;
      expect(r.errorCount > 0 ? 1 : 0, r.filePath).toBe(expected.exit);
      expect(r.messages.filter((m) => m.ruleId === 'internal-error')).toEqual([]);
    }
    expectBounded(run, MAX_MS_SMALL * 3);
    rmSync(dir, { recursive: true, force: true });
  }, 90_000);

  it('--fix on the corpus: no crash, BOM and line endings kept, a second --fix changes nothing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pesan-bad-fix-'));
    for (const name of Object.keys(CASES)) copyFileSync(path.join(BAD, name), path.join(dir, name));
    const first = pesan(['lint', '.', '--fix', '--format', 'json', '--concurrency', '1', ...ONE_FILE_AT_A_TIME], { cwd: dir });
    expectCleanStderr(first);
    expect(first.code).toBe(2);
    const afterFirst = new Map(Object.keys(CASES).map((n) => [n, readFileSync(path.join(dir, n))]));
    for (const n of ['bom.md', 'bom.json']) expect(afterFirst.get(n)!.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(afterFirst.get('crlf.md')!.toString()).not.toMatch(/[^\r]\n/);
    const second = pesan(['lint', '.', '--fix', '--format', 'json', '--concurrency', '1', ...ONE_FILE_AT_A_TIME], { cwd: dir });
    expectCleanStderr(second);
    expect(second.code).toBe(2);
    for (const n of Object.keys(CASES)) expect(readFileSync(path.join(dir, n)).equals(afterFirst.get(n)!), `${n} changed by a second --fix`).toBe(true);
    expect(jsonResults(second).map((r) => [path.basename(r.filePath), r.errorCount])).toEqual(jsonResults(first).map((r) => [path.basename(r.filePath), r.errorCount]));
    rmSync(dir, { recursive: true, force: true });
  }, 90_000);
});

describe('large inputs generated at test time', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pesan-bad-large-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const FRONT = '---\nname: order_shipped\ncategory: UTILITY\nlanguage: en_US\nexamples:\n  body: ["#4521", "Friday"]\n---\n';
  const SENTENCE = 'Your order {{1}} has shipped and should arrive on {{2}}. Thank you for shopping with us.\n';

  it('a 10 MB body, a 10 MB Meta JSON file and a 3 GB sparse file are refused unread: exit 2, small memory', () => {
    writeFileSync(path.join(dir, 'body-10mb.md'), FRONT + SENTENCE.repeat(Math.ceil((10 * 1024 * 1024) / SENTENCE.length)));
    const text = SENTENCE.repeat(Math.ceil((10 * 1024 * 1024) / SENTENCE.length));
    writeFileSync(path.join(dir, 'body-10mb.json'), JSON.stringify({ name: 'order_shipped', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text }] }));
    const fd = openSync(path.join(dir, 'sparse-3gb.md'), 'w');
    ftruncateSync(fd, 3 * 1024 * 1024 * 1024);
    closeSync(fd);
    const run = pesan(['lint', 'body-10mb.md', 'body-10mb.json', 'sparse-3gb.md', '--format', 'json'], { cwd: dir });
    expectCleanStderr(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/pesan: body-10mb\.md: too large to be a draft \(10\.\d+ MB; a Markdown draft holds one template and is at most 1 MB\)/);
    expect(run.stderr).toMatch(/pesan: body-10mb\.json: too large to be a draft \(10\.\d+ MB; a Meta JSON file of templates is at most 8 MB\)/);
    expect(run.stderr).toMatch(/pesan: sparse-3gb\.md: too large to be a draft \(3072(\.00)? MB/);
    expect(jsonResults(run)).toEqual([]);
    expectBounded(run, MAX_MS_SMALL, 150);
  }, 60_000);

  it('the same 10 MB draft on stdin: exit 2 with the reason', () => {
    const run = pesan(['lint', '--stdin', '--stdin-filename', 'drafts/big.md'], { input: FRONT + 'x'.repeat(10 * 1024 * 1024) });
    expectCleanStderr(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/pesan: drafts\/big\.md: too large to be a draft \(10\.00 MB;/);
    expectBounded(run, MAX_MS_SMALL);
  }, 60_000);

  it('invalid UTF-8 on stdin: exit 2 with the offset', () => {
    const run = pesan(['lint', '--stdin', '--stdin-filename', 'drafts/x.md'], { input: Buffer.concat([Buffer.from(FRONT), Buffer.from([0xff, 0xfe]), Buffer.from(SENTENCE)]) });
    expectCleanStderr(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/pesan: drafts\/x\.md: not valid UTF-8 \(first invalid byte at offset 100\)/);
  }, 60_000);

  it('100,000 lines (Markdown body and Meta JSON), 100,000-deep JSON and 70 KB of front matter: findings in bounded time', () => {
    writeFileSync(path.join(dir, 'lines-100k.md'), FRONT + 'ok\n'.repeat(100_000));
    const template = { name: 'order_shipped', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hi {{1}}, your order {{2}} has shipped.', example: { body_text: [['Ana', '#4521']] } }] };
    writeFileSync(path.join(dir, 'lines-100k.json'), JSON.stringify(template, null, 2).replace('"components"', `${'\n'.repeat(100_000)}"components"`));
    writeFileSync(path.join(dir, 'deep-100k.json'), '['.repeat(100_000) + ']'.repeat(100_000));
    writeFileSync(path.join(dir, 'front-matter-70kb.md'), FRONT.replace('---\n', `---\nnotes: "${'n'.repeat(70 * 1024)}"\n`) + SENTENCE);
    const run = pesan(['lint', 'lines-100k.md', 'lines-100k.json', 'deep-100k.json', 'front-matter-70kb.md', '--format', 'json'], { cwd: dir });
    expectCleanStderr(run);
    expect(run.code).toBe(1);
    const byName = new Map(jsonResults(run).map((r) => [path.basename(r.filePath), r]));
    const ids = (name: string): string[] => byName.get(name)!.messages.map((m) => m.ruleId);
    expect(ids('lines-100k.md')).toContain('body-too-long');
    // The template after 100,000 blank lines is read, with positions past them.
    expect(byName.get('lines-100k.json')!.messages.filter((m) => m.severity === 2)).toEqual([]);
    expect(byName.get('deep-100k.json')!.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['parse-error', 1, 65]]);
    const fm = byName.get('front-matter-70kb.md')!.messages;
    expect(fm.map((m) => [m.ruleId, m.line])).toEqual([['parse-error', 2]]);
    expect(fm[0]!.message).toMatch(/^Front matter too long \(70\.\d KB; at most 64 KB/);
    for (const r of byName.values()) expect(r.messages.filter((m) => m.ruleId === 'internal-error')).toEqual([]);
    expectBounded(run, 60_000);
  }, 120_000);

  it.runIf(LONG)('100,000 example values in one Meta JSON template (100,000 findings): linear time and memory', () => {
    const values = Array.from({ length: 100_000 }, (_, i) => `v${i}`);
    const template = { name: 'order_shipped', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hi {{1}}, your order has shipped.', example: { body_text: [values] } }] };
    writeFileSync(path.join(dir, 'examples-100k.json'), JSON.stringify(template, null, 1));
    const run = pesan(['lint', 'examples-100k.json', '--format', 'json'], { cwd: dir });
    expectCleanStderr(run);
    expect(run.code).toBe(1);
    expect(jsonResults(run)[0]!.messages.filter((m) => m.ruleId === 'example-required').length).toBe(99_999);
    expectBounded(run, 120_000, 1024);
  }, 240_000);

  it('hostile bodies near the size limit (patterns that were quadratic) lint in bounded time', () => {
    // Each pattern once made a rule quadratic: long runs of `{`, promotional words in one sentence or a URL,
    // formatting markers that never close, glued short words, many parameters.
    // Bodies up to the 1 MB file limit; front-matter values up to its 64 KB limit.
    const size = LONG ? 1000 * 1024 : 192 * 1024;
    const fill = (unit: string, max = size): string => unit.repeat(Math.floor(max / unit.length));
    const FM = 60 * 1024;
    const draft = (yaml: string, body: string): string => `---\nname: order_shipped\ncategory: UTILITY\nlanguage: en_US\n${yaml}---\n${body}`;
    const drafts: Record<string, string> = {
      'braces.md': draft('', fill('{')),
      'promo-sentence.md': draft('', fill('gratis ongkir diskon promo ')),
      'footer-markers.md': draft(`footer: "${fill('*a_b~', FM)}"\n`, SENTENCE),
      'url-promo.md': draft(`buttons:\n  - {type: url, text: Go, url: "https://shop.example.com/${fill('diskon promo ', FM)}"}\n`, SENTENCE),
      'glued-words.md': draft(`examples:\n  body: ["${fill('\\\\n', FM)}", "Friday"]\n`, SENTENCE),
      'parameters.md': draft('', fill('{{ 1 }} word ')),
    };
    const sub = path.join(dir, 'hostile');
    mkdirSync(sub, { recursive: true });
    for (const [name, text] of Object.entries(drafts)) writeFileSync(path.join(sub, name), text);
    const run = pesan(['lint', '.', '--format', 'json', '--concurrency', '1'], { cwd: sub });
    expectCleanStderr(run);
    expect(run.code).toBe(1);
    const results = jsonResults(run);
    expect(results.length).toBe(Object.keys(drafts).length);
    for (const r of results) expect(r.messages.filter((m) => m.ruleId === 'internal-error' || m.ruleId === 'parse-error')).toEqual([]);
    expectBounded(run, LONG ? 120_000 : 30_000, LONG ? 1024 : 500);
  }, 240_000);
});
