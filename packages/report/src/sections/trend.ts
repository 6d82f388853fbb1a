import type { DailySeries, Period } from '../model.js';
import { dayRange, type ReportQuery } from '../query.js';
import { selectionOf, type Cube } from '../cube.js';
import { templateKey, toNumber } from '../rows.js';

/**
 * Daily counts per template (name x language) and overall, for the trend chart. The page computes the rates, so it
 * can show each day's denominator next to the rate. Only counts are embedded (five small integers per template and
 * day), which keeps a 200 templates x 90 days report well under its size budget.
 */
export async function dailyTrend(
  cube: Cube,
  query: ReportQuery,
  period: Period | null,
  dataBounds: { from: string; to: string } | null,
): Promise<{ days: string[]; overall: DailySeries; series: DailySeries[] }> {
  // Days of the period that can hold data: an explicit --from 2020-01-01 must not draw six empty years.
  const from = period && dataBounds ? (period.from > dataBounds.from ? period.from : dataBounds.from) : undefined;
  const to = period && dataBounds ? (period.to < dataBounds.to ? period.to : dataBounds.to) : undefined;
  const days = from && to && from <= to ? dayRange(from, to) : [];
  const empty = (template: string | null, language: string | null): DailySeries => ({
    template,
    language,
    attempted: days.map(() => 0),
    delivered: days.map(() => 0),
    read: days.map(() => 0),
    clicked: days.map(() => 0),
    optedOut: days.map(() => 0),
  });
  const overall = empty(null, null);
  if (!days.length) return { days, overall, series: [] };
  const index = new Map(days.map((d, i) => [d, i]));
  const put = (series: DailySeries, row: Record<string, unknown>): void => {
    const i = index.get(String(row.day));
    if (i === undefined) return;
    series.attempted[i] = toNumber(row.attempted);
    series.delivered[i] = toNumber(row.delivered);
    series.read[i] = toNumber(row.read);
    series.clicked[i] = toNumber(row.clicked);
    series.optedOut[i] = toNumber(row.opted_out);
  };
  await cube.select(selectionOf(query, { from: days[0]!, to: days.at(-1)!, days: days.length }));
  for (const row of await cube.rows('daily_overall.sql')) put(overall, row);
  const byTemplate = new Map<string, DailySeries>();
  for (const row of await cube.rows('daily_by_template.sql')) {
    const template = String(row.template);
    const language = String(row.language);
    const key = templateKey(template, language);
    let series = byTemplate.get(key);
    if (!series) {
      series = empty(template, language);
      byTemplate.set(key, series);
    }
    put(series, row);
  }
  // Largest first: the page preselects the busiest templates.
  const total = (s: DailySeries): number => s.attempted.reduce((a, b) => a + b, 0);
  const series = [...byTemplate.values()].sort((a, b) => total(b) - total(a) || String(a.template).localeCompare(String(b.template)) || String(a.language).localeCompare(String(b.language)));
  return { days, overall, series };
}
