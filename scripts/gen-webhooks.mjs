#!/usr/bin/env node
// Seeded synthetic WhatsApp export with exact ground truth (packages/analytics/src/generate).
//
//   npm run gen:webhooks                               # 1000 messages into fixtures/webhooks (the committed fixture)
//   npm run gen:webhooks -- --messages 1000000 --out /tmp/wa --gzip
//   node scripts/gen-webhooks.mjs --messages 5000 --seed 7 --days 14 --start 2026-03-01 --tz Europe/Berlin --out /tmp/x
//
// Writes webhooks.ndjson(.gz), send_log.csv, template_analytics.json, template_analytics_expansion.json,
// templates.json and truth.json. Same seed + options => byte-identical files. Needs the built package
// (`node scripts/setup.mjs`, which `npm run gen:webhooks` runs first).
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function usage(message) {
  if (message) console.error(`gen-webhooks: ${message}`);
  console.error('usage: node scripts/gen-webhooks.mjs [--messages N] [--seed S] [--days D] [--start YYYY-MM-DD] [--tz ZONE] [--out DIR] [--gzip]');
  process.exit(2);
}

const opts = { messages: 1000, out: path.join(root, 'fixtures', 'webhooks'), gzip: false };
const args = process.argv.slice(2);
const integer = (flag, raw) => {
  if (raw === undefined || !/^-?\d+$/.test(raw)) usage(`${flag} needs an integer`);
  return Number(raw);
};
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
  const value = () => inline ?? args[++i];
  if (flag === '--messages') opts.messages = integer(flag, value());
  else if (flag === '--seed') opts.seed = integer(flag, value());
  else if (flag === '--days') opts.days = integer(flag, value());
  else if (flag === '--start') opts.start = value() ?? usage('--start needs a date');
  else if (flag === '--tz') opts.tz = value() ?? usage('--tz needs a zone');
  else if (flag === '--out') opts.out = path.resolve(value() ?? usage('--out needs a directory'));
  else if (flag === '--gzip') opts.gzip = true;
  else if (flag === '-h' || flag === '--help') usage();
  else usage(`unknown option ${arg}`);
}

const modulePath = path.join(root, 'packages', 'analytics', 'dist', 'generate', 'index.js');
let generateExport;
try {
  ({ generateExport } = await import(pathToFileURL(modulePath).href));
} catch (err) {
  console.error(`gen-webhooks: cannot load ${path.relative(root, modulePath)} (run node scripts/setup.mjs first): ${err.message}`);
  process.exit(1);
}

const started = process.hrtime.bigint();
let summary;
try {
  summary = await generateExport({
    outDir: opts.out, messages: opts.messages, seed: opts.seed, days: opts.days, start: opts.start, tz: opts.tz, gzip: opts.gzip,
  });
} catch (err) {
  console.error(`gen-webhooks: ${err.message}`);
  process.exit(1);
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

const mb = (bytes) => `${(bytes / 1048576).toFixed(bytes < 1048576 ? 3 : 1)} MB`;
const rel = (p) => path.relative(process.cwd(), p) || '.';
console.log(`gen-webhooks: ${summary.messages} messages, ${summary.users} users, ${summary.templates} templates, `
  + `seed ${summary.seed}, ${summary.days} days from ${summary.start} (tz ${summary.tz}) in ${seconds.toFixed(1)} s`);
for (const f of summary.files) console.log(`  ${rel(f.path).padEnd(48)} ${mb(f.bytes).padStart(10)}  ${f.records} records`);
const c = summary.counts;
const n = summary.noise;
console.log(`  events: ${c.statuses} statuses, ${c.inbound} inbound, ${c.userPreferences} user_preferences, `
  + `${c.templateEvents} template events (${summary.eventsPerMessage.toFixed(2)} per message)`);
console.log(`  noise: ${n.duplicateLines} duplicate lines, ${n.rebatchedStatuses} re-batched statuses, `
  + `${n.deliveredSkipped} skipped delivered, ${n.outOfOrderPairs} out-of-order pairs`);
const o = summary.overall;
console.log(`  truth overall: attempted ${o.attempted}, delivered ${o.delivered}, read ${o.read}, failed ${o.failed}, `
  + `clicked ${o.clicked}, replied ${o.replied}, opted out ${o.optedOut}`);
