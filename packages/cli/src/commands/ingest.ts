import { Option, type Command } from 'commander';
import type { IngestSummary } from '@pesan/analytics';
import { version } from '../version.js';
import { formatIngestSummary } from '../analytics-output.js';
import { startProgress } from '../progress.js';

interface IngestFlags {
  db: string;
  format: 'text' | 'json';
  strict?: boolean;
  keepPii?: boolean;
  keepText?: boolean;
  lockTimeout: string;
  callbackTemplateKey?: string;
  callbackLanguageKey?: string;
  optoutWindow?: string;
  memoryLimit: string;
}

/** `pesan ingest`: a thin shell over @pesan/analytics `ingestFiles` (loaded only when this command runs). */
export function registerIngest(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('ingest')
    .description('Load WhatsApp webhook exports, send logs, template_analytics and message_templates exports into the analytics database.')
    .argument('[paths...]', 'files or directories (detected by content; plain or .gz). With none, only migrates and finishes an interrupted ingest.')
    .option('--db <file>', 'DuckDB database file', 'pesan.duckdb')
    .addOption(new Option('-f, --format <name>', 'summary format').choices(['text', 'json']).default('text'))
    .option('--strict', 'exit 1 when any line was rejected')
    .option('--keep-pii', 'store phone numbers and user ids as they are (default: keyed hashes; the key is <db>.key or $PESAN_PSEUDONYM_KEY)')
    .option('--keep-text', "keep customers' inbound texts (default: used for opt-out detection, then dropped)")
    .option('--lock-timeout <seconds>', 'wait this long for another process holding the database', '30')
    .option('--callback-template-key <key>', 'key of the template name in biz_opaque_callback_data pairs (default tpl)')
    .option('--callback-language-key <key>', 'key of the language code in biz_opaque_callback_data pairs (default lang)')
    .option('--optout-window <hours>', 'attribute an opt-out to a message delivered at most this long before it (default 168)')
    .option('--memory-limit <size>', "DuckDB memory limit (larger inputs spill to disk)", '800MB')
    .addHelpText('after', `
Exit codes:
  0  ingested (rejected lines are listed in the summary and kept in the rejects table)
  1  --strict and some lines were rejected
  2  usage error, a file that is not an export, a locked or newer database

Examples:
  pesan ingest exports/webhooks-2026-10.ndjson.gz exports/send_log.csv
  pesan ingest exports/ --db analytics.duckdb --format json`)
    .action(async (paths: string[], flags: IngestFlags) => {
      const { ingestFiles, expandIngestInputs, AnalyticsError } = await import('@pesan/analytics');
      const lockTimeout = Number(flags.lockTimeout);
      if (!Number.isFinite(lockTimeout) || lockTimeout < 0) throw new AnalyticsError(`--lock-timeout ${flags.lockTimeout}: expected a number of seconds.`);
      const window = flags.optoutWindow === undefined ? undefined : Number(flags.optoutWindow);
      if (window !== undefined && !(window > 0)) throw new AnalyticsError(`--optout-window ${flags.optoutWindow}: expected a positive number of hours.`);
      const inputs = expandIngestInputs(paths);
      const progress = startProgress(flags.format === 'text');
      let summary: IngestSummary;
      try {
        summary = await ingestFiles({
          db: flags.db,
          files: inputs.files,
          keepPii: flags.keepPii,
          keepText: flags.keepText,
          lockTimeoutMs: lockTimeout * 1000,
          memoryLimit: flags.memoryLimit,
          pesanVersion: version,
          callbackTemplateKey: flags.callbackTemplateKey,
          callbackLanguageKey: flags.callbackLanguageKey,
          optOutWindowHours: window,
          onProgress: progress.update,
        });
      } finally {
        progress.stop();
      }
      if (flags.format === 'json') process.stdout.write(`${JSON.stringify({ ...summary, skipped: inputs.skipped }, null, 2)}\n`);
      else process.stdout.write(formatIngestSummary(summary, inputs.skipped));
      if (flags.strict && summary.totals.rejectedLines > 0) setExitCode(1);
    });
}
