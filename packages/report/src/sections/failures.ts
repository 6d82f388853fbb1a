import type { FailuresSection, Period } from '../model.js';
import type { ReportQuery } from '../query.js';
import { selectionOf, type Cube } from '../cube.js';
import { toNullableNumber, toNullableString, toNumber } from '../rows.js';

/** Failures of the period by Meta error code and by class (hold-outs and opt-outs are classes of their own). */
export async function failures(cube: Cube, query: ReportQuery, period: Period | null, attempted?: number): Promise<FailuresSection> {
  if (!period) return { attempted: attempted ?? 0, byCode: [], byClass: [] };
  await cube.select(selectionOf(query, period));
  const total = attempted ?? toNumber((await cube.rows('scoped_count.sql'))[0]?.attempted);
  const byCode = (await cube.rows('failures.sql')).map((r) => ({
    code: toNullableNumber(r.code),
    class: String(r.class),
    title: toNullableString(r.title),
    failed: toNumber(r.failed),
  }));
  const classes = new Map<string, number>();
  for (const r of byCode) classes.set(r.class, (classes.get(r.class) ?? 0) + r.failed);
  const byClass = [...classes].map(([name, failed]) => ({ class: name, failed })).sort((a, b) => b.failed - a.failed || a.class.localeCompare(b.class));
  return { attempted: total, byCode, byClass };
}
