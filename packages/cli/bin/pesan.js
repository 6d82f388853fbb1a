#!/usr/bin/env node
// Committed launcher so that pnpm can link the `pesan` bin before the first build.
import { main } from '../dist/main.js';

// `pesan lint ... | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (error) => {
  if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

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
