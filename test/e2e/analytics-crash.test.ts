import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateExport } from '../../packages/analytics/src/generate/index.js';
import { pesan, pesanBin, repoRoot } from './run-pesan.js';

/**
 * Issue 7, crash safety: start an ingest of a generated export, kill -9 it at seeded random points (several
 * times), re-run it, and check the metrics equal those of a clean run. PESAN_KILL_TRIALS sets the number of kills
 * (default 4).
 */
const TRIALS = Number(process.env.PESAN_KILL_TRIALS ?? 4);
const FILES = ['webhooks.ndjson', 'send_log.csv', 'template_analytics.json', 'templates.json'];

function stats(db: string): string {
  const r = pesan(['stats', '--db', db, '--by', 'template,day', '--format', 'json']);
  if (r.code !== 0) throw new Error(r.stderr);
  return r.stdout;
}

describe('kill -9 during ingest', () => {
  it(`after ${TRIALS} kills at random points and a re-run, the metrics equal a clean run's`, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pesan-kill-'));
    await generateExport({ outDir: dir, messages: 30_000, seed: 42 });
    const files = FILES.map((f) => path.join(dir, f));
    const clean = path.join(dir, 'clean.duckdb');
    const started = Date.now();
    expect(pesan(['ingest', ...files, '--db', clean]).code).toBe(0);
    const cleanMs = Date.now() - started;
    const expected = stats(clean);

    const db = path.join(dir, 'killed.duckdb');
    let seed = 7;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const outcomes: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const delay = 150 + Math.floor(random() * cleanMs);
      const child = spawn(process.execPath, [pesanBin, 'ingest', ...files, '--db', db], { cwd: repoRoot, stdio: 'ignore' });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      await new Promise((resolve) => setTimeout(resolve, delay));
      const killed = child.kill('SIGKILL');
      const code = await exited;
      outcomes.push(`${delay} ms: ${killed && code === null ? 'killed' : `finished (${code})`}`);
    }
    const rerun = pesan(['ingest', ...files, '--db', db]);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(stats(db)).toBe(expected);
    console.log(`kill -9 trials: ${outcomes.join('; ')}; clean ingest ${cleanMs} ms`);
  }, 300_000);
});
