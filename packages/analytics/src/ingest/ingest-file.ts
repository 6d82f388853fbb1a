import type { AnalyticsDatabase } from '../database.js';
import { sqlLiteral } from '../database.js';
import { AnalyticsError } from '../errors.js';
import { sqlFile, splitStatements } from '../sql-files.js';
import type { DetectedFile } from './detect.js';
import { classifyOptOuts } from './optout-keywords.js';
import { ENTRY_OF, parseWebhookLines, withEntrySchema } from './parse-webhooks.js';
import { readDocument, scanLines, type LineScan } from './read-file.js';
import { stageLines } from './stage-lines.js';

/** What one file's ingest produced, before rejects are written (the caller adds them in the same transaction). */
export interface FileOutcome {
  lines: number;
  blankLines: number;
  events: Record<string, number>;
  duplicates: number;
  truncated: { afterLine: number; reason: string } | null;
}

/** Send-log columns Pesan reads; every other column is ignored. */
const SEND_LOG_COLUMNS = ['wamid', 'sent_at', 'template_name', 'template_language', 'recipient', 'recipient_user_id', 'template_id', 'category', 'biz_opaque_callback_data'];
const SEND_LOG_REQUIRED = ['wamid', 'sent_at', 'template_name', 'template_language'];

/** Runs the permanent part of a file's ingest inside the file's transaction (the caller owns it). */
export type InTransaction = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * Ingests one detected file: parse and validate into temp tables (outside any transaction, which keeps row
 * positions plain and the transaction short), then, inside `inTransaction`, add the new events to the permanent
 * tables. Leaves the temp table `file_rejects(line_no, reason, raw)` for the caller.
 */
export async function ingestFile(db: AnalyticsDatabase, file: DetectedFile, onProgress: (bytes: number) => void, inTransaction: InTransaction): Promise<FileOutcome> {
  await db.run('CREATE OR REPLACE TEMP TABLE file_rejects (line_no BIGINT, reason VARCHAR, raw VARCHAR)');
  switch (file.kind) {
    case 'webhooks':
      return ingestWebhookLines(db, file, onProgress, inTransaction);
    case 'webhooks-document':
      return ingestWebhookDocument(db, file, inTransaction);
    case 'send-log-csv':
    case 'send-log-ndjson':
      return ingestSendLog(db, file, onProgress, inTransaction);
    case 'template-analytics':
      return inTransaction(() => ingestDocument(db, file, 'analytics_doc', 'ingest/template_analytics.sql', 'staged_points', 'analyticsPoints', 'new_points', 'changed_points'));
    case 'template-dictionary':
      return inTransaction(() => ingestDocument(db, file, 'dictionary_doc', 'ingest/template_dictionary.sql', 'staged_templates', 'templates'));
  }
}

async function ingestWebhookLines(db: AnalyticsDatabase, file: DetectedFile, onProgress: (bytes: number) => void, inTransaction: InTransaction): Promise<FileOutcome> {
  const scan = scanLines(file.path, file.gzip, onProgress);
  const parsed = await parseWebhookLines(db, file.path, file.gzip, scan);
  await db.run(`
    INSERT INTO file_rejects SELECT line_no, 'not valid UTF-8', raw FROM invalid_lines;
    INSERT INTO file_rejects SELECT line_no, reason, raw FROM tail_rejects;`);
  return explodeWebhooks(db, parsed.lines, parsed.truncated, inTransaction);
}

async function ingestWebhookDocument(db: AnalyticsDatabase, file: DetectedFile, inTransaction: InTransaction): Promise<FileOutcome> {
  const doc = readDocument(file.path, file.gzip);
  if (doc.truncated) throw new AnalyticsError(`${file.path}: the gzip stream is cut off (${doc.error}) and this file is one JSON document: nothing was ingested. Export it again.`);
  await db.run(`
    CREATE OR REPLACE TEMP TABLE doc_items AS
    WITH d AS (SELECT CASE WHEN json_valid($1) THEN $1::JSON END AS doc)
    SELECT unnest(CASE WHEN json_type(doc) = 'ARRAY' THEN json_extract(doc, '$[*]') ELSE [doc] END) AS json FROM d WHERE doc IS NOT NULL;`, [doc.text]);
  const count = Number((await db.all<{ n: number }>('SELECT count(*)::BIGINT AS n FROM doc_items'))[0]?.n ?? 0);
  if (count === 0) throw new AnalyticsError(`${file.path}: not valid JSON (or an empty array): nothing was ingested.`);
  // Elements are numbered like lines: element k of the array is "line" k in the summary and the rejects.
  await db.run(`
    CREATE OR REPLACE TEMP TABLE parsed AS
    SELECT entry, CASE WHEN entry IS NULL THEN src END AS raw, false AS blank, true AS has_other
    FROM (SELECT ${ENTRY_OF('json::VARCHAR')} AS entry, json::VARCHAR AS src FROM doc_items);
    CREATE OR REPLACE TEMP VIEW parsed_lines AS SELECT rowid + 1 AS line_no, entry, raw, blank, has_other FROM parsed;
    CREATE OR REPLACE TEMP TABLE invalid_lines (line_no BIGINT, raw VARCHAR);`);
  return explodeWebhooks(db, count, null, inTransaction);
}

async function explodeWebhooks(db: AnalyticsDatabase, lines: number, truncated: FileOutcome['truncated'], inTransaction: InTransaction): Promise<FileOutcome> {
  for (const statement of splitStatements(withEntrySchema(sqlFile('ingest/webhooks.sql')))) await db.run(statement);
  await classifyOptOuts(db);
  await db.run(`INSERT INTO file_rejects SELECT line_no, reason, raw FROM staged_rejects`);
  const blank = Number((await db.all<{ n: number }>('SELECT count(*)::BIGINT AS n FROM parsed_lines WHERE blank'))[0]?.n ?? 0);
  const staged = await db.all<{ n: number }>(`
    SELECT (SELECT count(*) FROM staged_status WHERE bad IS NULL AND line_no NOT IN (SELECT line_no FROM staged_rejects))
         + (SELECT count(*) FROM staged_inbound WHERE bad IS NULL AND line_no NOT IN (SELECT line_no FROM staged_rejects))
         + (SELECT count(*) FROM staged_preferences WHERE bad IS NULL AND line_no NOT IN (SELECT line_no FROM staged_rejects))
         + (SELECT count(*) FROM staged_template_events WHERE bad IS NULL AND line_no NOT IN (SELECT line_no FROM staged_rejects)) AS n`);
  // The parsed lines are the largest thing in memory: free them before the inserts need it.
  await db.run('DROP VIEW IF EXISTS parsed_changes; DROP VIEW IF EXISTS parsed_lines; DROP VIEW IF EXISTS parsed_numbered; DROP TABLE IF EXISTS parsed;');
  const tables = ['rejected', 'statuses', 'inbound', 'userPreferences', 'templateEvents', 'otherEvents'];
  const events: Record<string, number> = {};
  await inTransaction(async () => {
    for (const [index, statement] of splitStatements(sqlFile('ingest/webhooks_commit.sql')).entries()) {
      const changed = await db.run(statement);
      const table = tables[index];
      if (table && table !== 'rejected') events[table] = changed;
    }
  });
  await db.run('DROP TABLE IF EXISTS staged_status; DROP TABLE IF EXISTS other_changes;');
  const added = (events.statuses ?? 0) + (events.inbound ?? 0) + (events.userPreferences ?? 0) + (events.templateEvents ?? 0);
  return { lines, blankLines: blank, events, duplicates: Number(staged[0]?.n ?? 0) - added, truncated };
}

async function ingestSendLog(db: AnalyticsDatabase, file: DetectedFile, onProgress: (bytes: number) => void, inTransaction: InTransaction): Promise<FileOutcome> {
  const gzipCheck = file.gzip ? scanLines(file.path, true, onProgress) : undefined;
  let lines: number;
  if (file.kind === 'send-log-csv') {
    await db.run(`
      DROP TABLE IF EXISTS pesan_csv_rejects; DROP TABLE IF EXISTS pesan_csv_scans;
      CREATE OR REPLACE TEMP TABLE csv_rows AS
      SELECT * FROM read_csv(${sqlLiteral(file.path)}, header = true, all_varchar = true, normalize_names = true,
        strict_mode = false, null_padding = true, store_rejects = true, rejects_table = 'pesan_csv_rejects',
        rejects_scan = 'pesan_csv_scans', compression = ${sqlLiteral(file.gzip ? 'gzip' : 'none')});`);
    const columns = (await db.all<{ column_name: string }>('SELECT column_name FROM (DESCRIBE csv_rows)')).map((c) => c.column_name);
    const missing = SEND_LOG_REQUIRED.filter((c) => !columns.includes(c));
    if (missing.length) {
      throw new AnalyticsError(
        `${file.path}:1: the send log's header has no ${missing.map((c) => `\`${c}\``).join(', ')} column (found: ${columns.join(', ')}). ` +
          `Name the columns ${SEND_LOG_REQUIRED.join(', ')} (and optionally recipient, recipient_user_id, template_id, category, biz_opaque_callback_data).`,
      );
    }
    const select = SEND_LOG_COLUMNS.map((c) => (columns.includes(c) ? `${c}::VARCHAR AS ${c}` : `NULL::VARCHAR AS ${c}`)).join(', ');
    // Line numbers: the header is line 1; records follow in file order.
    await db.run(`
      CREATE OR REPLACE TEMP TABLE send_rows AS SELECT rowid + 2 AS line_no, ${select} FROM csv_rows;
      INSERT INTO file_rejects SELECT line, 'not a valid CSV row (' || error_type || ')', csv_line FROM pesan_csv_rejects;
      DROP TABLE csv_rows; DROP TABLE IF EXISTS pesan_csv_rejects; DROP TABLE IF EXISTS pesan_csv_scans;`);
    lines = Number((await db.all<{ n: number }>('SELECT count(*)::BIGINT + 1 AS n FROM send_rows'))[0]?.n ?? 0);
  } else {
    const staged = await stageLines(db, file.path, file.gzip);
    lines = staged.lines;
    await db.run(`
      INSERT INTO file_rejects SELECT line_no, 'not valid UTF-8', raw FROM invalid_lines;
      INSERT INTO file_rejects SELECT line_no, 'invalid JSON', line FROM staged_lines WHERE line IS NOT NULL AND trim(line) <> '' AND NOT json_valid(line);
      CREATE OR REPLACE TEMP TABLE send_rows AS
      SELECT line_no, r.* FROM (
        SELECT line_no, json_transform(line, '{"wamid":"VARCHAR","sent_at":"VARCHAR","template_name":"VARCHAR","template_language":"VARCHAR",
          "recipient":"VARCHAR","recipient_user_id":"VARCHAR","template_id":"VARCHAR","category":"VARCHAR","biz_opaque_callback_data":"VARCHAR"}') AS r
        FROM staged_lines WHERE line IS NOT NULL AND trim(line) <> '' AND json_valid(line));`);
  }
  const truncated = await cutTruncatedSendRows(db, gzipCheck, file.kind === 'send-log-csv');
  for (const statement of splitStatements(sqlFile('ingest/send_log.sql'))) await db.run(statement);
  await db.run(`INSERT INTO file_rejects SELECT r.line_no, r.reason, NULL FROM staged_rejects r`);
  const added = await inTransaction(() => db.run(sqlFile('ingest/send_log_commit.sql')));
  const valid = await db.all<{ n: number }>('SELECT count(*)::BIGINT AS n FROM staged_send WHERE reason IS NULL');
  const blank = file.kind === 'send-log-ndjson'
    ? Number((await db.all<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM staged_lines WHERE line IS NULL OR trim(line) = ''`))[0]?.n ?? 0)
    : 0;
  return { lines, blankLines: blank, events: { sendLog: added }, duplicates: Number(valid[0]?.n ?? 0) - added, truncated };
}

async function cutTruncatedSendRows(db: AnalyticsDatabase, gzipCheck: Promise<LineScan> | undefined, csv: boolean): Promise<FileOutcome['truncated']> {
  if (!gzipCheck) return null;
  const check = await gzipCheck;
  if (!check.truncated) return null;
  const complete = check.lines;
  const reason = `truncated gzip tail (${check.error ?? 'unexpected end of file'}): the stream ends inside line ${complete + 1}`;
  await db.run(`
    INSERT INTO file_rejects SELECT line_no, ${sqlLiteral(reason)}, NULL FROM send_rows WHERE line_no > ${complete};
    DELETE FROM send_rows WHERE line_no > ${complete};
    ${csv ? '' : `DELETE FROM file_rejects WHERE line_no > ${complete} AND reason <> ${sqlLiteral(reason)};`}`);
  return { afterLine: complete, reason };
}

async function ingestDocument(
  db: AnalyticsDatabase,
  file: DetectedFile,
  docTable: string,
  sql: string,
  stagedTable: string,
  eventName: string,
  validTable?: string,
  changedTable?: string,
): Promise<FileOutcome> {
  const doc = readDocument(file.path, file.gzip);
  if (doc.truncated) throw new AnalyticsError(`${file.path}: the gzip stream is cut off (${doc.error}) and this file is one JSON document: nothing was ingested. Export it again.`);
  await db.run(`CREATE OR REPLACE TEMP TABLE ${docTable} AS SELECT CASE WHEN json_valid($1) THEN $1::JSON END AS doc`, [doc.text]);
  const valid = await db.all<{ ok: boolean }>(`SELECT doc IS NOT NULL AS ok FROM ${docTable}`);
  if (!valid[0]?.ok) throw new AnalyticsError(`${file.path}: not valid JSON: nothing was ingested. Check that the export is complete.`);
  const statements = splitStatements(sqlFile(sql));
  let added = 0;
  for (const statement of statements) {
    const changed = await db.run(statement);
    if (/^\s*(--[^\n]*\n\s*)*INSERT INTO (analytics_points|template_dictionary)/i.test(statement)) added += changed;
  }
  await db.run(`INSERT INTO file_rejects SELECT line_no, reason, raw FROM staged_rejects`);
  const elements = Number((await db.all<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM ${stagedTable}`))[0]?.n ?? 0);
  let duplicates = 0;
  if (validTable && changedTable) {
    const counts = await db.all<{ v: number; c: number }>(`SELECT (SELECT count(*) FROM ${validTable})::BIGINT AS v, (SELECT count(*) FROM ${changedTable})::BIGINT AS c`);
    duplicates = Number(counts[0]?.v ?? 0) - Number(counts[0]?.c ?? 0);
  } else {
    const rejected = Number((await db.all<{ n: number }>('SELECT count(*)::BIGINT AS n FROM staged_rejects'))[0]?.n ?? 0);
    duplicates = elements - rejected - added;
  }
  return { lines: elements, blankLines: 0, events: { [eventName]: added }, duplicates, truncated: null };
}
