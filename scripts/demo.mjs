#!/usr/bin/env node
// The main job on the bundled fixtures: lint every template draft. Invalid drafts are there on purpose, so exit
// code 1 (findings) is the expected outcome here; anything else is a failure of the demo.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pesan = path.join(root, 'packages', 'cli', 'bin', 'pesan.js');

function step(title, args, expected) {
  console.log(`\n$ pesan ${args.join(' ')}    # ${title}`);
  const result = spawnSync(process.execPath, [pesan, ...args], { cwd: root, stdio: 'inherit' });
  if (!expected.includes(result.status)) {
    console.error(`demo: \`pesan ${args.join(' ')}\` exited ${result.status}, expected ${expected.join(' or ')}`);
    process.exit(1);
  }
  return result.status;
}

step('valid drafts: expect exit 0', ['lint', 'fixtures/templates/valid/'], [0]);
step('all drafts: the invalid ones are reported, exit 1', ['lint', 'fixtures/templates/'], [1]);
// Analytics on the bundled synthetic export (fixtures/webhooks, generated with its ground truth): a fresh database.
for (const file of ['demo.duckdb', 'demo.duckdb.wal', 'demo.duckdb.key']) rmSync(path.join(root, file), { force: true });
step('webhook exports, send log, template_analytics and dictionary into DuckDB', ['ingest', 'fixtures/webhooks/', '--db', 'demo.duckdb'], [0]);
step('per template and language', ['stats', '--db', 'demo.duckdb'], [0]);
step('the report, lint findings next to outcomes', ['report', '--db', 'demo.duckdb', '--templates', 'fixtures/templates/', '--out', 'reports/index.html'], [0]);
console.log(`\ndemo: done. The report is ${path.join(root, 'reports', 'index.html')}: open it in a browser, or run \`npx pesan serve --db demo.duckdb --templates fixtures/templates/\`. Try also \`npx pesan lint <your drafts>\`, \`npx pesan rules\`, \`npx pesan stats --db demo.duckdb --by template,day\`.`);
