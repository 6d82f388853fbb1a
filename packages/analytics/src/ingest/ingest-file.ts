import type { AnalyticsDatabase } from '../database.js';
import { sqlLiteral } from '../database.js';
import { AnalyticsError } from '../errors.js';
import { sqlFile } from '../sql-files.js';
import type { DetectedFile } from './detect.js';
import { classifyOptOuts } from './optout-keywords.js';
import { checkGzip, readDocument, type GzipCheck } from './read-file.js';
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

/**
 * Ingests one detected file into the open transaction: stage, validate and explode in SQL, then add the new
 * events. Leaves the temp table `file_rejects(line_no, reason, raw)` for the caller.
 */
export async function ingestFile(db: AnalyticsDatabase, file: DetectedFile, onProgress: (bytes: number) => void): Promise<FileOutcome> {
  await db.run('CREATE OR REPLACE TEMP TABLE file_rejects (line_no BIGINT, reason VARCHAR, raw VARCHAR)');
  switch (file.kind) {
    case 'webhooks':
      return ingestWebhookLines(db, file, onProgress);
    case 'webhooks-document':
      return ingestWebhookDocument(db, file);
    case 'send-log-csv':
    case 'send-log-ndjson':
      return ingestSendLog(db, file, onProgress);
    case 'template-analytics':
      return ingestDocument(db, file, 'analytics_doc', 'ingest/template_analytics.sql', 'staged_points', 'analyticsPoints', 'new_points', 'changed_points');
    case 'template-dictionary':
      return ingestDocument(db, file, 'dictionary_doc', 'ingest/template_dictionary.sql', 'staged_templates', 'templates');
  }
}

async function ingestWebhookLines(db: AnalyticsDatabase, file: DetectedFile, onProgress: (bytes: number) => void): Promise<FileOutcome> {
  const gzipCheck = file.gzip ? checkGzip(file.path, onProgress) : undefined;
  const staged = await stageLines(db, file.path, file.gzip);
  const truncated = await cutTruncatedTail(db, gzipCheck);
  await db.run(`INSERT INTO file_rejects SELECT line_no, 'not valid UTF-8', raw FROM invalid_lines`);
  return explodeWebhooks(db, staged.lines, truncated);
}

async function ingestWebhookDocument(db: AnalyticsDatabase, file: DetectedFile): Promise<FileOutcome> {
  const doc = readDocument(file.path, file.gzip);
  if (doc.truncated) throw new AnalyticsError(`${file.path}: the gzip stream is cut off (${doc.error}) and this file is one JSON document: nothing was ingested. Export it again.`);
  await db.run(`
    CREATE OR REPLACE TEMP TABLE staged_lines AS
    WITH d AS (SELECT CASE WHEN json_valid($1) THEN $1::JSON END AS doc)
    SELECT generate_subscripts(items, 1)::BIGINT AS line_no, unnest(items)::VARCHAR AS line
    FROM (SELECT CASE WHEN json_type(doc) = 'ARRAY' THEN json_extract(doc, '$[*]') ELSE [doc] END AS items FROM d WHERE doc IS NOT NULL);`, [doc.text]);
  const count = await db.all<{ n: number }>('SELECT count(*)::BIGINT AS n FROM staged_lines');
  if (Number(count[0]?.n ?? 0) === 0) throw new AnalyticsError(`${file.path}: not valid JSON (or an empty array): nothing was ingested.`);
  return explodeWebhooks(db, Number(count[0]?.n ?? 0), null);
}

async function explodeWebhooks(db: AnalyticsDatabase, lines: number, truncated: FileOutcome['truncated']): Promise<FileOutcome> {
  await db.run(sqlFile('ingest/webhooks.sql'));
  await classifyOptOuts(db);
  const statements = splitStatements(sqlFile('ingest/webhooks_commit.sql'));
  const tables = ['accepted', 'statuses', 'inbound', 'userPreferences', 'templateEvents', 'otherEvents'];
  const events: Record<string, number> = {};
  for (const [index, statement] of statements.entries()) {
    const changed = await db.run(statement);
    const table = tables[index];
    if (table && table !== 'accepted') events[table] = changed;
  }
  const staged = await db.all<{ n: number }>(`
    SELECT (SELECT count(*) FROM staged_status WHERE line_no IN (SELECT line_no FROM accepted_lines))
         + (SELECT count(*) FROM staged_inbound WHERE line_no IN (SELECT line_no FROM accepted_lines))
         + (SELECT count(*) FROM staged_preferences WHERE line_no IN (SELECT line_no FROM accepted_lines))
         + (SELECT count(*) FROM staged_template_events WHERE line_no IN (SELECT line_no FROM accepted_lines)) AS n`);
  const added = (events.statuses ?? 0) + (events.inbound ?? 0) + (events.userPreferences ?? 0) + (events.templateEvents ?? 0);
  await db.run(`INSERT INTO file_rejects SELECT r.line_no, r.reason, l.line FROM staged_rejects r JOIN staged_lines l USING (line_no)`);
  const blank = await db.all<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM staged_lines WHERE line IS NULL OR trim(line) = ''`);
  return { lines, blankLines: Number(blank[0]?.n ?? 0), events, duplicates: Number(staged[0]?.n ?? 0) - added, truncated };
}

/** Moves the partial last line of a cut-off gzip stream from the staged lines to the rejects. */
async function cutTruncatedTail(db: AnalyticsDatabase, gzipCheck: Promise<GzipCheck> | undefined): Promise<FileOutcome['truncated']> {
  if (!gzipCheck) return null;
  const check = await gzipCheck;
  if (!check.truncated) return null;
  const reason = `truncated gzip tail (${check.error ?? 'unexpected end of file'}): the stream ends inside line ${check.completeLines + 1}`;
  await db.run(`
    INSERT INTO file_rejects SELECT line_no, ${sqlLiteral(reason)}, line FROM staged_lines WHERE line_no > ${check.completeLines} AND line IS NOT NULL;
    DELETE FROM staged_lines WHERE line_no > ${check.completeLines};
    DELETE FROM invalid_lines WHERE line_no > ${check.completeLines};`);
  return { afterLine: check.completeLines, reason };
}

async function ingestSendLog(db: AnalyticsDatabase, file: DetectedFile, onProgress: (bytes: number) => void): Promise<FileOutcome> {
  const gzipCheck = file.gzip ? checkGzip(file.path, onProgress) : undefined;
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
      CREATE OR REPLACE TEMP TABLE send_rows AS SELECT row_number() OVER (ORDER BY rowid) + 1 AS line_no, ${select} FROM csv_rows;
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
  const added = await runCounting(db, sqlFile('ingest/send_log.sql'));
  await db.run(`INSERT INTO file_rejects SELECT r.line_no, r.reason, NULL FROM staged_rejects r`);
  const valid = await db.all<{ n: number }>('SELECT count(*)::BIGINT AS n FROM staged_send WHERE reason IS NULL');
  const blank = file.kind === 'send-log-ndjson'
    ? Number((await db.all<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM staged_lines WHERE line IS NULL OR trim(line) = ''`))[0]?.n ?? 0)
    : 0;
  return { lines, blankLines: blank, events: { sendLog: added }, duplicates: Number(valid[0]?.n ?? 0) - added, truncated };
}

async function cutTruncatedSendRows(db: AnalyticsDatabase, gzipCheck: Promise<GzipCheck> | undefined, csv: boolean): Promise<FileOutcome['truncated']> {
  if (!gzipCheck) return null;
  const check = await gzipCheck;
  if (!check.truncated) return null;
  const reason = `truncated gzip tail (${check.error ?? 'unexpected end of file'}): the stream ends inside line ${check.completeLines + 1}`;
  await db.run(`
    INSERT INTO file_rejects SELECT line_no, ${sqlLiteral(reason)}, NULL FROM send_rows WHERE line_no > ${check.completeLines};
    DELETE FROM send_rows WHERE line_no > ${check.completeLines};
    ${csv ? '' : `DELETE FROM file_rejects WHERE line_no > ${check.completeLines} AND reason <> ${sqlLiteral(reason)};`}`);
  return { afterLine: check.completeLines, reason };
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

/** Runs a multi-statement SQL file and returns the rows changed by its INSERT statements into permanent tables. */
async function runCounting(db: AnalyticsDatabase, sql: string): Promise<number> {
  let added = 0;
  for (const statement of splitStatements(sql)) {
    const changed = await db.run(statement);
    if (/^\s*(--[^\n]*\n\s*)*INSERT INTO (send_log)\b/i.test(statement)) added += changed;
  }
  return added;
}

/** Splits a .sql file into statements (on `;` at the end of a line; the files keep one statement per `;`). */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.replace(/--[^\n]*/g, '').trim() !== '');
}
