import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';
import { AnalyticsDatabase, failuresOn, ingestFiles, queryStats, type StatsRow } from '@pesan/analytics';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportData, type ReportQuery, type Totals } from '../src/index.js';
import { tempDir } from './fixtures.js';

// The report computes its numbers from its own cube (packages/report/sql/cube) for speed; these tests hold it to
// `pesan stats` (@pesan/analytics' metric files) on the bundled export of 1,000 generated messages, in UTC, in zones
// with a daylight-saving switch in the data (Europe/Berlin, 25 October) and a half-hour offset, and with filters.
const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'fixtures', 'webhooks');
let db: string;

beforeAll(async () => {
  db = path.join(tempDir(), 'fixtures.duckdb');
  const files = readdirSync(fixtures).filter((name) => /\.(ndjson|csv|json)$/.test(name) && name !== 'truth.json').map((name) => path.join(fixtures, name));
  await ingestFiles({ db, files });
}, 120_000);

const COUNTS = ['attempted', 'sent', 'delivered', 'read', 'failed', 'clicked', 'replied', 'optedOut', 'urlClicks', 'urlClicksUnique', 'ttrP50Seconds', 'ttrP90Seconds'] as const;
const RATES = ['deliveryRate', 'readRate', 'clickRate', 'optOutRate', 'failureRate'] as const;

function expectSame(actual: Totals, expected: StatsRow | undefined, label: string): void {
  expect(expected, label).toBeDefined();
  for (const key of COUNTS) expect(actual[key], `${label} ${key}`).toBe(expected![key]);
  for (const key of RATES) {
    if (expected![key] === null) expect(actual[key], `${label} ${key}`).toBeNull();
    else expect(actual[key], `${label} ${key}`).toBeCloseTo(expected![key]!, 12);
  }
}

describe.each<[string, ReportQuery]>([
  ['UTC, all data', {}],
  ['Europe/Berlin (daylight-saving switch on 25 October)', { tz: 'Europe/Berlin' }],
  ['America/St_Johns (UTC-2:30 / -3:30), one week', { tz: 'America/St_Johns', from: '2026-10-05', to: '2026-10-11' }],
  ['Asia/Jakarta, MARKETING only', { tz: 'Asia/Jakarta', category: 'marketing' }],
  ['one template and language, a fortnight', { template: 'codigo_acesso', language: 'pt_BR', from: '2026-10-10', to: '2026-10-23' }],
])('the report agrees with pesan stats: %s', (_label, query) => {
  it('KPIs, templates, daily trend and failures', async () => {
    const data = await buildReportData({ db, query, lint: null });
    const period = data.meta.period!;
    const base = { tz: query.tz ?? 'UTC', template: query.template, language: query.language, category: query.category, from: period.from, to: period.to };

    const [overall] = await queryStats(db, { ...base, by: ['overall'] });
    expectSame(data.summary.kpis.current, overall, 'overall');

    const byTemplate = await queryStats(db, { ...base, by: ['template'] });
    expect(data.templates.templates.map((t) => `${t.template}/${t.language}`).sort()).toEqual(byTemplate.map((r) => `${r.template}/${r.language}`).sort());
    for (const row of data.templates.templates) {
      expectSame(row, byTemplate.find((r) => r.template === row.template && r.language === row.language), `${row.template}/${row.language}`);
      expect(row.category).toBe(byTemplate.find((r) => r.template === row.template && r.language === row.language)!.category);
    }

    const daily = await queryStats(db, { ...base, by: ['template', 'day'] });
    const ts = data.timeseries;
    for (const series of ts.series) {
      ts.days.forEach((day, i) => {
        const row = daily.find((r) => r.template === series.template && r.language === series.language && r.day === day);
        const label = `${series.template} ${day}`;
        expect(series.attempted[i], label).toBe(row?.attempted ?? 0);
        expect(series.delivered[i], label).toBe(row?.delivered ?? 0);
        expect(series.read[i], label).toBe(row?.read ?? 0);
        expect(series.clicked[i], label).toBe(row?.clicked ?? 0);
        expect(series.optedOut[i], label).toBe(row?.optedOut ?? 0);
      });
    }
    expect(daily.filter((r) => !ts.days.includes(r.day!))).toEqual([]);
    const byDay = await queryStats(db, { ...base, by: ['day'] });
    ts.days.forEach((day, i) => {
      const row = byDay.find((r) => r.day === day);
      expect(ts.overall.attempted[i], day).toBe(row?.attempted ?? 0);
      expect(ts.overall.optedOut[i], day).toBe(row?.optedOut ?? 0);
    });

    const reader = await AnalyticsDatabase.open({ path: db, readOnly: true });
    try {
      const failures = await failuresOn(reader, { ...base, by: ['overall'] });
      expect(data.failures.byCode.map((f) => [f.code, f.class, f.failed]).sort()).toEqual(failures.map((f) => [f.code, f.class, f.failed]).sort());
    } finally {
      reader.close();
    }
    // Every delivered message is in exactly one cell of the heat map, every read one in one time-to-read bucket.
    expect(data.summary.heatmap.reduce((n, c) => n + c.delivered, 0)).toBe(overall!.delivered);
    expect(data.summary.timeToRead.readMessages).toBe(overall!.read);
  });
});
