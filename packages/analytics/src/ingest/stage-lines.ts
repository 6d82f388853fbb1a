import type { AnalyticsDatabase } from '../database.js';
import { sqlLiteral } from '../database.js';

/**
 * Loads a text file's lines (outside any transaction, so that row positions are plain) into the temp table `staged_lines(line_no, line)` with their exact 1-based line
 * numbers. DuckDB reads the file itself (its CSV reader, set up to split on newlines only: no delimiter, no
 * quotes), in parallel, plain or gzip; the table keeps the file's order, so a row's position is its line.
 * Lines that are not valid UTF-8 cannot be strings: the reader sets them aside with their line numbers, and
 * they are kept in the temp table `invalid_lines(line_no, raw)` so the caller can reject them.
 */
export async function stageLines(db: AnalyticsDatabase, filePath: string, gzip: boolean): Promise<{ lines: number; invalidUtf8: number }> {
  await db.run(`
    DROP TABLE IF EXISTS pesan_line_rejects; DROP TABLE IF EXISTS pesan_line_scans;
    CREATE OR REPLACE TEMP TABLE raw_lines AS
    SELECT line FROM read_csv(${sqlLiteral(filePath)},
      columns = {'line': 'VARCHAR'}, header = false, auto_detect = false,
      delim = E'\\x01\\x02\\x03\\x04', quote = '', escape = '', new_line = '\\r\\n',
      strict_mode = false, null_padding = true,
      store_rejects = true, rejects_table = 'pesan_line_rejects', rejects_scan = 'pesan_line_scans',
      compression = ${sqlLiteral(gzip ? 'gzip' : 'none')});`);
  await db.run(`
    CREATE OR REPLACE TEMP TABLE invalid_lines AS
    SELECT line::BIGINT AS line_no, any_value(csv_line) AS raw FROM pesan_line_rejects GROUP BY ALL;`);
  const invalid = Number((await db.all<{ n: number }>('SELECT count(*)::BIGINT AS n FROM invalid_lines'))[0]?.n ?? 0);
  if (invalid === 0) {
    await db.run('CREATE OR REPLACE TEMP TABLE staged_lines AS SELECT rowid + 1 AS line_no, line FROM raw_lines');
  } else {
    // The k-th line read is line k + (number of set-aside lines r_i with r_i - i < k), i = rank of r_i.
    await db.run(`
      CREATE OR REPLACE TEMP TABLE set_aside AS
      SELECT line_no - row_number() OVER (ORDER BY line_no) AS good_before FROM invalid_lines;
      CREATE OR REPLACE TEMP TABLE staged_lines AS
      SELECT r.k + (SELECT count(*) FROM set_aside s WHERE s.good_before < r.k) AS line_no, r.line FROM (SELECT rowid + 1 AS k, line FROM raw_lines) r;
      DROP TABLE set_aside;`);
  }
  const count = await db.all<{ n: number }>('SELECT count(*)::BIGINT AS n FROM staged_lines');
  await db.run('DROP TABLE raw_lines; DROP TABLE IF EXISTS pesan_line_rejects; DROP TABLE IF EXISTS pesan_line_scans;');
  return { lines: Number(count[0]?.n ?? 0) + invalid, invalidUtf8: invalid };
}
