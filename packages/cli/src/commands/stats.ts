import { Option, type Command } from 'commander';
import { formatStats } from '../analytics-output.js';

interface StatsFlags {
  db: string;
  from?: string;
  to?: string;
  tz: string;
  template?: string;
  language?: string;
  category?: string;
  by: string;
  format: 'table' | 'json' | 'csv';
}

/** `pesan stats`: a thin shell over @pesan/analytics `queryStats`. */
export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('Per-template delivery, read, click, reply, opt-out and failure rates from the analytics database.')
    .option('--db <file>', 'DuckDB database file', 'pesan.duckdb')
    .option('--from <date>', 'first send day, YYYY-MM-DD in --tz (inclusive)')
    .option('--to <date>', 'last send day, YYYY-MM-DD in --tz (inclusive)')
    .option('--tz <zone>', 'IANA time zone for days', 'UTC')
    .option('--template <name>', 'only this template')
    .option('--language <code>', 'only this language')
    .option('--category <name>', 'only this category (UTILITY, MARKETING, AUTHENTICATION)')
    .option('--by <dims>', 'group by template (x language), language, category, day or overall; combine with commas', 'template')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .addHelpText('after', `
Definitions: the unit is one template message (wamid), counted in the day of its send time. delivery = delivered /
attempted; read = read / delivered (a lower bound: read receipts can be off); click = quick-reply taps / delivered;
opt-out = people who opted out / delivered; failure = failed / attempted. URL clicks come from template_analytics
(whole UTC days). JSON schema: docs/stats.schema.json.

Examples:
  pesan stats
  pesan stats --from 2026-10-01 --to 2026-10-07 --tz Asia/Jakarta --by template,day --format json`)
    .action(async (flags: StatsFlags) => {
      const { queryStats, AnalyticsError, GROUP_BY } = await import('@pesan/analytics');
      const by = flags.by.split(',').map((b) => b.trim()).filter(Boolean);
      for (const b of by) if (!(GROUP_BY as readonly string[]).includes(b)) throw new AnalyticsError(`--by ${b}: expected ${GROUP_BY.join(', ')} (comma-separated).`);
      const rows = await queryStats(flags.db, {
        from: flags.from,
        to: flags.to,
        tz: flags.tz,
        template: flags.template,
        language: flags.language,
        category: flags.category,
        by: by as (typeof GROUP_BY)[number][],
      });
      if (flags.format === 'json') process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      else process.stdout.write(formatStats(rows, flags.format));
    });
}
