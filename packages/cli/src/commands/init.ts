import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';

const CONFIG = `# Pesan configuration (see the README, section "Configuration").
# The nearest pesan.config.* above a draft applies; globs are relative to this file's folder.
extends: recommended        # or: strict
business:
  name: Your Business       # used by the opt-in wording rules
rules:
  # Severity per rule: off, warn or error; or [severity, {options}]. \`pesan rules\` lists every rule.
  body-too-long: [error, {max: 1024}]
overrides:
  # Rules that differ for some drafts: by glob (relative to this file), category or language.
  - categories: [MARKETING]
    rules:
      body-too-long: warn
ignores:
  - "drafts/archive/**"
`;

const EXAMPLE = `---
name: order_shipped
category: UTILITY
language: en_US
use_case: shipping_update
header: "Order {{1}} is on its way"
footer: "Reply STOP to stop order updates"
buttons:
  - {type: url, text: "Track package", url: "https://shop.example.com/track/{{1}}", example: "https://shop.example.com/track/A1B2"}
examples:
  header: ["#4521"]
  body: ["Ana", "#4521", "JX123456789", "Friday, 14 March"]
---
Hi {{1}}, your order {{2}} has shipped. Your tracking number is {{3}} and the expected delivery date is {{4}}.

Reply to this message if anything looks wrong.
`;

export function registerInit(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('init')
    .description('Write a starter pesan.config.yaml and one example draft in templates/.')
    .option('--force', 'overwrite existing files')
    .action((flags: { force?: boolean }) => {
      const files: [string, string][] = [
        ['pesan.config.yaml', CONFIG],
        [path.join('templates', 'order_shipped.md'), EXAMPLE],
      ];
      for (const [file, content] of files) {
        if (existsSync(file) && !flags.force) {
          process.stderr.write(`pesan: ${file} already exists; keep it, or run \`pesan init --force\` to overwrite.\n`);
          setExitCode(2);
          continue;
        }
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, content);
        process.stdout.write(`wrote ${file}\n`);
      }
      process.stdout.write('Next: pesan lint templates/\n');
    });
}
