import type { Cube } from '../cube.js';
import type { OptOutCount } from '../model.js';
import { toNullableString, toNumber } from '../rows.js';

/** Opt-outs attributed to the selected messages, by signal and keyword: counts of people only. */
export async function optOutsByKeyword(cube: Cube): Promise<OptOutCount[]> {
  return (await cube.rows('opt_outs_by_keyword.sql')).map((row) => ({
    kind: String(row.kind),
    keyword: toNullableString(row.keyword),
    people: toNumber(row.people),
  }));
}
