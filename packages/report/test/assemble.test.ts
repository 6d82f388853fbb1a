import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportData, lintDrafts, type LintIndex, type ReportData } from '../src/index.js';
import { buildDatabase, DAY_A, DAY_B, smallExport, writeDrafts } from './fixtures.js';

// The numbers below are counted by hand from the export described in fixtures.ts.
let db: string;
let lint: LintIndex;
let full: ReportData;

beforeAll(async () => {
  const built = await buildDatabase(smallExport());
  db = built.db;
  lint = await lintDrafts(writeDrafts(built.dir));
  full = await buildReportData({ db, query: {}, lint });
}, 60_000);

describe('report data assembly', () => {
  it('defaults the period to the days with data and compares with the period of equal length before it', () => {
    expect(full.meta.period).toEqual({ from: DAY_A, to: DAY_B, days: 2 });
    expect(full.meta.previousPeriod).toEqual({ from: '2026-09-19', to: '2026-09-20', days: 2 });
    expect(full.summary.kpis.previous).toBeNull();
    expect(full.meta.unattributed).toBe(0);
    expect(full.meta.options.templates.map((t) => [t.template, t.language, t.category, t.messages])).toEqual([
      ['order_shipped', 'en_US', 'UTILITY', 6],
      ['promo_sale', 'en_US', 'MARKETING', 4],
    ]);
  });

  it('computes the KPI totals and the funnel', () => {
    const k = full.summary.kpis.current;
    expect([k.attempted, k.sent, k.delivered, k.read, k.failed, k.clicked, k.optedOut]).toEqual([10, 8, 8, 5, 2, 1, 1]);
    expect(k.deliveryRate).toBeCloseTo(0.8);
    expect(k.readRate).toBeCloseTo(5 / 8);
    expect(k.clickRate).toBeCloseTo(1 / 8);
    expect(k.optOutRate).toBeCloseTo(1 / 8);
    expect(k.failureRate).toBeCloseTo(0.2);
    expect(full.summary.funnel.map((s) => s.count).slice(0, 5)).toEqual([10, 8, 8, 5, 1]);
    expect(full.summary.funnel.at(-1)).toEqual({ step: 'optedOut', count: 1 });
  });

  it('compares one day with the day before in another time zone', async () => {
    const day = await buildReportData({ db, query: { from: DAY_B, to: DAY_B, tz: 'Asia/Jakarta' }, lint: null });
    const { current, previous } = day.summary.kpis;
    expect([current.attempted, current.delivered, current.read, current.clicked, current.failed]).toEqual([3, 3, 2, 1, 0]);
    expect(previous).not.toBeNull();
    expect([previous!.attempted, previous!.delivered, previous!.read, previous!.failed, previous!.optedOut]).toEqual([7, 5, 3, 2, 1]);
    // 14:13 UTC is 21:13 in Jakarta: the heat map follows the report's zone.
    expect(day.summary.heatmap.filter((c) => c.delivered > 0)).toEqual([{ weekday: 2, hour: 21, delivered: 3, read: 2 }]);
  });

  it('buckets time to read and builds the hour x weekday heat map of read rate by send time', () => {
    const ttr = full.summary.timeToRead;
    expect(ttr.readMessages).toBe(5);
    expect(ttr.buckets.map((b) => b.messages)).toEqual([2, 0, 1, 0, 1, 0, 0, 1, 0]);
    expect(ttr.p50Seconds).toBe(600);
    expect(full.summary.heatmap).toHaveLength(168);
    expect(full.summary.heatmap.filter((c) => c.delivered > 0)).toEqual([
      { weekday: 1, hour: 14, delivered: 5, read: 3 },
      { weekday: 2, hour: 14, delivered: 3, read: 2 },
    ]);
  });

  it('counts opt-outs by signal and keyword, and failures by code and class', () => {
    expect(full.summary.optOuts).toEqual([{ kind: 'keyword', keyword: 'stop', people: 1 }]);
    expect(full.failures.attempted).toBe(10);
    expect(full.failures.byCode.map((f) => [f.code, f.class, f.failed]).sort()).toEqual([
      [131026, 'permanent-recipient', 1],
      [131049, 'marketing-cap', 1],
    ]);
    expect(full.failures.byClass.map((c) => c.failed)).toEqual([1, 1]);
  });

  it('gives daily counts per template and overall, and lifecycle annotations', () => {
    const ts = full.timeseries;
    expect(ts.days).toEqual([DAY_A, DAY_B]);
    expect(ts.overall).toMatchObject({ attempted: [7, 3], delivered: [5, 3], read: [3, 2], clicked: [0, 1], optedOut: [1, 0] });
    expect(ts.series.map((s) => [s.template, s.attempted])).toEqual([
      ['order_shipped', [4, 2]],
      ['promo_sale', [3, 1]],
    ]);
    expect(ts.annotations.map((a) => [a.template, a.day, a.kind, a.label])).toEqual([
      ['promo_sale', DAY_A, 'approved', 'APPROVED'],
      ['order_shipped', DAY_A, 'approved', 'APPROVED'],
      ['bad_promo', DAY_A, 'rejected', 'REJECTED (PROMOTIONAL)'],
      ['payment_due', DAY_B, 'category', 'UTILITY → MARKETING'],
    ]);
  });

  it('joins each template row to the lint status of its draft by name and language', () => {
    const rows = Object.fromEntries(full.templates.templates.map((t) => [t.template, t]));
    expect(rows.order_shipped).toMatchObject({ attempted: 6, delivered: 5, read: 3, failed: 1, clicked: 1, optedOut: 0, category: 'UTILITY' });
    expect(rows.promo_sale).toMatchObject({ attempted: 4, delivered: 3, read: 2, failed: 1, clicked: 0, optedOut: 1, category: 'MARKETING' });
    expect(rows.order_shipped!.lint).toMatchObject({ errors: 0, warnings: 0, rules: [] });
    const promo = rows.promo_sale!.lint!;
    expect(promo.errors).toBeGreaterThan(0);
    expect(promo.rules.map((r) => r.ruleId)).toContain('param-leading-trailing');
    expect(promo.rules[0]!.severity).toBe(2);
    expect(promo.rules[0]!.url).toMatch(/^file:.*\.md$/);
    expect(promo.files).toEqual([expect.stringMatching(/promo_sale\.en\.md$/)]);
    expect(full.meta.lint).toMatchObject({ files: 4, templates: 4, unparsed: 0 });
  });

  it('compares the outcomes of templates that trigger a rule with those that do not', () => {
    const rule = full.lint.rules.find((r) => r.ruleId === 'param-leading-trailing')!;
    expect(rule.triggered).toMatchObject({ templates: 1, delivered: 3, read: 2, clicked: 0, optedOut: 1 });
    expect(rule.triggered.readRate).toBeCloseTo(2 / 3);
    expect(rule.notTriggered).toMatchObject({ templates: 1, delivered: 5, read: 3, clicked: 1, optedOut: 0 });
    expect(rule.notTriggered.readRate).toBeCloseTo(0.6);
    expect(rule.notTriggered.clickRate).toBeCloseTo(0.2);
  });

  it('says whether Pesan had flagged the templates Meta re-categorised or rejected', () => {
    expect(full.lint.actions.map((a) => [a.action, a.template, a.language, a.detail, a.flagged])).toEqual([
      ['recategorised', 'payment_due', 'id', 'UTILITY → MARKETING', true],
      ['rejected', 'bad_promo', 'en_US', 'PROMOTIONAL', false],
    ]);
    expect(full.lint.actions[0]!.rules).toContain('param-leading-trailing');
    expect(full.lint.draftsWithoutMessages.map((d) => d.template)).toEqual(['bad_promo', 'payment_due']);
  });

  it('applies the template and category filters to every section', async () => {
    const promo = await buildReportData({ db, query: { template: 'promo_sale' }, lint });
    expect(promo.summary.kpis.current.attempted).toBe(4);
    expect(promo.templates.templates.map((t) => t.template)).toEqual(['promo_sale']);
    expect(promo.timeseries.series.map((s) => s.template)).toEqual(['promo_sale']);
    expect(promo.failures.byCode.map((f) => f.code)).toEqual([131049]);
    expect(promo.meta.filters).toEqual({ template: 'promo_sale' });
    expect(promo.meta.options.templates).toHaveLength(2);
    const utility = await buildReportData({ db, query: { category: 'UTILITY' }, lint: null });
    expect(utility.templates.templates.map((t) => t.template)).toEqual(['order_shipped']);
    expect(utility.lint.available).toBe(false);
  });

  it('reports an empty selection without failing', async () => {
    const none = await buildReportData({ db, query: { template: 'no_such_template' }, lint: null });
    expect(none.meta.period).toBeNull();
    expect(none.summary.kpis.current.attempted).toBe(0);
    expect(none.templates.templates).toEqual([]);
    expect(none.timeseries.days).toEqual([]);
    const later = await buildReportData({ db, query: { from: '2026-10-01' }, lint: null });
    expect(later.meta.period).toEqual({ from: '2026-10-01', to: '2026-10-01', days: 1 });
    expect(later.summary.kpis.current.attempted).toBe(0);
  });
});
