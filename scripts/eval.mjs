#!/usr/bin/env node
// Evaluation of the compliance rules on the labelled corpus (issue 3, "Evaluation").
//
//   npm run eval                      # fixtures/corpus, human-readable report
//   node scripts/eval.mjs --json      # the same report as JSON (EvalReport from rules/src/eval/score.ts)
//   node scripts/eval.mjs some/dir    # another labelled corpus
//   node scripts/eval.mjs --no-misses # hide the list of false positives / negatives
//
// Lints every draft in process with the built linter (rules/dist, packages/core/dist) and the config that applies
// to it (nearest pesan.config.*, else `recommended`), then scores per draft and per rule. Exit codes: 0 all targets
// met, 1 a target missed, 2 usage error or unreadable corpus. Run `node scripts/setup.mjs` first (npm run eval does).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const load = (rel) => import(pathToFileURL(path.join(root, rel)).href);

function usage(message) {
  if (message) console.error(`eval: ${message}`);
  console.error('usage: node scripts/eval.mjs [corpus-dir] [--json] [--no-misses]');
  process.exit(2);
}

const args = process.argv.slice(2);
let json = false;
let misses = true;
const dirs = [];
for (const arg of args) {
  if (arg === '--json') json = true;
  else if (arg === '--no-misses') misses = false;
  else if (arg === '-h' || arg === '--help') usage();
  else if (arg.startsWith('-')) usage(`unknown option ${arg}`);
  else dirs.push(arg);
}
if (dirs.length > 1) usage('give at most one corpus directory');
const corpusDir = path.resolve(dirs[0] ?? path.join(root, 'fixtures', 'corpus'));

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else if (/\.(md|json)$/i.test(name) && !/^readme\.md$/i.test(name)) out.push(full);
  }
  return out;
}

let files;
try {
  files = walk(corpusDir);
} catch (error) {
  usage(`cannot read ${corpusDir} (${error.code ?? error.message})`);
}
if (files.length === 0) usage(`no .md or .json drafts in ${corpusDir}`);

const core = await load('packages/core/dist/index.js');
const { catalog } = await load('rules/dist/index.js');
const { lintCorpus, labelsOf } = await load('rules/dist/eval/corpus.js');
const { scoreCorpus, formatReport, DEFAULT_TARGETS } = await load('rules/dist/eval/score.js');

const linter = new core.Linter(catalog);
const resolver = new core.ConfigResolver(linter.fullCatalog);
const display = (file) => path.relative(process.cwd(), file).split(path.sep).join('/') || file;
const sources = files.map((file) => ({ path: display(file), text: readFileSync(file, 'utf8') }));

const complianceRules = catalog.rules.filter((r) => r.meta.type === 'compliance').map((r) => r.meta.id);
const labelled = new Set();
let entries;
try {
  // Labelled rules are measured even when their default (`info`) leaves them off in `recommended`.
  for (const s of sources) for (const l of labelsOf(s).labels) labelled.add(l);
  entries = lintCorpus(linter, sources, { configFor: (p) => resolver.forFile(p), ensureOn: [...complianceRules, ...labelled] });
} catch (error) {
  if (error instanceof core.ConfigError) usage(error.message);
  throw error;
}

const report = scoreCorpus(entries, {
  scoredRules: complianceRules,
  catalogRules: linter.rules.map((r) => r.meta.id),
  targets: DEFAULT_TARGETS,
});

if (json) process.stdout.write(`${JSON.stringify({ corpus: display(corpusDir), ...report }, null, 2)}\n`);
else console.log(formatReport(report, { corpus: display(corpusDir), targets: DEFAULT_TARGETS, misses }));
process.exit(report.ok ? 0 : 1);
