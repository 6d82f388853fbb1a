import type { Command } from 'commander';
import { UsageError } from '@pesan/core';
import { version } from '../version.js';
import { cliReportLinter } from '../report-linter.js';

interface ServeFlags {
  db: string;
  templates?: string;
  host: string;
  port: string;
  allowRemote?: boolean;
}

/** `pesan serve`: a thin shell over @pesan/report `startServer`; runs until interrupted (Ctrl+C). */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the report with live filters and a JSON API (/api/summary, /api/templates, /api/timeseries, /api/failures, /api/lint) on this machine.')
    .option('--db <file>', 'DuckDB database file (read-only, for about a second; read again after each ingest)', 'pesan.duckdb')
    .option('--templates <dir>', 'drafts to lint and join by template name and language (re-linted when a draft changes)')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--port <n>', 'port (0: any free port)', '8080')
    .option('--allow-remote', 'allow a host other than loopback (the report has no login: anyone who reaches it sees your data)')
    .addHelpText('after', `
API filters (query parameters, all optional): from, to (YYYY-MM-DD), tz (IANA zone), template, language, category.
A bad value gets HTTP 400 with {"error": "..."}.

Examples:
  pesan serve --templates fixtures/templates/
  pesan serve --db analytics.duckdb --port 9000`)
    .action(async (flags: ServeFlags) => {
      const port = Number(flags.port);
      if (!/^\d+$/.test(flags.port) || port > 65535) throw new UsageError(`--port ${flags.port}: expected a port number from 0 to 65535.`);
      const { startServer } = await import('@pesan/report');
      const server = await startServer({
        db: flags.db,
        ...(flags.templates ? { templates: flags.templates } : {}),
        host: flags.host,
        port,
        allowRemote: flags.allowRemote === true,
        pesanVersion: version,
        linter: cliReportLinter(),
      });
      process.stdout.write(`Pesan report: ${server.url}  (Ctrl+C to stop)\n`);
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void server.close().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}

