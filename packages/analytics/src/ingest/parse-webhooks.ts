import type { AnalyticsDatabase } from '../database.js';
import { sqlLiteral } from '../database.js';
import { sqlFile } from '../sql-files.js';
import type { LineScan } from './read-file.js';

/** The `entry` list of a webhook body as DuckDB should type it (sql/ingest/webhook_entry.schema.json). */
export const ENTRY_SCHEMA = JSON.stringify(JSON.parse(sqlFile('ingest/webhook_entry.schema.json')));

/**
 * The `entry` list of one webhook line, parsed once. Meta's bare envelope (the common case, recognised by its
 * first bytes) is typed directly; anything else (wrapped as {received_at, body} or {query_params, body_params},
 * other key orders) goes through the general shape. NULL when the line has no entry list.
 */
export function ENTRY_OF(column: string): string {
  return `CASE WHEN starts_with(${column}, '{"object":"whatsapp_business_account","entry":[')
    THEN json_transform(${column}, '{"entry": ${ENTRY_SCHEMA}}').entry
    ELSE coalesce(json_transform(${column}, '{"entry": ${ENTRY_SCHEMA}}').entry,
                  json_transform(${column}, '{"body": {"entry": ${ENTRY_SCHEMA}}}').body.entry,
                  json_transform(${column}, '{"body_params": {"entry": ${ENTRY_SCHEMA}}}').body_params.entry)
  END`;
}

/** Whether a line holds anything but statuses (inbound messages, preferences, template events ...): a small share. */
const HAS_OTHER = `coalesce(list_bool_or(list_transform(entry, e -> list_bool_or(list_transform(e.changes,
  c -> c.field IS DISTINCT FROM 'messages' OR len(c.value.messages) > 0)))), false)`;

/** Puts the entry schema into an ingest SQL text ({{ENTRY}}). */
export function withEntrySchema(sql: string): string {
  return sql.replaceAll('{{ENTRY}}', ENTRY_SCHEMA);
}

export interface ParsedWebhooks {
  lines: number;
  /** Which reader produced the table (the benchmark and the tests want to know). */
  reader: 'objects' | 'lines';
  truncated: { afterLine: number; reason: string } | null;
}

/**
 * Parses a webhook NDJSON file into the temp table `parsed(j, raw, blank)` and the view `parsed_lines(line_no, j,
 * raw, blank)`, every line parsed once by DuckDB (json_transform), in file order so that a row's position is its
 * line number. Runs outside the file's transaction (temp tables only), so the rows keep plain positions.
 *
 * Two readers: DuckDB's NDJSON object reader (fast, parallel) when the file is clean (every line one JSON value,
 * no blank or indented line, an intact gzip stream: checked by `scan`, a byte pass in JavaScript); otherwise the
 * exact line reader (DuckDB's CSV reader set to split on newlines only), which keeps blank lines, invalid JSON and
 * invalid UTF-8 in place with their line numbers.
 */
export async function parseWebhookLines(db: AnalyticsDatabase, filePath: string, gzip: boolean, scan: Promise<LineScan>): Promise<ParsedWebhooks> {
  const compression = sqlLiteral(gzip ? 'gzip' : 'uncompressed');
  await db.run('DROP TABLE IF EXISTS parsed; CREATE OR REPLACE TEMP TABLE invalid_lines (line_no BIGINT, raw VARCHAR)');
  let objects: number | undefined;
  try {
    await db.run(`
      CREATE OR REPLACE TEMP TABLE parsed AS
      SELECT entry, CASE WHEN entry IS NULL THEN src END AS raw, false AS blank, ${HAS_OTHER} AS has_other
      FROM (SELECT ${ENTRY_OF('json')} AS entry, json AS src
            FROM read_json_objects(${sqlLiteral(filePath)}, format = 'newline_delimited', compression = ${compression}));`);
    objects = Number((await db.all<{ n: number }>('SELECT count(*)::BIGINT AS n FROM parsed'))[0]?.n ?? 0);
  } catch {
    objects = undefined; // invalid JSON or UTF-8 somewhere: the exact reader finds where
  }
  const checked = await scan;
  if (objects !== undefined && !checked.truncated && !checked.blankish && objects === checked.lines) {
    await db.run('CREATE OR REPLACE TEMP VIEW parsed_lines AS SELECT rowid + 1 AS line_no, entry, raw, blank, has_other FROM parsed');
    await db.run('CREATE OR REPLACE TEMP TABLE tail_rejects (line_no BIGINT, reason VARCHAR, raw VARCHAR)');
    return { lines: objects, reader: 'objects', truncated: null };
  }

  await db.run(`
    DROP TABLE IF EXISTS pesan_line_rejects; DROP TABLE IF EXISTS pesan_line_scans;
    CREATE OR REPLACE TEMP TABLE parsed AS
    SELECT entry, CASE WHEN entry IS NULL THEN line END AS raw,
      CASE WHEN line IS NULL THEN true WHEN valid THEN false ELSE trim(line) = '' END AS blank,
      valid, ${HAS_OTHER} AS has_other
    FROM (
      SELECT CASE WHEN json_valid(line) THEN ${ENTRY_OF('line')} END AS entry, json_valid(line) AS valid, line
      FROM read_csv(${sqlLiteral(filePath)},
        columns = {'line': 'VARCHAR'}, header = false, auto_detect = false,
        delim = E'\\x01\\x02\\x03\\x04', quote = '', escape = '', new_line = '\\r\\n',
        strict_mode = false, null_padding = true,
        store_rejects = true, rejects_table = 'pesan_line_rejects', rejects_scan = 'pesan_line_scans',
        compression = ${compression}));
    INSERT INTO invalid_lines SELECT line::BIGINT, any_value(csv_line) FROM pesan_line_rejects GROUP BY ALL;
    DROP TABLE IF EXISTS pesan_line_rejects; DROP TABLE IF EXISTS pesan_line_scans;`);
  const invalid = Number((await db.all<{ n: number }>('SELECT count(*)::BIGINT AS n FROM invalid_lines'))[0]?.n ?? 0);
  // Lines the UTF-8 check set aside are not in `parsed`: the k-th row is line k + (set-aside lines before it).
  const position = invalid === 0
    ? 'rowid + 1'
    : `rowid + 1 + (SELECT count(*) FROM (SELECT line_no - row_number() OVER (ORDER BY line_no) AS good_before FROM invalid_lines) s WHERE s.good_before < rowid + 1)`;
  const readLines = Number((await db.all<{ n: number }>('SELECT count(*)::BIGINT AS n FROM parsed'))[0]?.n ?? 0) + invalid;
  let limit = Number.MAX_SAFE_INTEGER;
  let truncated: ParsedWebhooks['truncated'] = null;
  if (checked.truncated) {
    limit = checked.lines;
    truncated = { afterLine: checked.lines, reason: `truncated gzip tail (${checked.error ?? 'unexpected end of file'}): the stream ends inside line ${checked.lines + 1}` };
  }
  await db.run(`
    CREATE OR REPLACE TEMP VIEW parsed_numbered AS SELECT ${position} AS line_no, entry, raw, blank, has_other, valid FROM parsed;
    CREATE OR REPLACE TEMP VIEW parsed_lines AS SELECT * FROM parsed_numbered WHERE line_no <= ${limit};
    CREATE OR REPLACE TEMP TABLE tail_rejects AS
    SELECT line_no, ${sqlLiteral(truncated?.reason ?? '')} AS reason, raw FROM parsed_numbered WHERE line_no > ${limit} AND NOT blank
    UNION ALL SELECT line_no, ${sqlLiteral(truncated?.reason ?? '')}, raw FROM invalid_lines WHERE line_no > ${limit};
    DELETE FROM invalid_lines WHERE line_no > ${limit};`);
  return { lines: readLines, reader: 'lines', truncated };
}
