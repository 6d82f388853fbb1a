import type { Period } from '../model.js';
import { addDays, daysBetween, type ReportQuery } from '../query.js';
import { selectionOf, type Cube } from '../cube.js';
import { toNullableString } from '../rows.js';

export interface ReportPeriods {
  /** The period the report covers; null when there is no message and no explicit --from/--to. */
  period: Period | null;
  /** The period of equal length right before it (compared in the KPI cards). */
  previous: Period | null;
  /** First and last day with messages matching the filters (the trend chart does not draw empty years). */
  data: { from: string; to: string } | null;
}

/**
 * The report period: --from/--to when given, else the first and last send day of the matching messages. A report
 * with only --from runs to the last day with data (and vice versa).
 */
export async function resolvePeriods(cube: Cube, query: ReportQuery): Promise<ReportPeriods> {
  await cube.select(selectionOf({ ...query, from: undefined, to: undefined }, null));
  const row = (await cube.rows('period_bounds.sql'))[0];
  const first = toNullableString(row?.first_day);
  const last = toNullableString(row?.last_day);
  const data = first && last ? { from: first, to: last } : null;
  let from = query.from ?? first;
  let to = query.to ?? last;
  if (!from && to) from = to;
  if (!to && from) to = from;
  if (!from || !to) return { period: null, previous: null, data };
  // Only one bound given and it lies beyond the data: a one-day period rather than a reversed one.
  if (from > to) {
    if (query.from) to = from;
    else from = to;
  }
  const days = daysBetween(from, to);
  const period: Period = { from, to, days };
  const previous: Period = { from: addDays(from, -days), to: addDays(from, -1), days };
  return { period, previous, data };
}
