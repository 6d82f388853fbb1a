import { AnalyticsDatabase } from './database.js';
import { AnalyticsError } from './errors.js';
import { sqlFile, sqlFolder } from './sql-files.js';

export const GROUP_BY = ['template', 'language', 'category', 'day', 'overall'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export interface StatsQuery {
  /** Inclusive first and last day (YYYY-MM-DD) in `tz`. */
  from?: string;
  to?: string;
  /** IANA time zone for day buckets and the date bounds (default UTC). */
  tz?: string;
  template?: string;
  language?: string;
  category?: string;
  /** Grouping (default template, i.e. template x language); `overall` = one row. */
  by?: GroupBy[];
}

/** One row of `pesan stats` (the JSON schema is docs/stats.schema.json). Rates are 0..1, null when the denominator is 0. */
export interface StatsRow {
  template: string | null;
  language: string | null;
  category: string | null;
  day?: string;
  attempted: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  clicked: number;
  replied: number;
  optedOut: number;
  urlClicks: number | null;
  urlClicksUnique: number | null;
  deliveryRate: number | null;
  readRate: number | null;
  clickRate: number | null;
  optOutRate: number | null;
  failureRate: number | null;
  ttrP50Seconds: number | null;
  ttrP90Seconds: number | null;
}

export interface FailureRow {
  template: string | null;
  language: string | null;
  category: string | null;
  day: string | null;
  code: number | null;
  class: string;
  title: string | null;
  failed: number;
}

/** Validates a stats query and turns it into the variables the metric .sql files read. */
export function statsVariables(query: StatsQuery): Record<string, string | boolean | null> {
  const tz = query.tz ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    throw new AnalyticsError(`--tz ${tz}: not a time zone. Use an IANA name such as UTC, Asia/Jakarta or America/Sao_Paulo.`);
  }
  for (const [flag, value] of [['--from', query.from], ['--to', query.to]] as const) {
    if (value !== undefined && !isDate(value)) throw new AnalyticsError(`${flag} ${value}: expected a date as YYYY-MM-DD.`);
  }
  if (query.from && query.to && query.from > query.to) throw new AnalyticsError(`--from ${query.from} is after --to ${query.to}.`);
  const by = new Set<GroupBy>(query.by?.length ? query.by : ['template']);
  for (const b of by) if (!GROUP_BY.includes(b)) throw new AnalyticsError(`--by ${b}: expected ${GROUP_BY.join(', ')}.`);
  const overall = by.has('overall');
  return {
    tz,
    from_day: query.from ?? null,
    to_day: query.to ?? null,
    f_template: query.template ?? null,
    f_language: query.language ?? null,
    f_category: query.category ?? null,
    by_template: !overall && by.has('template'),
    by_language: !overall && by.has('language'),
    by_category: !overall && by.has('category'),
    by_day: !overall && by.has('day'),
  };
}

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Creates the scope and metric views (sql/metrics/*.sql) on a connection whose variables are set. */
export async function createMetricViews(db: AnalyticsDatabase): Promise<void> {
  for (const file of sqlFolder('metrics')) {
    if (file.name === 'stats.sql' || file.name === 'failures.sql') continue;
    await db.run(file.text);
  }
}

/** Fails when an interrupted ingest left events that are not yet in the derived tables. */
export async function assertDerived(db: AnalyticsDatabase): Promise<void> {
  const rows = await db.all<{ value: string }>(`SELECT value FROM state WHERE key = 'derived_dirty'`);
  if (rows[0]?.value === 'true') {
    throw new AnalyticsError(`${db.path}: an ingest was interrupted before its last step. Run \`pesan ingest --db ${db.path}\` (no files needed) to finish it.`);
  }
}

/** Runs the metric views on an open database (variables set by the caller via statsVariables). */
export async function statsOn(db: AnalyticsDatabase, query: StatsQuery): Promise<StatsRow[]> {
  const variables = statsVariables(query);
  await db.setVariables(variables);
  await createMetricViews(db);
  const rows = await db.all(sqlFile('metrics/stats.sql'));
  return rows.map((r) => toStatsRow(r, variables.by_day === true));
}

export async function failuresOn(db: AnalyticsDatabase, query: StatsQuery): Promise<FailureRow[]> {
  const variables = statsVariables(query);
  await db.setVariables(variables);
  await createMetricViews(db);
  const rows = await db.all(sqlFile('metrics/failures.sql'));
  return rows.map((r) => ({
    template: str(r.template),
    language: str(r.language),
    category: str(r.category),
    day: str(r.day),
    code: r.code === null || r.code === undefined ? null : Number(r.code),
    class: String(r.class),
    title: str(r.title),
    failed: Number(r.failed),
  }));
}

/** `pesan stats`: opens the database read-only for this one query and closes it. */
export async function queryStats(dbPath: string, query: StatsQuery): Promise<StatsRow[]> {
  statsVariables(query);
  const db = await AnalyticsDatabase.open({ path: dbPath, readOnly: true });
  try {
    await assertDerived(db);
    return await statsOn(db, query);
  } finally {
    db.close();
  }
}

function toStatsRow(r: Record<string, unknown>, byDay: boolean): StatsRow {
  const row: StatsRow = {
    template: str(r.template),
    language: str(r.language),
    category: str(r.category),
    attempted: Number(r.attempted),
    sent: Number(r.sent),
    delivered: Number(r.delivered),
    read: Number(r.read),
    failed: Number(r.failed),
    clicked: Number(r.clicked),
    replied: Number(r.replied),
    optedOut: Number(r.opted_out),
    urlClicks: num(r.url_clicks),
    urlClicksUnique: num(r.url_clicks_unique),
    deliveryRate: num(r.delivery_rate),
    readRate: num(r.read_rate),
    clickRate: num(r.click_rate),
    optOutRate: num(r.opt_out_rate),
    failureRate: num(r.failure_rate),
    ttrP50Seconds: num(r.ttr_p50_seconds),
    ttrP90Seconds: num(r.ttr_p90_seconds),
  };
  if (byDay) return insertDay(row, str(r.day) ?? '');
  return row;
}

/** Puts `day` right after the group keys so the JSON reads naturally. */
function insertDay(row: StatsRow, day: string): StatsRow {
  const { template, language, category, ...rest } = row;
  return { template, language, category, day, ...rest };
}

function str(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function num(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
