import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { pesan, repoRoot } from './run-pesan.js';

function tempDir(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pesan-ci-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

const body = (text: string): string => `---\nname: order_shipped\ncategory: UTILITY\nlanguage: en_US\nexamples:\n  body: ["#4521", "Friday", "Ana"]\n---\n${text}\n`;

describe('CI formats', () => {
  it('sarif output validates against the vendored SARIF 2.1.0 schema', () => {
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'test/schemas/sarif-schema-2.1.0.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    const r = pesan(['lint', 'fixtures/templates/', '--format', 'sarif']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[]; tool: { driver: { rules: { id: string; helpUri: string }[] } } }[] };
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const run = log.runs[0]!;
    expect(run.results.length).toBeGreaterThan(10);
    expect(run.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toMatch(/^fixtures\/templates\//);
    for (const result of run.results) expect(run.tool.driver.rules.some((rule) => rule.id === result.ruleId)).toBe(true);
  });

  it('github output is one workflow command per finding', () => {
    const r = pesan(['lint', 'fixtures/templates/invalid/order-shipped-bad-name.en.md', '--format', 'github']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      '::error file=fixtures/templates/invalid/order-shipped-bad-name.en.md,line=2,col=7,endLine=2,endColumn=8,title=name-charset::Unexpected character `O` in template name `Order-Shipped`, expected only a-z, 0-9 and _',
    );
    for (const line of lines) expect(line).toMatch(/^::(error|warning) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z0-9-]+::/);
  });

  it('junit output has one testcase per file', () => {
    const r = pesan(['lint', 'fixtures/templates/', '--format', 'junit']);
    const cases = r.stdout.match(/<testcase /g) ?? [];
    const files = pesan(['lint', 'fixtures/templates/', '--format', 'json']);
    expect(cases.length).toBe((JSON.parse(files.stdout) as unknown[]).length);
    expect(r.stdout).toMatch(/<failure message="\d+ error/);
  });

  it('json-with-metadata adds rule docs URLs', () => {
    const r = pesan(['lint', 'fixtures/templates/invalid/', '--format', 'json-with-metadata']);
    const data = JSON.parse(r.stdout) as { results: unknown[]; metadata: { rulesMeta: Record<string, { docs: { url: string } }> } };
    expect(data.results.length).toBeGreaterThan(0);
    expect(data.metadata.rulesMeta['name-charset']!.docs.url).toMatch(/name-charset\.md$/);
  });
});

describe('baseline suppressions', () => {
  it('--suppress-all, then one new violation: the next run exits 1 and reports only the new one', () => {
    const dir = tempDir({ 'a.md': body('Your order {{1}} {{2}} shipped.') });
    expect(pesan(['lint', 'a.md', '--suppress-all'], { cwd: dir }).code).toBe(0);
    expect(existsSync(path.join(dir, 'pesan-suppressions.json'))).toBe(true);
    expect(pesan(['lint', 'a.md'], { cwd: dir }).code).toBe(0);
    // Edit elsewhere in the file: the old finding stays suppressed; add one new violation.
    writeFileSync(path.join(dir, 'a.md'), body('Hello there. Your order {{1}} {{2}} shipped, it arrives soon for {{3}}.\nfooter line').replace('language: en_US', 'language: en_US\nfooter: "Reply STOP to opt out of all of our order and delivery messages, thank you"'));
    const r = pesan(['lint', 'a.md', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const ids = (JSON.parse(r.stdout) as { messages: { ruleId: string }[] }[])[0]!.messages.map((m) => m.ruleId);
    expect(ids).toEqual(['footer-too-long']);
  });

  it('--prune-suppressions drops entries that no longer match', () => {
    const dir = tempDir({ 'a.md': body('Your order {{1}} {{2}} shipped.') });
    pesan(['lint', 'a.md', '--suppress-all'], { cwd: dir });
    const before = JSON.parse(readFileSync(path.join(dir, 'pesan-suppressions.json'), 'utf8')) as { suppressions: Record<string, { ruleId: string }> };
    expect(Object.values(before.suppressions).map((s) => s.ruleId)).toContain('param-adjacent');
    writeFileSync(path.join(dir, 'a.md'), body('Your order {{1}} shipped on {{2}} as planned.'));
    expect(pesan(['lint', 'a.md', '--prune-suppressions'], { cwd: dir }).code).toBe(0);
    const after = JSON.parse(readFileSync(path.join(dir, 'pesan-suppressions.json'), 'utf8')) as { suppressions: Record<string, { ruleId: string }> };
    // The adjacent-parameter finding is gone, so its entry is pruned; entries still in use stay.
    expect(Object.values(after.suppressions).map((s) => s.ruleId)).not.toContain('param-adjacent');
    expect(Object.keys(after.suppressions).length).toBeGreaterThan(0);
    expect(Object.keys(after.suppressions).length).toBeLessThan(Object.keys(before.suppressions).length);
  });
});

describe('fixes and cache', () => {
  it('--fix applies safe fixes only and re-lints; --fix-dry-run prints a diff and writes nothing', () => {
    const original = '---\nname: a_b\ncategory: utility\nlanguage: en-US\nexamples:\n  body: ["#1", "Friday"]\n---\nYour order {{ 1 }} has shipped and arrives on {{2}}, thank you.\n';
    const dir = tempDir({ 'a.md': original });
    const dry = pesan(['lint', 'a.md', '--fix-dry-run'], { cwd: dir });
    expect(dry.stdout).toMatch(/^-category: utility$/m);
    expect(dry.stdout).toMatch(/^\+category: UTILITY$/m);
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(original);
    const fixed = pesan(['lint', 'a.md', '--fix'], { cwd: dir });
    expect(fixed.code).toBe(0);
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(original.replace('utility', 'UTILITY').replace('en-US', 'en_US').replace('{{ 1 }}', '{{1}}'));
  });

  it('--cache gives the same results and is invalidated by content and config changes', () => {
    const dir = tempDir({ 'a.md': body('Your order {{1}} {{2}} shipped.'), 'b.md': body('Your order {{1}} shipped on {{2}} as planned.') });
    const cold = pesan(['lint', '.', '--cache', '-f', 'json'], { cwd: dir });
    expect(existsSync(path.join(dir, '.pesancache'))).toBe(true);
    const warm = pesan(['lint', '.', '--cache', '-f', 'json'], { cwd: dir });
    expect(warm.stdout).toBe(cold.stdout);
    writeFileSync(path.join(dir, 'pesan.config.yaml'), 'rules:\n  param-adjacent: off\n');
    const afterConfig = pesan(['lint', '.', '--cache', '-f', 'json'], { cwd: dir });
    expect(afterConfig.stdout).not.toContain('param-adjacent');
    writeFileSync(path.join(dir, 'b.md'), body('Your order {{1}}{{2}} shipped today.'));
    const afterEdit = pesan(['lint', '.', '--cache', '-f', 'json'], { cwd: dir });
    expect(afterEdit.stdout).toContain('param-ratio');
  });
});
