import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pesan, repoRoot } from './run-pesan.js';

function tempDir(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pesan-e2e-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

const clean = '---\nname: order_shipped\ncategory: UTILITY\nlanguage: en_US\nexamples:\n  body: ["#4521", "Friday"]\n---\nYour order {{1}} has shipped and should arrive on {{2}}. Thank you for shopping with us.\n';
const adjacent = clean.replace('Your order {{1}} has shipped and should arrive on {{2}}.', 'Your order is {{1}} {{2}} today, thank you for your patience.');

describe('pesan lint on the bundled fixtures', () => {
  it('reports invalid drafts with file:line:col and exits 1', () => {
    const r = pesan(['lint', 'fixtures/templates/']);
    expect(r.code).toBe(1);
    const invalid = readdirSync(path.join(repoRoot, 'fixtures/templates/invalid'));
    for (const file of invalid) expect(r.stdout).toMatch(new RegExp(`fixtures/templates/invalid/${file.replace('.', '\\.')}:\\d+:\\d+`));
    expect(r.stdout).toMatch(/✖ \d+ problems? \(\d+ errors?/);
  });

  it('exits 0 on the valid drafts', () => {
    const r = pesan(['lint', 'fixtures/templates/valid/']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  });

  it('prints ESLint-compatible JSON', () => {
    const r = pesan(['lint', 'fixtures/templates/invalid/', '--format', 'json']);
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout) as { filePath: string; errorCount: number; messages: { ruleId: string; severity: number; line: number; column: number; endLine: number; endColumn: number; message: string }[] }[];
    expect(results.length).toBeGreaterThan(3);
    for (const result of results) {
      expect(path.isAbsolute(result.filePath)).toBe(true);
      expect(result.errorCount).toBe(result.messages.filter((m) => m.severity === 2).length);
      for (const m of result.messages) {
        expect(m.line).toBeGreaterThanOrEqual(1);
        expect(m.column).toBeGreaterThanOrEqual(1);
        expect([1, 2]).toContain(m.severity);
        expect(typeof m.ruleId).toBe('string');
      }
    }
  });
});

describe('pesan lint exit codes and input', () => {
  it('exits 2 for a path that does not exist, naming it', () => {
    const r = pesan(['lint', 'no/such/dir']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no\/such\/dir/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for a glob that matches nothing', () => {
    expect(pesan(['lint', 'fixtures/**/*.nothing']).code).toBe(2);
  });

  it('exits 2 with a usage message when no path is given', () => {
    const r = pesan(['lint']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/No files to lint/);
  });

  it('exits 2 on a binary file and on invalid UTF-8, naming the file', () => {
    const dir = tempDir({ 'bin.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x00, 0x01]), 'latin1.md': Buffer.from('---\nname: caf\xe9\n---\n', 'latin1') });
    const binary = pesan(['lint', 'bin.md'], { cwd: dir });
    expect(binary.code).toBe(2);
    expect(binary.stderr).toMatch(/bin\.md: binary content/);
    const latin = pesan(['lint', 'latin1.md'], { cwd: dir });
    expect(latin.code).toBe(2);
    expect(latin.stderr).toMatch(/latin1\.md: not valid UTF-8/);
  });

  it('reports a parse error as a finding (exit 1) and still lints the other files', () => {
    const dir = tempDir({ 'a.md': '---\nname: [\n---\nBody\n', 'b.md': adjacent });
    const r = pesan(['lint', '.', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(results.map((x) => [path.basename(x.filePath), x.messages.map((m) => m.ruleId)])).toEqual([
      ['a.md', ['parse-error']],
      ['b.md', ['param-adjacent']],
    ]);
  });

  it('exits 2 on a bad config, naming the file, line and key', () => {
    const dir = tempDir({ 'pesan.config.yaml': 'rules:\n  param-adjacnt: warn\n', 'a.md': clean });
    const r = pesan(['lint', 'a.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pesan\.config\.yaml:2: unknown rule `param-adjacnt`/);
    expect(r.stderr).toMatch(/did you mean `param-adjacent`/);
  });

  it('applies the nearest config and --rule overrides', () => {
    const dir = tempDir({ 'pesan.config.yaml': 'rules:\n  param-adjacent: warn\n', 'a.md': adjacent });
    const warned = pesan(['lint', 'a.md'], { cwd: dir });
    expect(warned.code).toBe(0);
    expect(warned.stdout).toMatch(/warning .*param-adjacent/);
    expect(pesan(['lint', 'a.md', '--max-warnings', '0'], { cwd: dir }).code).toBe(1);
    expect(pesan(['lint', 'a.md', '--quiet'], { cwd: dir }).stdout).toBe('');
    expect(pesan(['lint', 'a.md', '--rule', 'param-adjacent:error'], { cwd: dir }).code).toBe(1);
    expect(pesan(['lint', 'a.md', '--rule', 'nope:error'], { cwd: dir }).code).toBe(2);
  });

  it('lints standard input with --stdin-filename deciding the format', () => {
    const md = pesan(['lint', '--stdin', '--stdin-filename', 'drafts/x.md'], { input: adjacent });
    expect(md.code).toBe(1);
    expect(md.stdout).toMatch(/drafts\/x\.md:8:15 .*param-adjacent/);
    const json = pesan(['lint', '--stdin', '--stdin-filename', 'x.json'], { input: '{"name":"a","language":"en","category":"UTILITY","components":[{"type":"BODY","text":"Hi {{1}}{{2}}"}]}' });
    expect(json.stdout).toMatch(/x\.json:1:\d+ .*param-adjacent/);
  });

  it('gives absolute, normalised file paths in JSON whatever the operands look like', () => {
    const dir = tempDir({ 'sub/a.md': clean, 'sub/deeper/b.md': clean, 'other/c.md': clean });
    const cwd = path.join(dir, 'sub');
    const r = pesan(['lint', '.', '../other/c.md', './deeper//b.md', '-f', 'json'], { cwd });
    const paths = (JSON.parse(r.stdout) as { filePath: string }[]).map((x) => x.filePath);
    expect(paths.sort()).toEqual([path.join(dir, 'other', 'c.md'), path.join(cwd, 'a.md'), path.join(cwd, 'deeper', 'b.md')].sort());
  });

  it('writes the report to --output-file', () => {
    const dir = tempDir({ 'a.md': adjacent });
    const r = pesan(['lint', 'a.md', '-f', 'json', '-o', 'out/report.json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(path.join(dir, 'out/report.json'), 'utf8'))[0].errorCount).toBe(1);
  });

  it('gives the same results with worker threads, with read-ahead (auto) and on one thread', () => {
    const files: Record<string, string | Buffer> = {};
    for (let i = 0; i < 400; i++) files[`d${String(i).padStart(3, '0')}.md`] = i % 3 === 0 ? adjacent : clean;
    // Files the reading thread hands over as they are (invalid UTF-8, a NUL byte, an empty file) or leaves to the
    // linting thread (larger than it reads ahead), between readable ones of the same chunk.
    files['d150.md'] = Buffer.concat([Buffer.from(clean), Buffer.from([0xc3, 0x28])]);
    files['d151.md'] = Buffer.from(`${clean}\0`);
    files['d152.md'] = '';
    files['d250.md'] = `${clean}\n${'Pesanan Anda sudah dikirim. '.repeat(12_000)}`;
    const dir = tempDir(files);
    // `auto` on a 2-CPU machine lints on one thread while a second reads ahead; `--concurrency 2` forces a worker.
    const auto = pesan(['lint', '.', '-f', 'json'], { cwd: dir });
    const parallel = pesan(['lint', '.', '-f', 'json', '--concurrency', '2'], { cwd: dir });
    const single = pesan(['lint', '.', '-f', 'json', '--concurrency', '1'], { cwd: dir });
    expect(parallel.stdout).toBe(single.stdout);
    expect(auto.stdout).toBe(single.stdout);
    expect(auto.stderr).toBe(single.stderr);
    expect(auto.stderr).toMatch(/d150\.md: not valid UTF-8/);
    expect(auto.stderr).toMatch(/d151\.md: binary content/);
    expect((JSON.parse(parallel.stdout) as unknown[]).length).toBeGreaterThan(390);
  });
});

describe('other commands', () => {
  it('pesan rules lists every rule with its description', () => {
    const r = pesan(['rules', '--json']);
    expect(r.code).toBe(0);
    const rules = JSON.parse(r.stdout) as { id: string; description: string; docs: string }[];
    expect(rules.length).toBeGreaterThan(10);
    for (const rule of rules) {
      expect(rule.description.length).toBeGreaterThan(10);
      expect(rule.docs).toMatch(new RegExp(`${rule.id}\\.md$`));
    }
  });

  it('pesan init writes a config and a draft that lints clean', () => {
    const dir = tempDir({});
    expect(pesan(['init'], { cwd: dir }).code).toBe(0);
    const r = pesan(['lint', 'templates/'], { cwd: dir });
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
    expect(pesan(['init'], { cwd: dir }).code).toBe(2);
  });

  it('pesan export writes Meta payloads without Pesan-only fields or directives', () => {
    const dir = tempDir({
      'a.md': '---\nname: a_b\ncategory: UTILITY\nlanguage: en_US\nuse_case: shipping_update\nexpect: [clean]\nfooter: Bye\nbuttons:\n  - {type: url, text: Go, url: "https://x.example/{{1}}", example: "https://x.example/1"}\nexamples:\n  body: [Ana]\n---\n<!-- pesan-disable-next-line param-adjacent -->\nHello {{1}}, your order shipped.\n',
    });
    const r = pesan(['export', 'a.md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      name: 'a_b',
      language: 'en_US',
      category: 'UTILITY',
      components: [
        { type: 'BODY', text: 'Hello {{1}}, your order shipped.', example: { body_text: [['Ana']] } },
        { type: 'FOOTER', text: 'Bye' },
        { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Go', url: 'https://x.example/{{1}}', example: ['https://x.example/1'] }] },
      ],
    });
  });

  it('prints help and version', () => {
    expect(pesan(['--help']).stdout).toMatch(/lint/);
    expect(pesan(['lint', '--help']).stdout).toMatch(/Exit codes/);
    expect(pesan(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pesan(['lint', '--format', 'xml', 'a.md']).code).toBe(2);
  });
});
