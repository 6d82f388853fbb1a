import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import {
  collectFiles,
  ConfigResolver,
  decodeText,
  formatJson,
  formatStylish,
  Linter,
  resolveProjectKeys,
  lintFiles,
  loadCatalog,
  UsageError,
  UnreadableFileError,
  type FileResult,
  type Severity,
} from '@pesan/core';
import { catalogModule } from '../catalog-module.js';
import { readStdin } from '../stdin.js';

interface LintFlags {
  format: 'stylish' | 'json';
  stdin?: boolean;
  stdinFilename?: string;
  config?: string;
  rule: string[];
  quiet?: boolean;
  maxWarnings?: string;
  outputFile?: string;
  color?: boolean;
  concurrency: string;
}

const FORMATS = ['stylish', 'json'] as const;

export function registerLint(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('lint')
    .description('Check template drafts (Markdown with front matter, or Meta JSON) against Meta\'s rules.')
    .argument('[paths...]', 'files, directories (searched for .md and .json) or globs', [])
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMATS).default('stylish'))
    .option('--stdin', 'lint text read from standard input')
    .option('--stdin-filename <path>', 'file name for --stdin (decides Markdown or JSON, and which config applies)')
    .option('-c, --config <file>', 'use this config file instead of looking up pesan.config.* above each draft')
    .option('--rule <id:severity>', 'set a rule\'s severity, e.g. --rule body-too-long:warn (repeatable)', collect, [])
    .option('-q, --quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('-o, --output-file <path>', 'write the report to a file instead of standard output')
    .option('--no-color', 'disable colours')
    .option('--concurrency <n>', 'worker threads: auto or a number (1 = no workers)', 'auto')
    .addHelpText('after', `
Exit codes:
  0  no errors (and warnings within --max-warnings)
  1  errors found, or more warnings than --max-warnings
  2  usage error, bad config, a path or glob that matches nothing, or a file that is not UTF-8 text

Examples:
  pesan lint fixtures/templates/
  pesan lint "drafts/**/*.md" --format json
  cat draft.md | pesan lint --stdin --stdin-filename draft.md`)
    .action(async (paths: string[], flags: LintFlags) => {
      setExitCode(await runLint(paths, flags));
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseRuleFlags(values: readonly string[], known: ReadonlySet<string>): Map<string, Severity> {
  const map = new Map<string, Severity>();
  for (const value of values) {
    const match = /^([a-z0-9-]+):(off|warn|error|0|1|2)$/.exec(value.trim());
    if (!match) throw new UsageError(`Invalid --rule "${value}": expected <rule-id>:<off|warn|error>, e.g. --rule body-too-long:warn.`);
    const id = match[1]!;
    if (!known.has(id)) throw new UsageError(`Unknown rule "${id}" in --rule; run \`pesan rules\` to list rule ids.`);
    const sev = match[2]!;
    map.set(id, sev === '0' ? 'off' : sev === '1' ? 'warn' : sev === '2' ? 'error' : (sev as Severity));
  }
  return map;
}

async function runLint(paths: string[], flags: LintFlags): Promise<number> {
  const catalog = await loadCatalog(catalogModule);
  const linter = new Linter(catalog);
  const known = new Set(linter.rules.map((r) => r.meta.id));
  const ruleOverrides = parseRuleFlags(flags.rule, known);
  let maxWarnings: number | undefined;
  if (flags.maxWarnings !== undefined) {
    maxWarnings = Number(flags.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`Invalid --max-warnings "${flags.maxWarnings}": expected a whole number ≥ 0.`);
  }
  const concurrency = flags.concurrency === 'auto' ? 'auto' : Number(flags.concurrency);
  if (concurrency !== 'auto' && (!Number.isInteger(concurrency) || concurrency < 1)) throw new UsageError(`Invalid --concurrency "${flags.concurrency}": expected auto or a whole number ≥ 1.`);

  let results: FileResult[];
  if (flags.stdin) {
    if (paths.length > 0) throw new UsageError('--stdin lints standard input only; remove the path arguments or drop --stdin.');
    const filename = flags.stdinFilename ?? '<stdin>.md';
    const bytes = await readStdin();
    let text: string;
    try {
      text = decodeText(filename, bytes);
    } catch (error) {
      if (error instanceof UnreadableFileError) throw new UsageError(`${error.filePath}: ${error.reason}.`);
      throw error;
    }
    const resolver = new ConfigResolver(linter.fullCatalog, flags.config);
    results = resolveProjectKeys([linter.lintText(text, filename, resolver.forFile(filename), { ruleOverrides })]);
  } else {
    if (paths.length === 0) throw new UsageError('No files to lint: give files, directories or globs (e.g. `pesan lint drafts/`), or use --stdin.');
    const { files, explicit } = await collectFiles(paths);
    const run = await lintFiles(files, {
      catalogModule,
      ...(flags.config ? { configFile: flags.config } : {}),
      ruleOverrides,
      concurrency,
      explicit,
    });
    for (const file of run.ignored) if (explicit.has(file)) process.stderr.write(`pesan: warning: ${file} is ignored by an \`ignores\` pattern in the config\n`);
    if (run.unreadable.length > 0) {
      for (const u of run.unreadable) process.stderr.write(`pesan: ${u.filePath}: ${u.reason}.\n`);
      process.stderr.write('pesan: some files cannot be read as UTF-8 text; fix or exclude them (exit code 2).\n');
    }
    results = run.results;
    if (run.unreadable.length > 0) {
      emit(results, flags);
      return 2;
    }
  }
  if (flags.quiet) results = results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 2), warningCount: 0, fixableWarningCount: 0 }));
  emit(results, flags);
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    process.stderr.write(`pesan: too many warnings (${warnings}); maximum allowed is ${maxWarnings}.\n`);
    return 1;
  }
  return 0;
}

function emit(results: FileResult[], flags: LintFlags): void {
  const toFile = flags.outputFile !== undefined;
  const color = flags.color !== false && !toFile && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const output = flags.format === 'json' ? `${formatJson(results, (p) => path.resolve(p))}\n` : formatStylish(results, { color });
  if (toFile) {
    mkdirSync(path.dirname(path.resolve(flags.outputFile!)), { recursive: true });
    writeFileSync(flags.outputFile!, output);
  } else if (output) process.stdout.write(output);
}
