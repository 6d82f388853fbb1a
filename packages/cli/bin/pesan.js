#!/usr/bin/env node
// Committed launcher so that pnpm can link the `pesan` bin before the first build. It runs the single-file bundle
// (dist/pesan.cjs, faster to start) when the build made one, else the plain modules. It is also the script the
// bundled CLI starts its lint worker threads on, so that they run the same bundle.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { isMainThread } from 'node:worker_threads';

const bundleUrl = new URL('../dist/pesan.cjs', import.meta.url);

if (isMainThread) await runCli();
else await serveLintWorker();

async function runCli() {
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
 * parameters. The cache starts with a SHA-256 of the exact compiled source: V8 itself checks only the source length,
 * and a cache made for other code would run the wrong functions. Any problem with the cache (missing, stale, made by
 * another Node version) just means compiling without it.
 */
function loadBundle() {
  const file = fileURLToPath(bundleUrl);
  const cacheFile = `${file}.cache`;
  const head = '(function (exports, require, module, __filename, __dirname, __pesanImportMetaUrl, __pesanImportMetaResolve, __pesanImport) {';
  const tail = '\n})';
  const bytes = readFileSync(file);
  const digest = createHash('sha256').update(head).update(bytes).update(tail).digest();
  let cachedData;
  try {
    const cache = readFileSync(cacheFile);
    if (cache.subarray(0, digest.length).equals(digest)) cachedData = cache.subarray(digest.length);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(head + bytes.toString('utf8') + tail, { filename: file, cachedData });
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
      writeFileSync(temporary, Buffer.concat([digest, script.createCachedData()]));
      renameSync(temporary, cacheFile);
    },
  };
}
