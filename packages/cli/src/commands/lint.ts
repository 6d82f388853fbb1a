import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import {
  collectFiles,
  ConfigResolver,
  decodeText,
  formatGithub,
  formatHtml,
  formatJson,
  formatJsonChunks,
  formatJunit,
  formatSarif,
  formatStylish,
  Linter,
  ruleTimes,
  SUPPRESSIONS_FILE,
  applySuppressions,
  buildSuppressions,
  readSuppressions,
  writeSuppressions,
  fixUntilStable,
  readTextFile,
  resolveProjectKeys,
  lintFiles,
  UsageError,
  UnreadableFileError,
  type FileResult,
  type Severity,
} from '@pesan/core';
import { catalog as bundledCatalog, catalogModule, workerModule } from '../catalog-module.js';
import { createTwoFilesPatch } from 'diff';
import { readStdin } from '../stdin.js';
import { version } from '../version.js';
import { watchDrafts } from '../watch.js';

interface LintFlags {
  format: (typeof FORMATS)[number];
  stdin?: boolean;
  stdinFilename?: string;
  config?: string;
  rule: string[];
  quiet?: boolean;
  maxWarnings?: string;
  outputFile?: string;
  color?: boolean;
  concurrency: string;
  fix?: boolean;
  fixDryRun?: boolean;
  suppressAll?: boolean;
  pruneSuppressions?: boolean;
  suppressionsLocation: string;
  cache?: boolean;
  cacheLocation: string;
  watch?: boolean;
}

const FORMATS = ['stylish', 'json', 'json-with-metadata', 'sarif', 'github', 'junit', 'html'] as const;

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
    .option('--fix', 'apply safe fixes to the files (suggestions are never applied)')
    .option('--fix-dry-run', 'print the safe fixes as a unified diff without writing files')
    .option('-w, --watch', 'keep running and re-lint drafts when they change')
    .option('--cache', 'reuse results of drafts whose content, config and rules have not changed')
    .option('--cache-location <path>', 'cache file', '.pesancache')
    .option('--suppress-all', 'record every current finding in the suppressions file (a baseline); later runs report only new ones')
    .option('--prune-suppressions', 'remove entries of the suppressions file that no longer match a finding')
    .option('--suppressions-location <path>', 'suppressions file', SUPPRESSIONS_FILE)
    .addHelpText('after', `
Exit codes:
  0  no errors (and warnings within --max-warnings)
  1  errors found, or more warnings than --max-warnings
  2  usage error, bad config, a path or glob that matches nothing, or a file that cannot be read (not UTF-8 text, too large)

Examples:
  pesan lint fixtures/templates/
  pesan lint "drafts/**/*.md" --format json
  cat draft.md | pesan lint --stdin --stdin-filename draft.md`)
    .action(async (paths: string[], flags: LintFlags) => {
      const code = await runLint(paths, flags);
      setExitCode(code);
      if (flags.watch && !flags.stdin) {
        watchDrafts(
          paths,
          async (files) => {
            const code = await runLint(files === 'all' ? paths : files, { ...flags, watch: false });
            process.exitCode = code;
            return [];
          },
          () => undefined,
        );
        await new Promise<never>(() => undefined);
      }
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
  const catalog = bundledCatalog;
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
  let stdinText: string | undefined;
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
    stdinText = text;
    const resolver = new ConfigResolver(linter.fullCatalog, flags.config);
    results = resolveProjectKeys([linter.lintText(text, filename, resolver.forFile(filename), { ruleOverrides })]);
  } else {
    if (paths.length === 0) throw new UsageError('No files to lint: give files, directories or globs (e.g. `pesan lint drafts/`), or use --stdin.');
    const { files, explicit } = await collectFiles(paths);
    const run = await lintFiles(files, {
      catalogModule,
      catalog,
      ...(workerModule ? { workerModule } : {}),
      ...(flags.config ? { configFile: flags.config } : {}),
      ruleOverrides,
      concurrency,
      explicit,
      ...(flags.cache ? { cacheLocation: flags.cacheLocation, toolVersion: version } : {}),
    });
    for (const file of run.ignored) if (explicit.has(file)) process.stderr.write(`pesan: warning: ${file} is ignored by an \`ignores\` pattern in the config\n`);
    if (run.unreadable.length > 0) {
      for (const u of run.unreadable) process.stderr.write(`pesan: ${u.filePath}: ${u.reason}.\n`);
      process.stderr.write('pesan: some files cannot be read as drafts (reasons above); fix or exclude them (exit code 2).\n');
    }
    results = run.results;
    if (run.unreadable.length > 0) {
      emit(results, flags, linter);
      return 2;
    }
  }
  if (flags.fix || flags.fixDryRun) results = applySafeFixes(results, flags, linter, ruleOverrides, flags.stdin ? stdinText : undefined);
  results = applyBaseline(results, flags, stdinText);
  if (ruleTimes && ruleTimes.size > 0) {
    // Like ESLint's TIMING=1 (this thread's share of the drafts; use --concurrency 1 for all of them).
    const rows = [...ruleTimes].sort((a, b) => b[1] - a[1]).slice(0, 15);
    process.stderr.write(`\nRule timings (ms):\n${rows.map(([id, ms]) => `  ${id.padEnd(36)} ${ms.toFixed(1)}`).join('\n')}\n`);
  }
  if (flags.quiet) results = results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 2), warningCount: 0, fixableWarningCount: 0 }));
  emit(results, flags, linter);
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    process.stderr.write(`pesan: too many warnings (${warnings}); maximum allowed is ${maxWarnings}.\n`);
    return 1;
  }
  return 0;
}

/**
 * `path.resolve` for the file paths of a run, as ESLint's JSON has them. The paths `collectFiles` gives are already
 * normalised relative paths: joined to the working directory without normalising each again (10,000 files: ≈ 15 ms
 * less). Anything else (`.` or `..` segments, doubled separators, Windows) goes through `path.resolve`.
 */
function absolutePath(): (file: string) => string {
  const cwd = process.cwd();
  const prefix = cwd.endsWith('/') ? cwd : `${cwd}/`;
  const plain = (file: string): boolean => path.sep === '/' && !file.startsWith('/') && !/(?:^|\/)\.{1,2}(?:\/|$)|\/\//.test(file);
  return (file) => (plain(file) ? prefix + file : path.resolve(file));
}

/** ESLint's JSON, made piece by piece as it is written (each piece a thousand results). */
function* jsonReport(results: FileResult[]): Generator<string> {
  yield* formatJsonChunks(results, absolutePath());
  yield '\n';
}

/** The report in the pieces to write: JSON, the format of large runs, a thousand results at a time. */
function render(results: FileResult[], flags: LintFlags, linter: Linter, color: boolean): Iterable<string> {
  switch (flags.format) {
    case 'json':
      return jsonReport(results);
    case 'json-with-metadata': {
      // ESLint's shape: {results, metadata: {rulesMeta}} with each rule's docs URL.
      const used = new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)));
      const rulesMeta = Object.fromEntries(
        linter.rules
          .filter((r) => used.has(r.meta.id))
          .map((r) => [r.meta.id, { type: r.meta.type, docs: { description: r.meta.description, url: linter.catalog.docsUrl(r.meta.id) }, fixable: r.meta.fixable ? 'code' : undefined, hasSuggestions: r.meta.hasSuggestions ?? false, messages: r.meta.messages }]),
      );
      return [`${JSON.stringify({ results: JSON.parse(formatJson(results, absolutePath())), metadata: { rulesMeta } })}\n`];
    }
    case 'sarif':
      return [formatSarif(results, {
        version: linter.catalog.version,
        rules: linter.rules,
        docsUrl: (id) => linter.catalog.docsUrl(id),
        uri: (p) => path.relative(process.cwd(), path.resolve(p)).split(path.sep).join('/'),
      })];
    case 'github':
      return [formatGithub(results)];
    case 'junit':
      return [formatJunit(results)];
    case 'html':
      return [formatHtml(results)];
    default:
      return [formatStylish(results, { color })];
  }
}

function emit(results: FileResult[], flags: LintFlags, linter: Linter): void {
  const toFile = flags.outputFile !== undefined;
  const color = flags.color !== false && !toFile && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const pieces = render(results, flags, linter, color);
  if (toFile) {
    mkdirSync(path.dirname(path.resolve(flags.outputFile!)), { recursive: true });
    const fd = openSync(flags.outputFile!, 'w');
    try {
      for (const piece of pieces) writeAll(fd, piece);
    } finally {
      closeSync(fd);
    }
  } else for (const piece of pieces) if (piece) process.stdout.write(piece);
}

/** Writes all of `text` (a write may take only part of a large buffer). */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

/**
 * `--fix` / `--fix-dry-run`: re-lints each file that has fixable findings, applying safe fixes until stable, then
 * writes the file (or prints a diff). The report shows what remains after fixing, as ESLint does.
 */
function applySafeFixes(results: FileResult[], flags: LintFlags, linter: Linter, ruleOverrides: Map<string, Severity>, stdinText?: string): FileResult[] {
  const resolver = new ConfigResolver(linter.fullCatalog, flags.config);
  const fixed = results.map((result) => {
    if (!result.messages.some((m) => m.fix)) return result;
    const raw = stdinText ?? readTextFile(result.filePath);
    const bom = raw.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
    const original = bom ? raw.slice(1) : raw;
    const config = resolver.forFile(result.filePath);
    const outcome = fixUntilStable(original, (text) => linter.lintText(text, result.filePath, config, { ruleOverrides }));
    if (outcome.text === original) return outcome.result;
    if (flags.fixDryRun || stdinText !== undefined) {
      process.stdout.write(createTwoFilesPatch(result.filePath, result.filePath, original, outcome.text, 'original', 'fixed'));
    } else {
      writeFileSync(result.filePath, bom + outcome.text);
    }
    return outcome.result;
  });
  return resolveProjectKeys(fixed);
}

/** `--suppress-all` writes the baseline; otherwise a baseline file, when present, hides the findings it records. */
function applyBaseline(results: FileResult[], flags: LintFlags, stdinText?: string): FileResult[] {
  const location = flags.suppressionsLocation;
  if (flags.suppressAll) {
    const texts = new Map<string, string>();
    const excerpt = (f: { range: readonly [number, number] }, filePath: string): string => {
      let text = texts.get(filePath);
      if (text === undefined) {
        text = (stdinText ?? readTextFile(filePath)).replace(/^\uFEFF/, '');
        texts.set(filePath, text);
      }
      return text.slice(f.range[0], Math.min(f.range[1], f.range[0] + 80));
    };
    const file = buildSuppressions(results, excerpt);
    writeSuppressions(location, file);
    const count = Object.values(file.suppressions).reduce((n, s) => n + s.count, 0);
    process.stderr.write(`pesan: recorded ${count} finding(s) in ${location}; later runs report only new findings.\n`);
    return applySuppressions(results, file).results;
  }
  const baseline = readSuppressions(location);
  if (!baseline) return results;
  const outcome = applySuppressions(results, baseline);
  if (flags.pruneSuppressions) {
    for (const key of outcome.unused) delete baseline.suppressions[key];
    writeSuppressions(location, baseline);
    process.stderr.write(`pesan: pruned ${outcome.unused.length} unused suppression(s) from ${location}.\n`);
  }
  return outcome.results;
}
