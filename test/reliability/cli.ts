/**
 * Runs the real `pesan` binary as CI would, measuring wall time and peak memory, and checks what every run on bad
 * input must satisfy: no stack trace, no internal error, no Node warning on stderr.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');
const pesanBin = path.join(repoRoot, 'packages', 'cli', 'bin', 'pesan.js');
const preload = path.join(here, 'max-rss.mjs');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory of the process, MB. */
  rssMb: number;
}

/** Every run is killed after this long: a hang fails the test instead of the CI job. */
export const RUN_TIMEOUT_MS = 120_000;

export function pesan(args: string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): Run {
  const dir = mkdtempSync(path.join(tmpdir(), 'pesan-rss-'));
  const rssFile = path.join(dir, 'maxrss');
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(preload).href, pesanBin, ...args], {
    cwd: options.cwd ?? repoRoot,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', PESAN_DEBUG: '', PESAN_TEST_MAXRSS_FILE: rssFile, ...options.env },
    timeout: RUN_TIMEOUT_MS,
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  let rssKb = Number.NaN;
  try {
    rssKb = Number(readFileSync(rssFile, 'utf8'));
  } catch {
    // killed before it could write it
  }
  rmSync(dir, { recursive: true, force: true });
  if (result.error) throw new Error(`pesan ${args.join(' ')}: ${result.error.message} after ${Math.round(ms)} ms`);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, ms, rssMb: rssKb / 1024 };
}

/** What any run on bad input must satisfy: a clean stderr. */
export function expectCleanStderr(run: Run): void {
  expect(run.stderr, 'a stack trace on stderr').not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toMatch(/internal error|FATAL ERROR|RangeError|TypeError|Maximum call stack/);
  expect(run.stderr, 'a Node warning on stderr').not.toMatch(/\(node:\d+\) \w*Warning/);
}

/** ESLint-shaped JSON results (`--format json`). */
export interface JsonResult {
  filePath: string;
  errorCount: number;
  warningCount: number;
  messages: { ruleId: string; severity: 1 | 2; message: string; line: number; column: number; endLine: number; endColumn: number }[];
}

export function jsonResults(run: Run): JsonResult[] {
  try {
    return JSON.parse(run.stdout) as JsonResult[];
  } catch {
    throw new Error(`stdout is not JSON results:\n${run.stdout.slice(0, 500)}\nstderr:\n${run.stderr.slice(0, 500)}`);
  }
}
