import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { pesan, pesanBin, repoRoot } from './run-pesan.js';

const T0 = 1_790_000_000;

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'pesan-ingest-'));
}

/** A status line with incompressible ids (so that a cut in the .gz really cuts the stream). */
function statusLine(i: number, template = 'order_shipped', phone = `62812${String(i % 5000).padStart(7, '0')}`): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '210987654321098', changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '4915511223344', phone_number_id: '318765432109876' },
      statuses: [
        { id: `wamid.${(i * 2654435761 % 4294967296).toString(36)}${Math.random().toString(36).slice(2, 10)}${i}`, status: 'sent', timestamp: String(T0 + i), recipient_id: phone, biz_opaque_callback_data: `tpl=${template};lang=en_US` },
      ],
    } }] }],
  });
}

describe('pesan ingest and stats (end to end)', () => {
  it('ingests the valid lines of a file with 3 garbage lines and a truncated gz tail, naming both; --strict exits 1', () => {
    const dir = tempDir();
    const lines = Array.from({ length: 4000 }, (_, i) => statusLine(i));
    lines.splice(10, 0, 'garbage: not json');
    lines.splice(500, 0, '{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"statuses":[{"id":"x"}]}}]}]}');
    lines.splice(2000, 0, '{"truncated": ');
    const gz = gzipSync(lines.join('\n') + '\n');
    const file = path.join(dir, 'export.ndjson.gz');
    writeFileSync(file, gz.subarray(0, Math.floor(gz.length * 0.8)));

    const run = pesan(['ingest', file, '--db', path.join(dir, 'a.duckdb')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('invalid JSON ×2 (lines 11, 2001)');
    expect(run.stdout).toContain('status without id, status or a numeric timestamp ×1 (line 501)');
    expect(run.stdout).toMatch(/truncated gzip tail \(unexpected end of file\): the stream ends inside line \d+/);

    const json = pesan(['ingest', file, '--db', path.join(dir, 'b.duckdb'), '--format', 'json']);
    expect(json.code).toBe(0);
    const summary = JSON.parse(json.stdout) as { files: { lines: number; acceptedLines: number; rejectedLines: number; truncated: { afterLine: number }; events: { statuses: number } }[] };
    const f = summary.files[0]!;
    expect(f.rejectedLines).toBe(4);
    expect(f.acceptedLines).toBe(f.truncated.afterLine - 3);
    expect(f.events.statuses).toBe(f.acceptedLines);

    const strict = pesan(['ingest', file, '--db', path.join(dir, 'c.duckdb'), '--strict']);
    expect(strict.code).toBe(1);
  });

  it('prints stats as JSON that validates against docs/stats.schema.json, and as a table and CSV', () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.duckdb');
    const file = path.join(dir, 'w.ndjson');
    writeFileSync(file, Array.from({ length: 50 }, (_, i) => statusLine(i, i % 2 ? 'order_shipped' : 'tagihan_jatuh_tempo')).join('\n'));
    expect(pesan(['ingest', file, '--db', db]).code).toBe(0);
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'docs/stats.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true }).compile(schema);
    for (const by of ['template', 'template,day', 'overall', 'category,day']) {
      const r = pesan(['stats', '--db', db, '--format', 'json', '--by', by]);
      expect(r.code).toBe(0);
      const rows = JSON.parse(r.stdout) as { attempted: number }[];
      expect(validate(rows), JSON.stringify(validate.errors)).toBe(true);
      expect(rows.reduce((a, row) => a + row.attempted, 0)).toBe(50);
    }
    const table = pesan(['stats', '--db', db]);
    expect(table.stdout).toMatch(/order_shipped\s+en_US/);
    const csv = pesan(['stats', '--db', db, '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toBe('template,language,category,attempted,sent,delivered,read,failed,clicked,replied,optedOut,urlClicks,urlClicksUnique,deliveryRate,readRate,clickRate,optOutRate,failureRate,ttrP50Seconds,ttrP90Seconds');
    expect(pesan(['stats', '--db', db, '--from', '2026-02-30']).stderr).toContain('--from 2026-02-30: expected a date as YYYY-MM-DD');
    expect(pesan(['stats', '--db', path.join(dir, 'missing.duckdb')]).code).toBe(2);
  });

  it('waits a bounded time for another process holding the database, then fails with a clear message', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.duckdb');
    const file = path.join(dir, 'w.ndjson');
    writeFileSync(file, statusLine(1));
    expect(pesan(['ingest', file, '--db', db]).code).toBe(0);
    const holder = spawn(process.execPath, ['--input-type=module', '-e', `
      import { DuckDBInstance } from '@duckdb/node-api';
      const db = await DuckDBInstance.create(${JSON.stringify(db)});
      console.log('locked');
      setTimeout(() => db.closeSync(), 6000);`], { cwd: path.join(repoRoot, 'packages', 'analytics') });
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    const started = Date.now();
    const run = pesan(['ingest', file, '--db', db, '--lock-timeout', '1']);
    const waited = Date.now() - started;
    holder.kill();
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is in use by another process \(PID \d+\): DuckDB allows one writer at a time\. Waited 1 s/);
    expect(waited).toBeGreaterThanOrEqual(1000);
  });

  it('leaves the database as before a file when the ingest is killed with SIGKILL midway; re-running completes it', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.duckdb');
    const small = path.join(dir, 'small.ndjson');
    writeFileSync(small, Array.from({ length: 10 }, (_, i) => statusLine(1_000_000 + i)).join('\n'));
    expect(pesan(['ingest', small, '--db', db]).code).toBe(0);
    const big = path.join(dir, 'big.ndjson');
    writeFileSync(big, Array.from({ length: 150_000 }, (_, i) => statusLine(i)).join('\n'));
    const count = (): number => {
      const r = pesan(['stats', '--db', db, '--by', 'overall', '--format', 'json']);
      if (r.code !== 0) throw new Error(r.stderr);
      return (JSON.parse(r.stdout) as { attempted: number }[])[0]!.attempted;
    };
    for (const delay of [400, 1200]) {
      const child = spawn(process.execPath, [pesanBin, 'ingest', big, '--db', db], { stdio: 'ignore' });
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      // Before that file, or (if the kill came after its commit) with all of it; never a part.
      const finish = pesan(['ingest', '--db', db]);
      expect(finish.code).toBe(0);
      expect([10, 150_010]).toContain(count());
    }
    expect(pesan(['ingest', big, '--db', db]).code).toBe(0);
    expect(count()).toBe(150_010);
  }, 120_000);

  it('refuses a database written by a newer Pesan, and forgets one customer on request', () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.duckdb');
    const file = path.join(dir, 'w.ndjson');
    writeFileSync(file, [statusLine(1, 'order_shipped', '6281299990001'), statusLine(2, 'order_shipped', '6281299990002')].join('\n'));
    expect(pesan(['ingest', file, '--db', db]).code).toBe(0);
    expect(existsSync(`${db}.key`)).toBe(true);
    const forget = pesan(['forget', '+62 812-9999-0001', '--db', db]);
    expect(forget.code).toBe(0);
    expect(forget.stdout).toContain('removed 1 rows (status_events 1');
    const rows = JSON.parse(pesan(['stats', '--db', db, '--format', 'json']).stdout) as { attempted: number }[];
    expect(rows[0]!.attempted).toBe(1);
    expect(pesan(['forget', 'not-a-phone', '--db', db]).code).toBe(2);

    const bump = spawnSync(process.execPath, ['--input-type=module', '-e', `
      import { DuckDBInstance } from '@duckdb/node-api';
      const db = await DuckDBInstance.create(${JSON.stringify(db)});
      const c = await db.connect();
      await c.run('INSERT INTO schema_version (version) VALUES (99)');
      c.closeSync(); db.closeSync();`], { cwd: path.join(repoRoot, 'packages', 'analytics'), encoding: 'utf8' });
    expect(bump.status, bump.stderr).toBe(0);
    const newer = pesan(['ingest', file, '--db', db]);
    expect(newer.code).toBe(2);
    expect(newer.stderr).toContain('was written by a newer Pesan (schema v99');
  });

  it('exports Parquet partitioned by day that DuckDB reads back', () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.duckdb');
    const file = path.join(dir, 'w.ndjson');
    writeFileSync(file, Array.from({ length: 20 }, (_, i) => statusLine(i * 20_000)).join('\n'));
    expect(pesan(['ingest', file, '--db', db]).code).toBe(0);
    const out = path.join(dir, 'parquet');
    const r = pesan(['export-parquet', '--db', db, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const days = readdirSync(path.join(out, 'messages')).filter((d) => d.startsWith('day='));
    expect(days.length).toBeGreaterThan(1);
  });
});
