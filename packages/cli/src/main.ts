import { Command, CommanderError } from 'commander';
import { UsageError } from '@pesan/core';
import { registerLint } from './commands/lint.js';
import { registerRules } from './commands/rules.js';
import { registerInit } from './commands/init.js';
import { registerExport } from './commands/export.js';
import { registerLsp } from './commands/lsp.js';
import { registerExplain } from './commands/explain.js';
import { registerIngest } from './commands/ingest.js';
import { registerStats } from './commands/stats.js';
import { registerForget } from './commands/forget.js';
import { registerExportParquet } from './commands/export-parquet.js';
import { registerReport } from './commands/report.js';
import { registerServe } from './commands/serve.js';
import { version } from './version.js';

/**
 * Entry point of the `pesan` command. Each command is a thin shell over library calls; this file only wires them
 * and turns expected failures (usage, config, unreadable files) into exit code 2 with a one-line message.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('pesan')
    .description('Lint WhatsApp template drafts before they go to Meta, and report how sent templates perform.')
    .version(version, '-v, --version')
    .showHelpAfterError('(run `pesan --help` for usage)')
    .exitOverride();
  let exitCode = 0;
  const setExitCode = (code: number): void => {
    exitCode = code;
  };
  registerLint(program, setExitCode);
  registerRules(program);
  registerInit(program, setExitCode);
  registerExport(program, setExitCode);
  registerLsp(program);
  registerExplain(program, setExitCode);
  registerIngest(program, setExitCode);
  registerStats(program);
  registerForget(program);
  registerExportParquet(program);
  registerReport(program);
  registerServe(program);
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    // AnalyticsError comes from the lazily loaded analytics package: recognised by name, not by class identity.
    if (error instanceof UsageError || (error instanceof Error && error.name === 'AnalyticsError')) {
      process.stderr.write(`pesan: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
