#!/usr/bin/env node
// Committed launcher so that pnpm can link the `pesan` bin before the first build. It runs the single-file bundle
// (dist/pesan.cjs, faster to start) when the build made one, else the plain modules. It is also the script the
// bundled CLI starts its lint worker threads on, so that they run the same bundle.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const bundleUrl = new URL('../dist/pesan.cjs', import.meta.url);

// Lint worker threads of the bundled CLI start here with this one argument (LINT_WORKER_ARGUMENT in @pesan/core);
// worker_threads is loaded only then, to confirm it (loading it costs every other start ≈ 3 ms).
if (process.argv[2] === '--pesan-lint-worker' && !(await import('node:worker_threads')).isMainThread) await serveLintWorker();
else await runCli();

async function runCli() {
  await tuneV8();
  // `pesan lint ... | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
  process.stdout.on('error', (error) => {
    if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });

  const bundle = bundleIsFresh() ? loadBundle() : undefined;
  const { main } = bundle ? bundle.exports : await import('../dist/main.js');
  let code;
  try {
    code = await main(process.argv);
  } catch (error) {
    // Last-resort guard: an internal failure is still reported without a stack trace unless asked for.
    process.stderr.write(`pesan: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.PESAN_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
    process.stderr.write('Please report this with the command you ran (set PESAN_DEBUG=1 for details).\n');
    code = 2;
  }
  // Set by bundle.mjs for its warm-up run: the cache then holds the functions compiled while linting too.
  if (bundle && process.env.PESAN_WRITE_CODE_CACHE) bundle.writeCodeCache();
  process.exitCode = code;
}

/**
 * A lint worker thread of the bundled CLI (see catalog-module.ts): it lints with the bundle's own catalog, compiled
 * from the same code cache as the main thread, instead of importing ~350 separate modules.
 */
async function serveLintWorker() {
  const { serveLintWorker: serve, catalog } = loadBundle().exports;
  await serve(catalog);
}

/**
 * Smaller TurboFan inlining budgets (defaults 460 / 920 bytes of bytecode). A cold `pesan lint` spends its first
 * thousands of drafts waiting for V8's background compiler: with ~60 rules, some 300 functions get optimised while
 * the lint runs, and on two cores that queue is the bottleneck. Inlining less makes each compile cheaper; the code
 * is hardly slower once optimised. Measured on the 10k-draft bench corpus, interleaved runs: wall −8 %, CPU −15 %
 * (see test/bench/RESULTS.md). Set before the bundle is compiled: the flags are part of what a code cache is valid
 * for, so the cache made by bundle.mjs's warm-up (through this launcher) was made with them. Only on the V8
 * versions known to have these flags (V8 prints an error for an unknown one); PESAN_V8_DEFAULTS=1 turns it off.
 */
async function tuneV8() {
  const major = Number(process.versions.v8.split('.')[0]);
  if (process.env.PESAN_V8_DEFAULTS || major < 11 || major > 13) return;
  // Long-running processes (the language server, the report server, watch mode) warm up once and then want V8's
  // best code: they keep the defaults (and compile the bundle without the cache, which is made for the flags).
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'lsp' || command === 'serve' || rest.includes('--watch') || rest.includes('-w')) return;
  const v8 = await import('node:v8');
  v8.setFlagsFromString('--max-inlined-bytecode-size=100');
  v8.setFlagsFromString('--max-inlined-bytecode-size-cumulative=300');
}

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
  const built = mtime('../dist/pesan.cjs');
  if (built === undefined) return false;
  const sources = ['../tsconfig.tsbuildinfo', '../../core/tsconfig.tsbuildinfo', '../../../rules/tsconfig.tsbuildinfo'].map(mtime);
  return sources.every((t) => t === undefined || t <= built);
}

/**
 * Compiles and runs the bundle as a CommonJS-style function, with V8's code cache when there is a valid one. The
 * bundle is a script because Node 20 consumes a code cache only for scripts; what it would have taken from
 * `import.meta`, and its dynamic imports (which code from a cache cannot do itself, see bundle.mjs), come in as
 * parameters. V8 itself checks only the source length, and a cache made for other code would run the wrong
 * functions: the cache starts with the size and modification time of the bundle it was made from and a hash of the
 * wrapper below (checked with a stat, not by hashing the 1.4 MB bundle, which with loading node:crypto cost ≈ 10 ms
 * of every start). Any problem with the cache (missing, stale, made by another Node version) just means compiling
 * without it. The bundle is ASCII (bundle.mjs makes sure of it), so it is decoded as Latin-1: a plain copy, where
 * UTF-8 decoding took ≈ 6 ms more.
 */
function loadBundle() {
  const file = fileURLToPath(bundleUrl);
  const cacheFile = `${file}.cache`;
  const head = '(function (exports, require, module, __filename, __dirname, __pesanImportMetaUrl, __pesanImportMetaResolve, __pesanImport) {';
  const tail = '\n})';
  const bytes = readFileSync(file);
  const stamp = Buffer.from(`pesan-code-cache:${bytes.length}:${statSync(file).mtimeMs}:${wrapperHash(head + tail)}\n`, 'latin1');
  let cachedData;
  try {
    const cache = readFileSync(cacheFile);
    if (cache.subarray(0, stamp.length).equals(stamp)) cachedData = cache.subarray(stamp.length);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(head + bytes.toString('latin1') + tail, { filename: file, cachedData });
  const module = { exports: {} };
  // As from an ES module at the bundle's place: relative to it, and packages from packages/cli's node_modules (the
  // same for this file, one directory away).
  const resolve = (specifier) => (/^\.{0,2}\//.test(specifier) ? new URL(specifier, bundleUrl).href : import.meta.resolve(specifier));
  const importDynamically = (specifier, options) => import(resolve(specifier), options);
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file), bundleUrl.href, resolve, importDynamically);
  return {
    exports: module.exports,
    writeCodeCache() {
      // Through a temporary file, so that a concurrent run never reads half a cache.
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temporary, Buffer.concat([stamp, script.createCachedData()]));
      renameSync(temporary, cacheFile);
    },
  };
}

/** FNV-1a of the wrapper text: a cache made for another wrapper (another version of this file) is not used. */
function wrapperHash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16);
}
