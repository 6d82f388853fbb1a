#!/usr/bin/env node
// Bundles the CLI into one ESM file (dist/pesan.mjs). Loading ~350 small modules costs more than linting one
// draft; one pre-linked file starts about twice as fast. `bin/pesan.js` uses the bundle when it is present and
// up to date, and the plain `dist/` modules otherwise. The language server stays a separate, lazily loaded package.
import { build } from 'esbuild';
import { statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, 'dist', 'pesan.mjs');

function newestMtime(dir) {
  let newest = 0;
  for (const name of readdirSync(dir, { recursive: true })) {
    if (!String(name).endsWith('.js')) continue;
    newest = Math.max(newest, statSync(path.join(dir, String(name))).mtimeMs);
  }
  return newest;
}

const inputs = [path.join(here, 'dist'), path.join(here, '..', 'core', 'dist'), path.join(here, '..', '..', 'rules', 'dist')];
let bundleTime = 0;
try {
  bundleTime = statSync(out).mtimeMs;
} catch {
  bundleTime = 0;
}
const newest = Math.max(...inputs.map((dir) => newestMtime(dir)).filter((t) => t !== out));
if (bundleTime > newest && !process.argv.includes('--force')) process.exit(0);

await build({
  entryPoints: [path.join(here, 'dist', 'main.js')],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['@pesan/lsp', 'vscode-languageserver', 'vscode-languageserver/*', '@pesan/analytics', '@pesan/report', '@duckdb/*', 'express', 'cli-progress', 'playwright-core'],
  // Some dependencies are CommonJS and call require(): give the ESM bundle a require function.
  banner: { js: "import { createRequire as __pesanCreateRequire } from 'node:module'; const require = __pesanCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
