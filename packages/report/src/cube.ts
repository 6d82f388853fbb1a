import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createMetricViews, SQL_DIR, statsVariables, type AnalyticsDatabase } from '@pesan/analytics';
import type { Period } from './model.js';
import type { ReportQuery } from './query.js';
import { reportSql } from './sql-files.js';

/** The filters of a selection over the cube (a period and exact template, language and category filters). */
export interface Selection {
  from?: string | undefined;
  to?: string | undefined;
  template?: string | undefined;
  language?: string | undefined;
  category?: string | undefined;
}

/** Seconds per step of the local-time lookup (01_quarters.sql): quarter hours, else minutes, else seconds. */
const GRAINS = [900, 60, 1];
const analyticsFailures = readFileSync(path.join(SQL_DIR, 'metrics', 'failures.sql'), 'utf8').trim().replace(/;\s*$/, '');

/**
 * The report's working set, built in one pass over the messages of an analytics database (packages/report/sql/cube):
 * counts per template, send day and send hour in one time zone, plus the rows that cannot be summed (times to read,
 * opt-outs with the person's key, failures per code). Every section and every API answer is then a small query over
 * these temporary tables with the selection's variables, instead of a scan of every message: that is what keeps a
 * report of a million messages within seconds and an API answer within a tenth of one.
 * The counts follow @pesan/analytics' metric definitions (its failures.sql and url_clicks.sql are run as they are);
 * the report's tests check every number against `pesan stats` on the same data.
 */
export class Cube {
  private readonly variables = new Map<string, string | null>();

  private constructor(
    readonly db: AnalyticsDatabase,
    readonly tz: string,
  ) {}

  /** Builds the cube on a connection whose unqualified table names are the analytics tables. */
  static async build(db: AnalyticsDatabase, tz: string): Promise<Cube> {
    const step = timer();
    // statsVariables validates the zone and gives the analytics views their variables (by template and day, no bounds).
    await db.setVariables(statsVariables({ tz, by: ['template', 'day'] }));
    await createMetricViews(db);
    step('variables and analytics views');
    for (const grain of GRAINS) {
      await db.setVariables({ report_grain: grain });
      await db.run(reportSql('cube/01_quarters.sql'));
      const inexact = await db.all<{ n: number }>('SELECT count(*) FILTER (WHERE NOT exact)::INTEGER AS n FROM report_quarters');
      step(`01_quarters.sql (${grain} s)`);
      if ((inexact[0]?.n ?? 0) === 0) break;
    }
    for (const file of ['02_messages.sql', '03_reads.sql', '04_opt_outs.sql']) {
      await db.run(reportSql(`cube/${file}`));
      step(file);
    }
    await db.run(`CREATE OR REPLACE TEMP VIEW report_analytics_failures AS\n${analyticsFailures}`);
    await db.run(reportSql('cube/05_failures.sql'));
    step('05_failures.sql');
    // template_analytics points are whole UTC days: url_clicks.sql only gives them per day in UTC.
    await db.setVariables({ tz: 'UTC' });
    await db.run(reportSql('cube/06_url_clicks.sql'));
    await db.setVariables({ tz });
    step('06_url_clicks.sql');
    await db.run(reportSql('cube/07_lifecycle.sql'));
    await db.run(reportSql('cube/08_selection.sql'));
    step('07_lifecycle.sql, 08_selection.sql');
    return new Cube(db, tz);
  }

  /** Points the selection views at a period and filters (only the variables that change are set). */
  async select(selection: Selection): Promise<void> {
    const wanted: Record<string, string | null> = {
      from_day: selection.from ?? null,
      to_day: selection.to ?? null,
      f_template: selection.template ?? null,
      f_language: selection.language ?? null,
      f_category: selection.category ?? null,
    };
    const changed = Object.entries(wanted).filter(([name, value]) => !this.variables.has(name) || this.variables.get(name) !== value);
    if (!changed.length) return;
    await this.db.setVariables(Object.fromEntries(changed));
    for (const [name, value] of changed) this.variables.set(name, value);
  }

  /** Rows of one of the report's named queries (packages/report/sql/query) for the current selection. */
  rows(name: string): Promise<Record<string, unknown>[]> {
    return this.db.all(reportSql(`query/${name}`));
  }
}

/** With PESAN_TIMING=1, the time of each step of a cube build on standard error (as `pesan lint` times rules). */
function timer(): (label: string) => void {
  if (!process.env.PESAN_TIMING) return () => undefined;
  let last = performance.now();
  return (label) => {
    const now = performance.now();
    process.stderr.write(`[report cube] ${(now - last).toFixed(0).padStart(6)} ms  ${label}\n`);
    last = now;
  };
}

/** The selection of a report query over a period (null: the query's own bounds). */
export function selectionOf(query: ReportQuery, period: Period | null): Selection {
  return {
    from: period?.from ?? query.from,
    to: period?.to ?? query.to,
    template: query.template,
    language: query.language,
    category: query.category,
  };
}
