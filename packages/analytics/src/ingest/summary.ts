/** Machine-readable outcome of an ingest (`pesan ingest --format json` prints it as is). */
export interface RejectSample {
  line: number | null;
  reason: string;
}

export interface FileSummary {
  path: string;
  kind: string;
  gzip: boolean;
  /** Physical lines (NDJSON, CSV incl. header) or elements (JSON documents). */
  lines: number;
  blankLines: number;
  acceptedLines: number;
  rejectedLines: number;
  /** Set when a gzip file's stream is cut off: its complete lines are in, the partial tail is a reject. */
  truncated: { afterLine: number; reason: string } | null;
  /** New events per kind (statuses, inbound, userPreferences, templateEvents, otherEvents, sendLog, analyticsPoints, templates). */
  events: Record<string, number>;
  /** Events that were already in the database or repeated in the file (Meta re-sends bodies). */
  duplicates: number;
  /** Rejects by reason, each with its count and first line numbers. */
  rejects: { reason: string; count: number; lines: (number | null)[] }[];
}

export interface IngestSummary {
  database: string;
  files: FileSummary[];
  totals: {
    files: number;
    lines: number;
    acceptedLines: number;
    rejectedLines: number;
    blankLines: number;
    duplicates: number;
    events: Record<string, number>;
  };
  /** After the run: template messages in the database, and those that could not be joined to a template. */
  messages: number;
  unattributedMessages: number;
  optOutEvents: number;
  unattributedOptOuts: number;
}

export function totalsOf(files: FileSummary[]): IngestSummary['totals'] {
  const events: Record<string, number> = {};
  for (const f of files) for (const [k, v] of Object.entries(f.events)) events[k] = (events[k] ?? 0) + v;
  return {
    files: files.length,
    lines: sum(files, (f) => f.lines),
    acceptedLines: sum(files, (f) => f.acceptedLines),
    rejectedLines: sum(files, (f) => f.rejectedLines),
    blankLines: sum(files, (f) => f.blankLines),
    duplicates: sum(files, (f) => f.duplicates),
    events,
  };
}

function sum<T>(items: T[], pick: (item: T) => number): number {
  return items.reduce((total, item) => total + pick(item), 0);
}
