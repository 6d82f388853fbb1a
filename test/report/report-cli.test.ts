import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pesan } from '../e2e/run-pesan.js';

// `pesan report` and `pesan serve` as a user runs them: exit codes and one-line messages (no browser needed).
describe('pesan report and pesan serve (command line)', () => {
  let dir: string;
  let db: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pesan-report-cli-'));
    db = path.join(dir, 'fixtures.duckdb');
    expect(pesan(['ingest', 'fixtures/webhooks/', '--db', db]).code).toBe(0);
  }, 60_000);

  it('writes one HTML file and prints its path', () => {
    const out = path.join(dir, 'nested', 'report.html');
    const run = pesan(['report', '--db', db, '--templates', 'fixtures/templates/', '--from', '2026-10-08', '--to', '2026-10-21', '--tz', 'Asia/Jakarta', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${out}\n`);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('Pesan report 2026-10-08 – 2026-10-21');
  });

  it.each([
    [['report', '--db', 'no/such.duckdb'], /^pesan: no\/such\.duckdb: no analytics database here yet\. Run `pesan ingest/],
    [['report', '--from', '2026-02-30'], /^pesan: --from: expected a date as YYYY-MM-DD\n$/],
    [['report', '--tz', 'Mars/Olympus'], /^pesan: --tz: not an IANA time zone/],
    [['report', '--templates', 'no/such/drafts'], /^pesan: --templates: .*no\/such\/drafts/],
    [['serve', '--host', '0.0.0.0'], /^pesan: --host 0\.0\.0\.0 is not a loopback address.*--allow-remote/],
    [['serve', '--port', 'eighty'], /^pesan: --port eighty: expected a port number/],
  ])('pesan %j exits 2 with one line', (args, message) => {
    const run = pesan([...args, ...(args.includes('--db') ? [] : ['--db', db])]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
  });
});
