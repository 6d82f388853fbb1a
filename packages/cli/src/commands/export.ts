import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { collectFiles, createSourceFile, parseMarkdownDraft, readTextFile, toMetaPayload, UnreadableFileError, UsageError } from '@pesan/core';

export function registerExport(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('export')
    .description("Write Meta's create-template payload for each Markdown draft (Pesan-only fields and directives removed).")
    .argument('<drafts...>', 'Markdown drafts, directories or globs')
    .option('-o, --out-dir <dir>', 'write one <name>.<language>.json per draft instead of printing JSON')
    .action(async (operands: string[], flags: { outDir?: string }) => {
      const { files } = await collectFiles(operands);
      const drafts = files.filter((f) => f.toLowerCase().endsWith('.md'));
      if (drafts.length === 0) throw new UsageError('`pesan export` reads Markdown drafts (.md); none were given.');
      const payloads: unknown[] = [];
      let failed = false;
      for (const filePath of drafts) {
        let text: string;
        try {
          text = readTextFile(filePath);
        } catch (error) {
          if (error instanceof UnreadableFileError) throw new UsageError(error.message);
          throw error;
        }
        const file = createSourceFile(filePath, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
        const parsed = parseMarkdownDraft(file);
        const fatal = parsed.problems.filter((p) => p.ruleId === 'parse-error');
        const draft = parsed.drafts[0];
        if (fatal.length > 0 || !draft) {
          for (const p of fatal) {
            const at = file.lines.position(p.range[0]);
            process.stderr.write(`${filePath}:${at.line}:${at.column}: ${p.message}\n`);
          }
          failed = true;
          continue;
        }
        const payload = toMetaPayload(draft);
        if (flags.outDir) {
          mkdirSync(flags.outDir, { recursive: true });
          const target = path.join(flags.outDir, `${payload.name || path.basename(filePath, '.md')}.${payload.language || 'und'}.json`);
          writeFileSync(target, `${JSON.stringify(payload, null, 2)}\n`);
          process.stdout.write(`${target}\n`);
        } else payloads.push(payload);
      }
      if (!flags.outDir) process.stdout.write(`${JSON.stringify(payloads.length === 1 ? payloads[0] : payloads, null, 2)}\n`);
      if (failed) {
        process.stderr.write('pesan: some drafts could not be parsed; run `pesan lint` on them for details.\n');
        setExitCode(1);
      }
    });
}
