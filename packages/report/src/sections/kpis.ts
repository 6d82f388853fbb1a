import type { Period, Totals } from '../model.js';
import type { ReportQuery } from '../query.js';
import { selectionOf, type Cube } from '../cube.js';
import { totalsOf } from './totals.js';
import { timeToRead, type TimeToRead } from './time-to-read.js';

/**
 * KPI cards: totals of the period (with its time-to-read quantiles and distribution) and of the previous period of
 * equal length (null when nothing was attempted then, so the page says "no data" instead of showing a change from zero).
 */
export async function kpis(
  cube: Cube,
  query: ReportQuery,
  period: Period | null,
  previous: Period | null,
): Promise<{ current: Totals; previous: Totals | null; timeToRead: TimeToRead | null }> {
  let current = totalsOf(undefined);
  let ttr: TimeToRead | null = null;
  if (period) {
    await cube.select(selectionOf(query, period));
    ttr = await timeToRead(cube);
    current = { ...totalsOf((await cube.rows('totals.sql'))[0]), ttrP50Seconds: ttr.p50Seconds, ttrP90Seconds: ttr.p90Seconds };
  }
  let before: Totals | null = null;
  if (previous) {
    await cube.select(selectionOf(query, previous));
    const totals = totalsOf((await cube.rows('totals.sql'))[0]);
    before = totals.attempted > 0 ? totals : null;
  }
  return { current, previous: before, timeToRead: ttr };
}
