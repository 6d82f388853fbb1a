import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const pesanBin = path.join(repoRoot, 'packages', 'cli', 'bin', 'pesan.js');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns the built `pesan` binary as a user would, without colours. */
export function pesan(args: string[], options: { cwd?: string; input?: string | Buffer } = {}): RunResult {
  const result = spawnSync(process.execPath, [pesanBin, ...args], {
    cwd: options.cwd ?? repoRoot,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
