import type { Command } from 'commander';
import pc from 'picocolors';
import { Linter, presetSeverity } from '@pesan/core';
import { catalog as bundledCatalog } from '../catalog-module.js';

export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('List every rule with its description, default severity and docs page.')
    .option('--docs', 'print the path of each rule\'s documentation page')
    .option('--json', 'print the rule metadata as JSON')
    .action(async (flags: { docs?: boolean; json?: boolean }) => {
      const catalog = bundledCatalog;
      const rules = new Linter(catalog).rules;
      if (flags.json) {
        const data = rules.map((r) => ({
          id: r.meta.id,
          description: r.meta.description,
          type: r.meta.type,
          area: r.meta.area,
          defaultSeverity: r.meta.defaultSeverity,
          recommended: presetSeverity(r, 'recommended'),
          strict: presetSeverity(r, 'strict'),
          categories: r.meta.categories ?? null,
          fixable: r.meta.fixable ?? false,
          hasSuggestions: r.meta.hasSuggestions ?? false,
          docs: catalog.docsUrl(r.meta.id),
        }));
        process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
        return;
      }
      const width = Math.max(...rules.map((r) => r.meta.id.length));
      let area = '';
      for (const rule of rules) {
        if (rule.meta.area !== area) {
          area = rule.meta.area;
          process.stdout.write(`\n${pc.bold(area)}\n`);
        }
        const sev = presetSeverity(rule, 'recommended');
        const badge = sev === 'error' ? pc.red('error') : sev === 'warn' ? pc.yellow('warn ') : pc.dim('off  ');
        const marks = `${rule.meta.fixable ? ' [fix]' : ''}${rule.meta.hasSuggestions ? ' [suggest]' : ''}`;
        process.stdout.write(`  ${rule.meta.id.padEnd(width)}  ${badge}  ${rule.meta.description}${pc.dim(marks)}\n`);
        if (flags.docs) process.stdout.write(`  ${' '.repeat(width)}         ${pc.dim(catalog.docsUrl(rule.meta.id))}\n`);
      }
      process.stdout.write(`\n${rules.length} rules. Severity shown is the \`recommended\` preset; \`strict\` also turns on the rules shown as off.\n`);
    });
}
