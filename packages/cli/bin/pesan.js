#!/usr/bin/env node
// Committed launcher so that pnpm can link the `pesan` bin before the first build. It runs the single-file bundle
// (dist/pesan.mjs, faster to start) when the build made one, else the plain modules.
import { statSync } from 'node:fs';

// `pesan lint ... | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (error) => {
  if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const bundle = new URL('../dist/pesan.mjs', import.meta.url);
const { main } = await import(bundleIsFresh() ? bundle.href : '../dist/main.js');

/** The bundle is used only when it is newer than the last TypeScript build of every package it contains. */
function bundleIsFresh() {
  if (process.env.PESAN_NO_BUNDLE) return false;
  const mtime = (relative) => {
    try {
      return statSync(new URL(relative, import.meta.url)).mtimeMs;
    } catch {
      return undefined;
    }
  };
  const built = mtime('../dist/pesan.mjs');
  if (built === undefined) return false;
  const sources = ['../tsconfig.tsbuildinfo', '../../core/tsconfig.tsbuildinfo', '../../../rules/tsconfig.tsbuildinfo'].map(mtime);
  return sources.every((t) => t === undefined || t <= built);
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // Last-resort guard: an internal failure is still reported without a stack trace unless asked for.
    process.stderr.write(`pesan: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.PESAN_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
    process.stderr.write('Please report this with the command you ran (set PESAN_DEBUG=1 for details).\n');
    process.exitCode = 2;
  },
);
