#!/usr/bin/env node
// One-step setup used by `npm run demo` and `npm test` on a fresh clone that has only Node and npm:
// 1. install the workspace from the lockfile with the pinned pnpm (fetched through npx when missing);
// 2. build every package (TypeScript project references, incremental).
// Each step is skipped when it is already up to date, so running it again costs well under a second.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const pnpmVersion = pkg.packageManager.replace(/^pnpm@/, '');
const stamp = path.join(root, 'node_modules', '.pesan-install-stamp');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(cmd, args) {
  execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, npm_config_yes: 'true' } });
}

const lockHash = createHash('sha256')
  .update(readFileSync(path.join(root, 'pnpm-lock.yaml')))
  .update(pnpmVersion)
  .digest('hex');
const installed = existsSync(stamp) && readFileSync(stamp, 'utf8') === lockHash;
if (!installed) {
  console.error(`pesan setup: installing the workspace with pnpm ${pnpmVersion} (from the lockfile)...`);
  // `--yes` because npm's `yes` setting is false on some machines and npx would refuse to download pnpm.
  run(npx, ['--yes', `pnpm@${pnpmVersion}`, 'install', '--frozen-lockfile', '--reporter=append-only']);
  writeFileSync(stamp, lockHash);
}
console.error('pesan setup: building (tsc -b)...');
run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b']);
// The single-file CLI bundle starts faster than ~350 separate modules (skipped when already up to date).
run(process.execPath, [path.join(root, 'packages', 'cli', 'bundle.mjs')]);
