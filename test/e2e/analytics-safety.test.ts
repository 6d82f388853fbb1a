import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pesan, pesanBin, repoRoot } from './run-pesan.js';

/** Issue 7, ingest: two ingests at once, a read-only database, a full disk: clear errors, exact results. */
const fixtures = path.join(repoRoot, 'fixtures', 'webhooks');
const truth = JSON.parse(readFileSync(path.join(fixtures, 'truth.json'), 'utf8')) as { byTemplate: unknown[] };

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'pesan-safety-'));
}

function stats(db: string): unknown[] {
  const r = pesan(['stats', '--db', db, '--format', 'json']);
  if (r.code !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as unknown[];
}

function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [pesanBin, ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('ingest safety', () => {
  it('two ingests started together on one database: the second waits for the first, and the metrics are exact', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.duckdb');
    const [a, b] = await Promise.all([run(['ingest', fixtures, '--db', db]), run(['ingest', fixtures, '--db', db])]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const sorted = (rows: unknown[]): string[] => rows.map((r) => JSON.stringify(r)).sort();
    expect(sorted(stats(db))).toEqual(sorted(truth.byTemplate));
  }, 120_000);

  it('a second ingest that cannot get the lock in time fails with a clear message and changes nothing', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.duckdb');
    const big = path.join(dir, 'big.ndjson');
    const lines = readFileSync(path.join(fixtures, 'webhooks.ndjson'), 'utf8');
    writeFileSync(big, lines.repeat(40)); // duplicates: slow enough to hold the lock for a while
    const first = run(['ingest', big, '--db', db]);
    await new Promise((resolve) => setTimeout(resolve, 700));
    const second = await run(['ingest', path.join(fixtures, 'send_log.csv'), '--db', db, '--lock-timeout', '0.2']);
    expect((await first).code).toBe(0);
    if (second.code !== 0) {
      expect(second.code).toBe(2);
      expect(second.stderr).toMatch(/in use by another process/);
      expect(second.stderr).not.toMatch(/\n\s+at /);
    }
  }, 120_000);

  it('a read-only database file gets a clear error and is not changed', () => {
    if (process.getuid?.() === 0) {
      // root ignores file permissions: use a read-only bind of the directory instead when possible
      const dir = tempDir();
      const db = path.join(dir, 'p.duckdb');
      expect(pesan(['ingest', path.join(fixtures, 'send_log.csv'), '--db', db]).code).toBe(0);
      const before = stats(db);
      const ro = path.join(dir, 'ro');
      mkdirSync(ro);
      const mounted = spawnSync('mount', ['--bind', '-o', 'ro', dir, ro]).status === 0 && spawnSync('mount', ['-o', 'remount,ro,bind', ro]).status === 0;
      if (!mounted) {
        console.warn('read-only database test skipped: cannot make a read-only mount here');
        return;
      }
      try {
        const r = pesan(['ingest', path.join(fixtures, 'webhooks.ndjson'), '--db', path.join(ro, 'p.duckdb')]);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/^pesan: .*p\.duckdb/);
        expect(r.stderr).not.toMatch(/\n\s+at /);
      } finally {
        spawnSync('umount', [ro]);
      }
      expect(stats(db)).toEqual(before);
      return;
    }
    const dir = tempDir();
    const db = path.join(dir, 'p.duckdb');
    expect(pesan(['ingest', path.join(fixtures, 'send_log.csv'), '--db', db]).code).toBe(0);
    const before = stats(db);
    chmodSync(db, 0o444);
    chmodSync(dir, 0o555);
    const r = pesan(['ingest', path.join(fixtures, 'webhooks.ndjson'), '--db', db]);
    chmodSync(dir, 0o755);
    chmodSync(db, 0o644);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(stats(db)).toEqual(before);
  });

  it('a full disk gives a clear error and leaves the database as it was', () => {
    const dir = tempDir();
    const small = path.join(dir, 'small');
    mkdirSync(small);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=12m', 'tmpfs', small]).status !== 0) {
      console.warn('disk-full test skipped: cannot mount a small tmpfs here (needs root)');
      return;
    }
    try {
      const db = path.join(small, 'p.duckdb');
      expect(pesan(['ingest', path.join(fixtures, 'send_log.csv'), '--db', db]).code).toBe(0);
      const before = stats(db);
      const big = path.join(dir, 'big.ndjson');
      // Distinct events (new wamids) so that they must be written: ~40 MB of new statuses into a 12 MB disk.
      const base = readFileSync(path.join(fixtures, 'webhooks.ndjson'), 'utf8');
      writeFileSync(big, Array.from({ length: 30 }, (_, i) => base.replace(/wamid\./g, `wamid.r${i}x`)).join(''));
      const r = pesan(['ingest', big, '--db', db]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/No space left|disk|space/i);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      rmSync(big);
      const after = pesan(['stats', '--db', db, '--format', 'json']);
      if (after.code === 0) expect(JSON.parse(after.stdout)).toEqual(before);
      else expect(after.stderr).toMatch(/interrupted|pesan ingest/);
    } finally {
      spawnSync('umount', [small]);
    }
  }, 120_000);

  it('keeps the pseudonymisation key beside the database with owner-only permissions', () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.duckdb');
    copyFileSync(path.join(fixtures, 'send_log.csv'), path.join(dir, 'send.csv'));
    expect(pesan(['ingest', path.join(dir, 'send.csv'), '--db', db]).code).toBe(0);
    const mode = spawnSync('stat', ['-c', '%a', `${db}.key`], { encoding: 'utf8' }).stdout.trim();
    expect(mode).toBe('600');
    const raw = readFileSync(db);
    expect(raw.includes(Buffer.from('5581942108976'))).toBe(false); // a phone number of the send log
  });
});
