import path from 'node:path';
import type { Command } from 'commander';
import { version } from '../version.js';
import { cliReportLinter } from '../report-linter.js';

interface ReportFlags {
  db: string;
  templates?: string;
  from?: string;
  to?: string;
  tz: string;
  template?: string;
  language?: string;
  category?: string;
  out: string;
}

/** `pesan report`: a thin shell over @pesan/report `writeReport` (loaded only when this command runs). */
export function registerReport(program: Command): void {
  program
    .command('report')
    .description('Write one self-contained HTML report (no network needed to open it): KPIs, funnel, trends, failures, and lint findings next to outcomes.')
    .option('--db <file>', 'DuckDB database file', 'pesan.duckdb')
    .option('--templates <dir>', 'drafts to lint and join by template name and language (the lint ↔ outcome view)')
    .option('--from <date>', 'first send day, YYYY-MM-DD in --tz (default: the first day with data)')
    .option('--to <date>', 'last send day, YYYY-MM-DD in --tz (default: the last day with data)')
    .option('--tz <zone>', 'IANA time zone for days and the hour x weekday heat map', 'UTC')
    .option('--template <name>', 'only this template')
    .option('--language <code>', 'only this language')
    .option('--category <name>', 'only this category (UTILITY, MARKETING, AUTHENTICATION)')
    .option('-o, --out <file>', 'where to write the report', path.join('reports', 'index.html'))
    .addHelpText('after', `
The KPI cards compare the period with the previous period of the same length. Every number shows its definition
on hover and in the Definitions section. Phone numbers and message texts never enter the report: counts only.

Examples:
  pesan report --templates fixtures/templates/
  pesan report --db analytics.duckdb --from 2026-10-01 --to 2026-10-31 --tz Asia/Jakarta --out reports/october.html`)
    .action(async (flags: ReportFlags) => {
      const { writeReport } = await import('@pesan/report');
      const written = await writeReport({
        db: flags.db,
        ...(flags.templates ? { templates: flags.templates } : {}),
        query: { from: flags.from, to: flags.to, tz: flags.tz, template: flags.template, language: flags.language, category: flags.category },
        out: flags.out,
        pesanVersion: version,
        linter: cliReportLinter(),
      });
      // Relative when the report is under the current folder (reports/index.html), else the absolute path.
      const relative = path.relative(process.cwd(), written.path);
      process.stdout.write(`${relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : written.path}\n`);
    });
}
