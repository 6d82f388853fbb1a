#!/usr/bin/env node
// Bundles the CLI into one script (dist/pesan.cjs) and makes a V8 code cache for it (dist/pesan.cjs.cache).
// Loading ~350 small modules costs more than linting one draft; one pre-linked file starts about twice as fast, and
// with the code cache V8 skips most of parsing and compiling it again on every run. `bin/pesan.js` uses the bundle
// when it is present and up to date, and the plain `dist/` modules otherwise. The language server, analytics and
// report packages stay separate, lazily loaded packages.
//
// Why a script and not an ES module: Node 20 can only consume a code cache for a script (vm.Script `cachedData`);
// it has no compile cache for ES modules. Lint worker threads of the bundled CLI run the same bundle (through
// bin/pesan.js), so they start from the same code cache instead of importing ~350 modules each.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, 'dist', 'pesan.cjs');
// Written by bin/pesan.js at the end of the warm-up run below (it holds the exact wrapper the script is compiled in).
const cacheOut = `${out}.cache`;
const launcher = path.join(here, 'bin', 'pesan.js');
const warmUpDrafts = path.join(here, '..', '..', 'fixtures', 'templates');

function newestMtime(dir) {
  let newest = 0;
  for (const name of readdirSync(dir, { recursive: true })) {
    if (!String(name).endsWith('.js')) continue;
    newest = Math.max(newest, statSync(path.join(dir, String(name))).mtimeMs);
  }
  return newest;
}
const mtimeOrZero = (file) => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
};

const inputs = [path.join(here, 'dist'), path.join(here, '..', 'core', 'dist'), path.join(here, '..', '..', 'rules', 'dist')];
// bin/pesan.js trusts the bundle only when it is newer than each package's tsbuildinfo, so count those too:
// `tsc -b` can rewrite a tsbuildinfo without touching any .js file, and the launcher would then skip the bundle.
const buildInfos = [path.join(here, 'tsconfig.tsbuildinfo'), path.join(here, '..', 'core', 'tsconfig.tsbuildinfo'), path.join(here, '..', '..', 'rules', 'tsconfig.tsbuildinfo')];
// The launcher too: it sets the V8 flags the code cache is made under, and writes the cache.
const newest = Math.max(...inputs.map((dir) => newestMtime(dir)), ...buildInfos.map(mtimeOrZero), mtimeOrZero(launcher));
// The cache is written after the bundle: a bundle without one (an interrupted build) is made again.
const bundleTime = existsSync(cacheOut) ? mtimeOrZero(out) : 0;
if (bundleTime > newest && !process.argv.includes('--force')) process.exit(0);

// A cache left from an older bundle must never sit next to a new one (bin/pesan.js checks a hash too).
rmSync(cacheOut, { force: true });
// Outputs of earlier versions of this script, no longer used.
for (const old of ['pesan.mjs', 'lint-worker.mjs']) rmSync(path.join(here, 'dist', old), { force: true });

const built = await build({
  write: false,
  // What bin/pesan.js needs: the CLI, and what a lint worker thread of the bundled CLI serves with.
  stdin: {
    contents: [
      `export { main } from ${JSON.stringify(path.join(here, 'dist', 'main.js'))};`,
      `export { catalog } from '@pesan/rules';`,
      // Not exported by @pesan/core's index: a worker module, imported by path.
      `export { serveLintWorker } from ${JSON.stringify(path.join(here, '..', 'core', 'dist', 'parallel', 'worker.js'))};`,
    ].join('\n'),
    resolveDir: here,
    sourcefile: 'pesan-bundle-entry.js',
  },
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Whitespace and syntax only: a smaller file to read and decode on every run, while function and class names stay
  // (messages built from `constructor.name` read the same, and PESAN_DEBUG stack traces stay legible).
  minifyWhitespace: true,
  minifySyntax: true,
  external: ['@pesan/lsp', 'vscode-languageserver', 'vscode-languageserver/*', '@pesan/analytics', '@pesan/report', '@duckdb/*', 'express', 'cli-progress', 'playwright-core'],
  define: {
    // A script has no import.meta: bin/pesan.js passes the bundle's URL and a resolver as parameters of the wrapper
    // function it compiles the bundle in (see loadBundle there).
    'import.meta.url': '__pesanImportMetaUrl',
    'import.meta.resolve': '__pesanImportMetaResolve',
    // The bundled CLI starts its lint workers on the launcher, which runs this same bundle (see catalog-module.ts).
    __PESAN_LINT_WORKER__: JSON.stringify('../bin/pesan.js'),
  },
  // Any other use of import.meta would silently become undefined in a script: fail the build instead.
  logOverride: { 'empty-import-meta': 'error' },
  logLevel: 'warning',
  plugins: [esmBuildOfYaml(), lazyChildProcessForCommander()],
});
writeFileSync(out, asciiOnly(withHostImports(built.outputFiles[0].text)));

/**
 * `yaml` resolves to its CommonJS build under Node's `node` condition; bundled, every use of one of its exports
 * (`isMap`, `isScalar`, `new Scalar`... on every draft) then goes through a getter of esbuild's CommonJS interop
 * object, which showed in lint profiles. The package's ES module build (the same code, under its `default`
 * condition) bundles into plain references. Its only differences are for browsers: warnings go to console.warn
 * instead of process.emitWarning, and the LOG_TOKENS/LOG_STREAM debug switches are gone.
 */
function esmBuildOfYaml() {
  return {
    name: 'esm-build-of-yaml',
    setup(b) {
      b.onResolve({ filter: /^yaml$/ }, (args) => {
        const manifest = createRequire(path.join(args.resolveDir, 'importer.js')).resolve('yaml/package.json');
        return { path: path.join(path.dirname(manifest), 'browser', 'index.js') };
      });
    },
  };
}

/**
 * commander loads `node:child_process` (with net, dgram and the stream modules behind it, ≈ 4.5 ms) when it is
 * loaded, for subcommands that are separate executables, which Pesan has none of. Inside the bundle, commander gets
 * a stand-in that loads the real module on first use.
 */
function lazyChildProcessForCommander() {
  return {
    name: 'lazy-child-process-for-commander',
    setup(b) {
      b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
        /[\\/]commander[\\/]/.test(args.importer) ? { path: 'lazy-child-process', namespace: 'pesan-lazy' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'pesan-lazy' }, () => ({
        contents: "let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });",
        loader: 'js',
      }));
    },
  };
}

/**
 * The bundle as pure ASCII: esbuild escapes non-ASCII characters in strings but leaves them in regular expression
 * literals. Written as `\uXXXX` escapes (UTF-16 code units; a surrogate pair escaped this way is one code point in
 * a `u` regex too), the launcher can decode the bundle as Latin-1, a plain copy, instead of UTF-8.
 */
function asciiOnly(code) {
  return code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Routes the bundle's dynamic `import()` calls (the lazily loaded language server, analytics and report packages;
 * a catalog module named by URL) through `__pesanImport`, a parameter bin/pesan.js passes: on Node 20, code that
 * V8 took from a code cache cannot call import() itself ("A dynamic import callback was not specified": the cache
 * does not keep the loader Node attached to the script, nodejs/node#43663). Found by parsing, not by searching the
 * text, so that no string or regular expression that merely contains "import(" is touched.
 */
function withHostImports(code) {
  const file = ts.createSourceFile(out, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const starts = [];
  const visit = (node) => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) starts.push(node.expression.getStart(file));
    ts.forEachChild(node, visit);
  };
  visit(file);
  let result = code;
  for (const start of starts.sort((a, b) => b - a)) result = `${result.slice(0, start)}__pesanImport${result.slice(start + 'import'.length)}`;
  return result;
}

// Warm-up: lint a few drafts (every language and both formats) with the new bundle, then let the launcher save V8's
// code for the script, including the functions compiled while linting (V8 compiles most functions lazily, on first
// call; a cache made before running would hold little more than the top level).
if (existsSync(warmUpDrafts)) {
  try {
    execFileSync(process.execPath, [launcher, 'lint', warmUpDrafts, '--format', 'json', '--concurrency', '1'], {
      env: { ...process.env, PESAN_NO_BUNDLE: '', PESAN_WRITE_CODE_CACHE: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (error) {
    // Exit code 1 is expected: the invalid fixtures have findings.
    if (error.status !== 1) console.error(`pesan bundle: no code cache (the warm-up run failed: ${String(error.stderr || error.message).trim()})`);
  }
}
