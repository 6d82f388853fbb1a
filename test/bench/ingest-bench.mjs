#!/usr/bin/env node
// Ingest benchmark of `pesan ingest` (issue 5), run from anywhere; paths resolve from the repository root.
//
//   npm run bench:ingest                      # setup + build, then this script with --write
//   node test/bench/ingest-bench.mjs [--messages 1000000] [--write] [--skip-baselines] [--stats-runs 5]
//                                    [--scale 10000000]   # also ingest 10x more messages (generated, ~15 GB)
//
// In one run, on one generated export (packages/analytics/src/generate, seeded; regenerated when missing), it measures
// with GNU time (wall, peak RSS, CPU):
//   - `cat webhooks.ndjson > /dev/null` (the I/O floor),
//   - a naive Node script (readline + JSON.parse + Map), test/bench/naive-ingest.mjs,
//   - a plain DuckDB load (read_ndjson into a table), test/bench/plain-duckdb-load.mjs,
//   - `pesan ingest` of the whole export (webhooks, send log, template_analytics, dictionary) into a fresh database,
//   - `pesan stats` on the result (cold process, warm OS cache; median of --stats-runs) and the query alone in-process.
// Generated data lives in test/bench/.out/ (gitignored) and is never committed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(benchDir, '..', '..');
const pesanBin = path.join(root, 'packages', 'cli', 'bin', 'pesan.js');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const messages = Number(flag('--messages', '1000000'));
const scale = args.includes('--scale') ? Number(flag('--scale', '10000000')) : undefined;
const scaleMemoryLimit = flag('--scale-memory-limit', undefined);
const onlyScale = args.includes('--only-scale');
const statsRuns = Number(flag('--stats-runs', '5'));

function timed(cmd, cmdArgs, options = {}) {
  const out = path.join(os.tmpdir(), `pesan-bench-time-${process.pid}`);
  const started = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-o', out, '-f', '%e %M %U %S', cmd, ...cmdArgs], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', options.stdout ?? 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} exited ${r.status}: ${r.stderr}`);
  const [, rssKb, user, sys] = readFileSync(out, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  rmSync(out, { force: true });
  return { wall, rssMb: rssKb / 1024, cpu: user + sys, stdout: r.stdout };
}

function ensureExport(count) {
  const dir = path.join(benchDir, '.out', `ingest-${count}`);
  const truth = path.join(dir, 'truth.json');
  if (!existsSync(truth)) {
    mkdirSync(dir, { recursive: true });
    console.error(`generating ${count.toLocaleString('en-US')} messages into ${path.relative(root, dir)} ...`);
    const g = timed(process.execPath, [path.join(root, 'scripts', 'gen-webhooks.mjs'), '--messages', String(count), '--out', dir]);
    console.error(`  generated in ${g.wall.toFixed(1)} s (peak RSS ${g.rssMb.toFixed(0)} MB)`);
  }
  return dir;
}

function measure(count, withBaselines, memoryLimit) {
  const dir = ensureExport(count);
  const webhooks = path.join(dir, 'webhooks.ndjson');
  const files = ['webhooks.ndjson', 'send_log.csv', 'template_analytics.json', 'templates.json'].map((f) => path.join(dir, f));
  const webhookBytes = statSync(webhooks).size;
  const totalBytes = files.reduce((a, f) => a + statSync(f).size, 0);
  const truth = JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8'));
  const events = truth.counts.statuses + truth.counts.inbound + truth.counts.userPreferences + truth.counts.templateEvents;
  const rows = [];
  if (withBaselines) {
    const cat = timed('cat', [webhooks], { stdout: 'ignore' });
    rows.push({ name: '`cat webhooks.ndjson > /dev/null`', ...cat, bytes: webhookBytes, target: 'reference' });
    const naive = timed(process.execPath, [path.join(benchDir, 'naive-ingest.mjs'), webhooks]);
    rows.push({ name: 'Naive Node script (readline + JSON.parse + Map)', ...naive, bytes: webhookBytes, target: 'baseline' });
    const plainDb = path.join(dir, 'plain.duckdb');
    rmSync(plainDb, { force: true });
    const plain = timed(process.execPath, [path.join(benchDir, 'plain-duckdb-load.mjs'), webhooks, plainDb]);
    rmSync(plainDb, { force: true });
    rows.push({ name: 'Plain DuckDB load (`read_ndjson` into a table)', ...plain, bytes: webhookBytes, target: 'baseline' });
  }
  const db = path.join(dir, 'pesan.duckdb');
  for (const f of [db, `${db}.wal`, `${db}.key`]) rmSync(f, { force: true });
  let ingest;
  try {
    ingest = timed(process.execPath, [pesanBin, 'ingest', ...files, '--db', db, '--format', 'json', ...(memoryLimit ? ['--memory-limit', memoryLimit] : [])]);
  } catch (error) {
    return { count, failed: String(error.message).split('\n')[0], events, totalBytes, memoryLimit };
  }
  const summary = JSON.parse(ingest.stdout);
  rows.push({ name: '**`pesan ingest`** (validation, dedupe, per-message state, rejects, derive)', ...ingest, bytes: totalBytes, events, target: 'pesan' });
  const statsTimes = [];
  for (let i = 0; i < statsRuns + 1; i++) statsTimes.push(timed(process.execPath, [pesanBin, 'stats', '--db', db, '--format', 'json']));
  const warm = statsTimes.slice(1).sort((a, b) => a.wall - b.wall);
  const statsMedian = warm[Math.floor(warm.length / 2)];
  const inProcess = spawnSync(process.execPath, ['--input-type=module', '-e', `
    import { AnalyticsDatabase, statsOn } from ${JSON.stringify(path.join(root, 'packages/analytics/dist/index.js'))};
    const db = await AnalyticsDatabase.open({ path: ${JSON.stringify(db)}, readOnly: true });
    const times = [];
    for (let i = 0; i < 6; i++) { const t = performance.now(); await statsOn(db, {}); times.push(performance.now() - t); }
    db.close();
    console.log(JSON.stringify(times.slice(1).sort((a, b) => a - b)));`], { cwd: root, encoding: 'utf8' });
  const queryTimes = JSON.parse(inProcess.stdout);
  return { count, dir, rows, summary, truth, statsMedian, statsAll: warm.map((s) => s.wall), queryMedian: queryTimes[Math.floor(queryTimes.length / 2)], webhookBytes, totalBytes, events, dbBytes: statSync(db).size };
}

const fmtS = (s) => `${s.toFixed(2)} s`;
const fmtN = (n) => Math.round(n).toLocaleString('en-US');
const main = onlyScale ? undefined : measure(messages, !args.includes('--skip-baselines'));
const big = scale ? measure(scale, false, scaleMemoryLimit) : undefined;
if (onlyScale) {
  console.log(JSON.stringify(big.failed ? big : { ...big, rows: big.rows, statsMedian: big.statsMedian, queryMedian: big.queryMedian }, null, 2));
  process.exit(0);
}

const pesanRow = main.rows.find((r) => r.target === 'pesan');
const naive = main.rows.find((r) => r.name.startsWith('Naive'));
const plain = main.rows.find((r) => r.name.startsWith('Plain'));
const lines = [];
lines.push('<!-- ingest-bench:start (written by test/bench/ingest-bench.mjs --write; keep when rewriting this file) -->');
lines.push('## Analytics: `pesan ingest` and `pesan stats` (issue 5)', '');
lines.push(`Generated by \`npm run bench:ingest\` (= \`node scripts/setup.mjs && node test/bench/ingest-bench.mjs --write\`${scale ? ` plus \`--scale ${scale}\`` : ''}), run from the repository root.`, '');
const load = os.loadavg().map((l) => l.toFixed(2)).join(' / ');
lines.push(`- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}; ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}; ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; Node ${process.version}; load average after: ${load}`);
lines.push(`- Data: \`npm run gen:webhooks -- --messages ${messages}\` (seed ${main.truth.generator.seed}): ${fmtN(main.events)} events in ${fmtN(main.truth.files?.webhooks?.lines ?? 0)} webhook lines, ${(main.webhookBytes / 1e9).toFixed(2)} GB of NDJSON; ${(main.totalBytes / 1e9).toFixed(2)} GB with the send log, template_analytics and dictionary`);
lines.push('- Wall time, peak RSS and CPU (user+sys) from GNU time, whole process; MB = 10^6 bytes', '');
lines.push('| Measurement | Wall | Events/s | MB/s | Peak RSS | CPU | Target | Result |', '| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of main.rows) {
  let target = r.target === 'pesan' ? `≤ plain load (${fmtS(plain?.wall ?? NaN)}) and ≥ 5× naive (≤ ${fmtS((naive?.wall ?? NaN) / 5)}); RSS ≤ 1 GB` : r.target;
  let result = '–';
  if (r.target === 'pesan') {
    const okPlain = plain ? r.wall <= plain.wall : undefined;
    const okNaive = naive ? r.wall * 5 <= naive.wall : undefined;
    const okRss = r.rssMb <= 1024;
    result = [okPlain === undefined ? '' : `${okPlain ? '✅' : '❌'} vs plain (${(r.wall / plain.wall).toFixed(2)}×)`, okNaive === undefined ? '' : `${okNaive ? '✅' : '❌'} ${(naive.wall / r.wall).toFixed(1)}× naive`, `${okRss ? '✅' : '❌'} RSS`].filter(Boolean).join(', ');
  } else if (!target) target = '–';
  const evps = r.events ?? main.events;
  lines.push(`| ${r.name} | ${fmtS(r.wall)} | ${fmtN(evps / r.wall)} | ${fmtN(r.bytes / 1e6 / r.wall)} | ${fmtN(r.rssMb)} MB | ${fmtS(r.cpu)} | ${target} | ${result} |`);
}
lines.push(`| \`pesan stats\` (cold process, warm cache; median of ${statsRuns}) | ${Math.round(main.statsMedian.wall * 1000)} ms | – | – | ${fmtN(main.statsMedian.rssMb)} MB | – | ≤ 300 ms | ${main.statsMedian.wall <= 0.3 ? '✅' : '❌'} |`);
lines.push(`| stats query alone, in-process (median of 5 after a warm-up) | ${Math.round(main.queryMedian)} ms | – | – | – | – | reference | – |`);
if (big?.failed) {
  lines.push(`| **\`pesan ingest\`, ${fmtN(scale)} messages** (${(big.totalBytes / 1e9).toFixed(1)} GB) | failed | – | – | – | – | ≤ 12× the 1M time; RSS ≤ 1.5 GB | ❌ ${big.failed.replace(/\|/g, '/')} |`);
} else if (big) {
  const bigRow = big.rows.find((r) => r.target === 'pesan');
  const ratio = bigRow.wall / pesanRow.wall;
  lines.push(`| **\`pesan ingest\`, ${fmtN(scale)} messages** (${(big.totalBytes / 1e9).toFixed(1)} GB) | ${fmtS(bigRow.wall)} | ${fmtN(big.events / bigRow.wall)} | ${fmtN(big.totalBytes / 1e6 / bigRow.wall)} | ${fmtN(bigRow.rssMb)} MB | ${fmtS(bigRow.cpu)} | ≤ 12× the 1M time (${fmtS(pesanRow.wall * 12)}); RSS ≤ 1.5 GB | ${ratio <= 12 ? '✅' : '❌'} ${ratio.toFixed(1)}×, ${bigRow.rssMb <= 1536 ? '✅' : '❌'} RSS |`);
  lines.push(`| \`pesan stats\`, ${fmtN(scale)} messages (median of ${statsRuns}) | ${Math.round(big.statsMedian.wall * 1000)} ms | – | – | ${fmtN(big.statsMedian.rssMb)} MB | – | reference | – |`);
}
lines.push('');
lines.push(`- Pesan's summary: ${fmtN(main.summary.totals.lines)} lines, ${fmtN(main.summary.totals.rejectedLines)} rejected, ${fmtN(main.summary.totals.duplicates)} duplicates, ${fmtN(main.summary.messages)} messages (${fmtN(main.summary.unattributedMessages)} unattributed); database ${(main.dbBytes / 1e6).toFixed(0)} MB.`);
lines.push(`- \`pesan stats\` every run: ${main.statsAll.map((s) => `${Math.round(s * 1000)} ms`).join(', ')} (Node start-up and DuckDB's open are part of each).`);
lines.push('- Baselines do less than Pesan: the naive script keeps only statuses in memory and stores nothing; the plain load stores the nested JSON as it is, without line numbers, validation, explode, dedupe or per-message state.');
lines.push('<!-- ingest-bench:end -->');
const section = lines.join('\n');
console.log(section);
if (args.includes('--write')) {
  const resultsPath = path.join(benchDir, 'RESULTS.md');
  const current = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '';
  const start = current.indexOf('<!-- ingest-bench:start');
  const end = current.indexOf('<!-- ingest-bench:end -->');
  const next = start !== -1 && end !== -1 ? current.slice(0, start) + section + current.slice(end + '<!-- ingest-bench:end -->'.length) : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(resultsPath, next);
  console.error(`wrote ${path.relative(root, resultsPath)}`);
}
