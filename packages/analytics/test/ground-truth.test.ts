import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateExport } from '../src/generate/index.js';
import { failuresOn, ingestFiles, queryStats, AnalyticsDatabase, type StatsRow } from '../src/index.js';
import { tempDir } from './helpers.js';

/**
 * Issue 5's acceptance: ingesting the generator's output for 100,000 messages gives metrics equal to its ground
 * truth exactly, also after ingesting it twice and after shuffling the lines. The truth is computed by the
 * generator from its own simulation tables, not from the emitted files.
 */
const MESSAGES = 100_000;
const FILES = ['webhooks.ndjson', 'send_log.csv', 'template_analytics.json', 'template_analytics_expansion.json', 'templates.json'];

interface Truth {
  generator: { tz: string };
  byTemplate: StatsRow[];
  overall: StatsRow;
  byDayUtc: StatsRow[];
  byDayTz: StatsRow[];
  failuresByCode: { template: string; language: string; code: number; count: number }[];
  unattributed: number;
}

const key = (r: { template: string | null; language: string | null; day?: string }): string => `${r.template}|${r.language}|${r.day ?? ''}`;
const sortRows = (rows: StatsRow[]): StatsRow[] => [...rows].sort((a, b) => key(a).localeCompare(key(b)));

/** Shuffles the lines of a file with a seeded PRNG (the order of arrival must not matter). */
function shuffleLines(file: string, seed: number, options: { keepHeader?: boolean } = {}): void {
  const all = readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
  const header = options.keepHeader ? all.slice(0, 1) : [];
  const lines = all.slice(header.length);
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = lines.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  }
  writeFileSync(file, `${[...header, ...lines].join('\n')}\n`);
}

async function expectTruth(db: string, truth: Truth): Promise<void> {
  expect(sortRows(await queryStats(db, {}))).toEqual(sortRows(truth.byTemplate));
  expect(await queryStats(db, { by: ['overall'] })).toEqual([truth.overall]);
  expect(sortRows(await queryStats(db, { by: ['template', 'day'] }))).toEqual(sortRows(truth.byDayUtc));
  expect(sortRows(await queryStats(db, { by: ['template', 'day'], tz: truth.generator.tz }))).toEqual(sortRows(truth.byDayTz));
  const handle = await AnalyticsDatabase.open({ path: db, readOnly: true });
  try {
    const failures = await failuresOn(handle, {});
    const got = failures.map((f) => `${f.template}|${f.language}|${f.code}|${f.failed}`).sort();
    expect(got).toEqual(truth.failuresByCode.map((f) => `${f.template}|${f.language}|${f.code}|${f.count}`).sort());
    const unattributed = await handle.all<{ n: number }>('SELECT count(*)::BIGINT AS n FROM messages WHERE template IS NULL');
    expect(Number(unattributed[0]!.n)).toBe(truth.unattributed);
  } finally {
    handle.close();
  }
}

describe(`ground truth: ${MESSAGES.toLocaleString('en-US')} generated messages`, () => {
  it('metrics equal the truth exactly, after a second ingest of the same files, and with shuffled lines', async () => {
    const dir = tempDir('pesan-truth-');
    await generateExport({ outDir: dir, messages: MESSAGES });
    const truth = JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Truth;
    const files = FILES.map((f) => path.join(dir, f));

    const db = path.join(dir, 'once.duckdb');
    const first = await ingestFiles({ db, files });
    expect(first.totals.rejectedLines).toBe(0);
    expect(first.unattributedMessages).toBe(truth.unattributed);
    await expectTruth(db, truth);

    const again = await ingestFiles({ db, files });
    const newEvents = Object.values(again.totals.events).reduce((a, b) => a + b, 0);
    expect(newEvents).toBe(0);
    await expectTruth(db, truth);

    shuffleLines(path.join(dir, 'webhooks.ndjson'), 7);
    shuffleLines(path.join(dir, 'send_log.csv'), 11, { keepHeader: true });
    const shuffled = path.join(dir, 'shuffled.duckdb');
    await ingestFiles({ db: shuffled, files: [...files].reverse() });
    await expectTruth(shuffled, truth);
  }, 600_000);
});
