import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AnalyticsDatabase } from './database.js';
import { sqlLiteral } from './database.js';
import { assertDerived } from './stats.js';

/** Tables exported, each with the Unix-seconds column that decides its day partition (UTC). */
const EXPORTS: { table: string; ts: string | null }[] = [
  { table: 'messages', ts: 'cohort_ts' },
  { table: 'status_events', ts: 'ts' },
  { table: 'inbound_messages', ts: 'ts' },
  { table: 'user_preferences', ts: 'ts' },
  { table: 'send_log', ts: 'sent_ts' },
  { table: 'optout_events', ts: 'ts' },
  { table: 'template_events', ts: 'ts' },
  { table: 'analytics_points', ts: null },
  { table: 'template_dictionary', ts: null },
];

/**
 * `pesan export-parquet --out DIR`: the normalised tables as Parquet, partitioned by UTC day in hive style
 * (`DIR/messages/day=2026-10-01/data_0.parquet`), so the same metric SQL runs on DuckDB over object storage or
 * on Spark / Trino when the data outgrows one machine (README: "Scale").
 */
export async function exportParquet(options: { db: string; out: string }): Promise<{ table: string; rows: number; dir: string }[]> {
  const db = await AnalyticsDatabase.open({ path: options.db, readOnly: true });
  try {
    await assertDerived(db);
    mkdirSync(options.out, { recursive: true });
    const written: { table: string; rows: number; dir: string }[] = [];
    for (const { table, ts } of EXPORTS) {
      const dir = path.join(options.out, table);
      const source = ts
        ? `SELECT *, coalesce(strftime(to_timestamp(${ts}) AT TIME ZONE 'UTC', '%Y-%m-%d'), 'unknown') AS day FROM ${table}`
        : table === 'analytics_points'
          ? `SELECT * EXCLUDE (day), strftime(day, '%Y-%m-%d') AS day FROM ${table}`
          : `SELECT * FROM ${table}`;
      const partition = ts || table === 'analytics_points' ? ', PARTITION_BY (day)' : '';
      const target = partition ? dir : `${dir}.parquet`;
      const empty = Number((await db.all<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM ${table}`))[0]?.n ?? 0) === 0;
      let rows: number;
      if (partition && empty) {
        // An empty table still gets one (empty) file with its columns, so `read_parquet('DIR/<table>/*/*.parquet')` works.
        mkdirSync(path.join(dir, 'day=none'), { recursive: true });
        rows = await db.run(`COPY (${source}) TO ${sqlLiteral(path.join(dir, 'day=none', 'data_0.parquet'))} (FORMAT parquet)`);
      } else {
        rows = await db.run(`COPY (${source}) TO ${sqlLiteral(target)} (FORMAT parquet${partition}, OVERWRITE_OR_IGNORE)`);
      }
      written.push({ table, rows, dir: target });
    }
    return written;
  } finally {
    db.close();
  }
}
