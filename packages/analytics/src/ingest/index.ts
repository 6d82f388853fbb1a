import { statSync } from 'node:fs';
import { AnalyticsDatabase, DEFAULT_LOCK_TIMEOUT_MS } from '../database.js';
import { deriveTables, type DeriveSettings } from '../derive.js';
import { AnalyticsError } from '../errors.js';
import { loadPseudonymKey } from '../pseudonym-key.js';
import { detectFile, type DetectedFile } from './detect.js';
import { ingestFile } from './ingest-file.js';
import { totalsOf, type FileSummary, type IngestSummary } from './summary.js';

export type { FileSummary, IngestSummary } from './summary.js';
export { detectFile, type DetectedFile, type FileKind } from './detect.js';
export { expandIngestInputs, type ExpandedInputs } from './inputs.js';

export interface IngestOptions extends Partial<DeriveSettings> {
  db: string;
  /** Files to ingest (directories already expanded by the caller). */
  files: string[];
  /** Store phone numbers and user ids as they are instead of keyed hashes. */
  keepPii?: boolean;
  /** Keep customers' inbound texts (otherwise they are used for opt-out detection and dropped). */
  keepText?: boolean;
  lockTimeoutMs?: number;
  memoryLimit?: string;
  pesanVersion?: string;
  /** Called as work advances (for a progress bar): bytes of input done, and events added so far. */
  onProgress?: (progress: { file: string; bytesDone: number; bytesTotal: number; events: number }) => void;
}

/** How many rejected line numbers a summary lists per reason (all of them are in the rejects table). */
const LINES_PER_REASON = 20;

/**
 * `pesan ingest`: every file in its own transaction (a crash or kill -9 midway leaves the database as it was
 * before that file; re-running completes it), then one rebuild of the derived tables. Files are detected by
 * content first, so a file Pesan cannot read stops the run before anything is written.
 */
export async function ingestFiles(options: IngestOptions): Promise<IngestSummary> {
  const detected: DetectedFile[] = options.files.map((file) => detectFile(file));
  const sizes = detected.map((f) => statSync(f.path).size);
  const bytesTotal = sizes.reduce((a, b) => a + b, 0);
  const db = await AnalyticsDatabase.open({
    path: options.db,
    lockTimeoutMs: options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
    memoryLimit: options.memoryLimit ?? '800MB',
    pesanVersion: options.pesanVersion,
  });
  try {
    await checkPiiMode(db, options.keepPii ?? false);
    const key = options.keepPii ? '' : loadPseudonymKey(options.db, { create: true });
    await db.setVariables({ pii_key: key, keep_pii: options.keepPii ?? false, keep_text: options.keepText ?? false });
    const summaries: FileSummary[] = [];
    let bytesDone = 0;
    let events = 0;
    for (const [index, file] of detected.entries()) {
      const size = sizes[index] ?? 0;
      const report = (bytes: number): void => options.onProgress?.({ file: file.path, bytesDone: bytesDone + bytes, bytesTotal, events });
      let fileBytes = 0;
      report(0);
      let fileId = 0;
      // The permanent writes of one file happen in one transaction; parsing happens before it, in temp tables.
      const inTransaction = <T>(work: () => Promise<T>): Promise<T> =>
        db.transaction(async () => {
          fileId = Number((await db.all<{ id: number }>("SELECT nextval('file_ids')::INTEGER AS id"))[0]?.id);
          await db.setVariables({ file_id: fileId, file_path: file.path });
          await db.run('INSERT INTO files (file_id, path, kind, bytes) VALUES ($1, $2, $3, $4)', [fileId, file.path, file.kind, size]);
          const result = await work();
          pendingRejects = await writeRejects(db, fileId, file.path);
          await db.run(`INSERT OR REPLACE INTO state VALUES ('derived_dirty', 'true')`);
          return result;
        });
      let pendingRejects: FileSummary['rejects'] = [];
      let outcome;
      try {
        outcome = await ingestFile(db, file, (bytes) => report((fileBytes += bytes)), inTransaction);
      } catch (error) {
        throw explainFailure(error, file.path, options.db);
      }
      const rejects = pendingRejects;
      const rejected = rejects.reduce((total, r) => total + r.count, 0);
      const added = Object.values(outcome.events).reduce((a, b) => a + b, 0);
      const accepted = outcome.lines - outcome.blankLines - rejected - (file.kind === 'send-log-csv' ? 1 : 0);
      // Bookkeeping after the commit: if this is lost in a crash, the events are in and re-ingesting adds nothing.
      await db.run(
        `UPDATE files SET lines = $1, accepted_lines = $2, rejected_lines = $3, new_events = $4, duplicate_events = $5, truncated = $6 WHERE file_id = $7`,
        [outcome.lines, accepted, rejected, added, outcome.duplicates, outcome.truncated !== null, fileId],
      );
      const summary: FileSummary = {
        path: file.path,
        kind: file.kind,
        gzip: file.gzip,
        lines: outcome.lines,
        blankLines: outcome.blankLines,
        acceptedLines: accepted,
        rejectedLines: rejected,
        truncated: outcome.truncated,
        events: outcome.events,
        duplicates: outcome.duplicates,
        rejects,
      };
      bytesDone += size;
      events += Object.values(summary.events).reduce((a, b) => a + b, 0);
      report(0);
      summaries.push(summary);
    }
    let derived;
    try {
      derived = await deriveTables(db, options, { force: false });
    } catch (error) {
      const reason = explainFailure(error, '', options.db).message.replace(/^: ingest failed \(/, '').replace(/\)\. The database is as it was before this file\./, '.');
      throw new AnalyticsError(`${options.db}: the files are in, but rebuilding the derived tables failed (${reason} Then run \`pesan ingest --db ${options.db}\` (no files) to finish.`);
    }
    return { database: options.db, files: summaries, totals: totalsOf(summaries), ...derived };
  } finally {
    db.close();
  }
}

/**
 * DuckDB's own failures (memory, disk, I/O) during a file become one clear message: which file, that the database
 * is as it was before that file (its transaction rolled back), and what to do.
 */
function explainFailure(error: unknown, filePath: string, dbPath: string): Error {
  if (error instanceof AnalyticsError) return error;
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  let advice = 'Run the same command again; if it fails the same way, report it with PESAN_DEBUG=1.';
  if (/out of memory|failed to allocate/i.test(message)) advice = 'Raise --memory-limit (DuckDB spills to disk beyond it), or split the file.';
  else if (/no space left|disk is full|not enough space/i.test(message)) advice = `Free disk space where ${dbPath} and its temporary folder (${dbPath}.tmp) live.`;
  else if (/read-only|permission denied|cannot open file/i.test(message)) advice = `Check that ${dbPath} and its folder are writable.`;
  return new AnalyticsError(`${filePath}: ingest failed (${message}). The database is as it was before this file. ${advice}`);
}

/** A database is either pseudonymised or not: mixing both would split every person in two. */
async function checkPiiMode(db: AnalyticsDatabase, keepPii: boolean): Promise<void> {
  const rows = await db.all<{ value: string }>(`SELECT value FROM state WHERE key = 'pii'`);
  const wanted = keepPii ? 'kept' : 'hashed';
  const current = rows[0]?.value;
  if (current && current !== wanted) {
    throw new AnalyticsError(
      `${db.path} holds ${current === 'kept' ? 'raw phone numbers (ingested with --keep-pii)' : 'pseudonymised phone numbers'}; ` +
        `ingest ${keepPii ? 'without' : 'with'} --keep-pii, or use another --db.`,
    );
  }
  if (!current) await db.run(`INSERT OR REPLACE INTO state VALUES ('pii', $1)`, [wanted]);
}

/** Stores the file's rejects (line cut to 1 KB, runs of 6+ digits masked) and returns them grouped by reason. */
async function writeRejects(db: AnalyticsDatabase, fileId: number, filePath: string): Promise<FileSummary['rejects']> {
  await db.run(
    `INSERT INTO rejects SELECT $1, $2, line_no, reason, left(regexp_replace(raw, '[0-9]{6,}', '######', 'g'), 1024) FROM file_rejects`,
    [fileId, filePath],
  );
  const rows = await db.all<{ reason: string; count: number; lines: (number | null)[] }>(`
    SELECT reason, count(*)::BIGINT AS count, list(line_no ORDER BY line_no)[1:${LINES_PER_REASON}] AS lines
    FROM file_rejects GROUP BY reason ORDER BY count DESC, reason`);
  return rows.map((r) => ({ reason: r.reason, count: Number(r.count), lines: r.lines.map((n) => (n === null ? null : Number(n))) }));
}
