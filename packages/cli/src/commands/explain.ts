import { Option, type Command } from 'commander';
import { collectFiles, ConfigResolver, Linter, readTextFile, UnreadableFileError, UsageError } from '@pesan/core';
import { catalog, explainText, formatExplanation, type ExplainedFile } from '@pesan/rules';

const FORMATS = ['stylish', 'json'] as const;

/**
 * `pesan explain <drafts...>`: prints the category prediction of each template (declared category, predicted
 * category, scores, and every signal with its position). A thin shell over `explainText` / `formatExplanation` of
 * @pesan/rules; it only reads the files and the config (for `vocabulary`).
 */
export function registerExplain(program: Command, setExitCode: (code: number) => void = (code) => void (process.exitCode = code)): void {
  program
    .command('explain')
    .description('Explain the category a template reads as: declared and predicted category, scores, and each signal with its position.')
    .argument('<drafts...>', 'drafts (Markdown or Meta JSON), directories or globs')
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMATS).default('stylish'))
    .option('-c, --config <file>', 'use this config file instead of looking up pesan.config.* above each draft')
    .addHelpText('after', `
Exit codes:
  0  every draft was explained
  1  a draft could not be parsed (its parse errors are printed)
  2  usage error, bad config, or a path that matches nothing

Examples:
  pesan explain drafts/saved_search_match.md
  pesan explain drafts/ --format json`)
    .action(async (operands: string[], flags: { format: (typeof FORMATS)[number]; config?: string }) => {
      const { files } = await collectFiles(operands);
      const resolver = new ConfigResolver(new Linter(catalog).fullCatalog, flags.config);
      const explained: ExplainedFile[] = [];
      for (const filePath of files) {
        let text: string;
        try {
          text = readTextFile(filePath);
        } catch (error) {
          if (error instanceof UnreadableFileError) throw new UsageError(error.message);
          throw error;
        }
        explained.push(explainText(text, filePath, resolver.forFile(filePath).settings));
      }
      if (flags.format === 'json') process.stdout.write(`${JSON.stringify(explained, null, 2)}\n`);
      else process.stdout.write(formatExplanation(explained));
      if (explained.some((f) => f.errors.length > 0 && f.templates.length === 0)) {
        process.stderr.write('pesan: some drafts could not be parsed; run `pesan lint` on them for details.\n');
        setExitCode(1);
      }
    });
}
