import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AnalyticsDatabase, assertDerived } from '@pesan/analytics';
import type { LintIndex } from './lint.js';
import type { FailuresSection, LintSection, ReportData, ReportMeta, SummarySection, TemplateRow, TemplatesSection, TimeseriesSection } from './model.js';
import type { ReportQuery } from './query.js';
import { toNullableString, toNumber } from './rows.js';
import { Cube, selectionOf } from './cube.js';
import { lifecycleAnnotations } from './sections/annotations.js';
import { failures } from './sections/failures.js';
import { funnel } from './sections/funnel.js';
import { sendTimeHeatmap } from './sections/heatmap.js';
import { kpis } from './sections/kpis.js';
import { optOutsByKeyword } from './sections/opt-outs.js';
import { resolvePeriods, type ReportPeriods } from './sections/period.js';
import { ruleOutcomes } from './sections/rule-outcomes.js';
import { templateRows } from './sections/templates.js';
import { dailyTrend } from './sections/trend.js';

export const REPORT_VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The cube of one database and time zone, a validated query and its periods: what every section needs. */
export interface ReportContext {
  cube: Cube;
  dbPath: string;
  query: ReportQuery;
  periods: ReportPeriods;
  lint: LintIndex | null;
}

/**
 * Opens the database read-only, builds the cube for the query's time zone, runs `work`, and closes the file, so a
 * report never holds the file longer than it computes (an ingest waiting for the lock gets it right after).
 */
export async function withReportContext<T>(
  dbPath: string,
  query: ReportQuery,
  lint: LintIndex | null | Promise<LintIndex | null>,
  work: (context: ReportContext) => Promise<T>,
): Promise<T> {
  // The drafts may still be linting (in JavaScript) while DuckDB builds the cube (in its own threads).
  const pending = Promise.resolve(lint);
  pending.catch(() => undefined);
  const db = await AnalyticsDatabase.open({ path: dbPath, readOnly: true });
  try {
    await assertDerived(db);
    const cube = await Cube.build(db, query.tz ?? 'UTC');
    return await work(await contextOf(cube, dbPath, query, await pending));
  } finally {
    db.close();
  }
}

/** The context of a query on a built cube (the server keeps cubes between requests). */
export async function contextOf(cube: Cube, dbPath: string, query: ReportQuery, lint: LintIndex | null): Promise<ReportContext> {
  return { cube, dbPath, query, periods: await resolvePeriods(cube, query), lint };
}

export async function metaOf(context: ReportContext, pesanVersion = REPORT_VERSION): Promise<ReportMeta> {
  const { cube, query, periods, lint } = context;
  const templates = (await cube.rows('template_options.sql')).map((row) => ({
    template: String(row.template),
    language: String(row.language),
    category: toNullableString(row.category),
    messages: toNumber(row.messages),
  }));
  const unattributed = toNumber((await cube.rows('unattributed.sql'))[0]?.messages);
  const filters = Object.fromEntries(
    (['template', 'language', 'category'] as const).filter((k) => query[k] !== undefined).map((k) => [k, query[k]]),
  );
  return {
    generatedAt: new Date().toISOString(),
    pesanVersion,
    database: path.basename(context.dbPath),
    tz: query.tz ?? 'UTC',
    period: periods.period,
    previousPeriod: periods.previous,
    filters,
    options: {
      templates,
      languages: [...new Set(templates.map((t) => t.language))].sort(),
      categories: [...new Set(templates.map((t) => t.category).filter((c): c is string => c !== null))].sort(),
    },
    unattributed,
    lint: lint?.meta ?? null,
  };
}

export async function summaryOf(context: ReportContext): Promise<SummarySection> {
  const { cube, query, periods } = context;
  const { current, previous, timeToRead } = await kpis(cube, query, periods.period, periods.previous);
  const cards = { current, previous };
  if (!periods.period || !timeToRead) {
    return { kpis: cards, funnel: funnel(current), timeToRead: { buckets: [], readMessages: 0, p50Seconds: null, p90Seconds: null }, heatmap: [], optOuts: [] };
  }
  await cube.select(selectionOf(query, periods.period));
  return {
    kpis: cards,
    funnel: funnel(current),
    timeToRead,
    heatmap: await sendTimeHeatmap(cube),
    optOuts: await optOutsByKeyword(cube),
  };
}

export async function templatesOf(context: ReportContext): Promise<TemplatesSection> {
  return { templates: await templateRows(context.cube, context.query, context.periods.period, context.lint) };
}

export async function timeseriesOf(context: ReportContext): Promise<TimeseriesSection> {
  const { cube, query, periods } = context;
  const trend = await dailyTrend(cube, query, periods.period, periods.data);
  if (!periods.period) return { ...trend, annotations: [] };
  await cube.select(selectionOf(query, periods.period));
  return { ...trend, annotations: await lifecycleAnnotations(cube) };
}

export async function failuresOf(context: ReportContext, attempted?: number): Promise<FailuresSection> {
  return failures(context.cube, context.query, context.periods.period, attempted);
}

export async function lintOf(context: ReportContext, rows?: TemplateRow[]): Promise<LintSection> {
  if (!context.lint) return { available: false, rules: [], actions: [], draftsWithoutMessages: [] };
  const templates = rows ?? (await templatesOf(context)).templates;
  await context.cube.select(selectionOf(context.query, context.periods.period));
  return ruleOutcomes(context.cube, context.query, templates, context.lint);
}

/** Everything the static report shows, from one read-only session. */
export async function buildReportData(options: { db: string; query: ReportQuery; lint: LintIndex | null | Promise<LintIndex | null>; pesanVersion?: string }): Promise<ReportData> {
  return withReportContext(options.db, options.query, options.lint, async (context) => {
    const meta = await metaOf(context, options.pesanVersion);
    const summary = await summaryOf(context);
    const templates = await templatesOf(context);
    const timeseries = await timeseriesOf(context);
    const failureSection = await failuresOf(context, summary.kpis.current.attempted);
    const lint = await lintOf(context, templates.templates);
    return { meta, summary, templates, timeseries, failures: failureSection, lint };
  });
}
