import { z } from 'zod';
import { CORE_RULES, presetSeverity, type Rule, type RuleExample } from '@pesan/core';
import { allRules } from '../rules/index.js';
import { lintWithCatalog, lintWithRule } from '../testing/rule-tester.js';

/**
 * Renders each rule's documentation page from its `meta` (markdownlint's doc-build and remark-lint's generated
 * readmes): badges and options come from metadata, example output comes from running the linter on the
 * examples, so a page cannot drift from the code. `rules/test/docs.test.ts` fails when a page is stale.
 */
export const documentedRules: readonly Rule[] = [...CORE_RULES, ...allRules] as readonly Rule[];
const coreIds = new Set(CORE_RULES.map((r) => r.meta.id));

function exampleOutput(rule: Rule, example: RuleExample): string[] {
  const findings = coreIds.has(rule.meta.id)
    ? lintWithCatalog(allRules, example.draft, example.filename)
    : lintWithRule(rule, example.draft, example.options, example.filename);
  return findings.filter((f) => f.ruleId === rule.meta.id).map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn}  ${f.message}`);
}

function optionRows(rule: Rule): string[] {
  const schema = rule.meta.options;
  if (!schema) return [];
  const json = z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, { type?: string; default?: unknown; description?: string; items?: { type?: string } }>;
  };
  return Object.entries(json.properties ?? {}).map(([name, p]) => {
    const type = p.type === 'array' ? `${p.items?.type ?? 'any'}[]` : (p.type ?? 'any');
    return `| \`${name}\` | ${type} | \`${JSON.stringify(p.default)}\` | ${p.description ?? ''} |`;
  });
}

function fence(text: string, filename?: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${filename?.endsWith('.json') ? 'json' : 'markdown'}\n${text.replace(/\n$/, '')}\n${ticks}`;
}

export function renderRulePage(rule: Rule): string {
  const m = rule.meta;
  const sev = (s: string): string => (s === 'off' ? 'off' : `**${s}**`);
  const lines: string[] = [
    `<!-- Generated from rules/src by \`npm run docs:rules\`. Edit the rule's meta, not this file. -->`,
    `# \`${m.id}\``,
    '',
    m.description,
    '',
    '| | |',
    '|---|---|',
    `| Type | ${m.type} |`,
    `| Applies to | ${m.area}${m.categories ? ` (${m.categories.join(', ')} templates only)` : ''} |`,
    `| Severity | ${sev(presetSeverity(rule, 'recommended'))} in \`recommended\`, ${sev(presetSeverity(rule, 'strict'))} in \`strict\` |`,
    `| Fixable | ${m.fixable ? 'yes: `pesan lint --fix` applies the safe fix' : 'no'} |`,
    `| Suggestions | ${m.hasSuggestions ? 'yes (shown in JSON output and editors; never applied automatically)' : 'no'} |`,
    '',
    '## Why',
    '',
    m.docs.rationale,
    '',
  ];
  if (m.docs.details) lines.push('## Details', '', m.docs.details, '');
  if (m.docs.invalid.length > 0) {
    lines.push('## Incorrect', '');
    for (const example of m.docs.invalid) {
      lines.push(`### ${example.title}`, '', fence(example.draft, example.filename), '');
      const output = exampleOutput(rule, example);
      if (example.options !== undefined) lines.push(`With options \`${JSON.stringify(example.options)}\`:`, '');
      lines.push('```text', ...output, '```', '');
    }
  }
  if (m.docs.valid.length > 0) {
    lines.push('## Correct', '');
    for (const example of m.docs.valid) lines.push(`### ${example.title}`, '', fence(example.draft, example.filename), '');
  }
  const options = optionRows(rule);
  lines.push('## Options', '');
  if (options.length === 0) lines.push('This rule has no options.', '');
  else {
    lines.push('| Option | Type | Default | Description |', '|---|---|---|---|', ...options, '', 'Example config:', '', '```yaml', 'rules:', `  ${m.id}: [error, {}]`, '```', '');
  }
  lines.push(
    '## Turning it off',
    '',
    'For one line of the body, in the Markdown draft:',
    '',
    '```markdown',
    `<!-- pesan-disable-next-line ${m.id} -- reason -->`,
    '```',
    '',
    `For a front-matter field: \`# pesan-disable-next-line ${m.id}\` on the line above it. For a project: \`rules: {${m.id}: off}\` in \`pesan.config.yaml\`.`,
    '',
    '## Sources',
    '',
    ...(m.docs.sources.length ? m.docs.sources.map((s) => `- [${s.label}](${s.url})`) : ['- Pesan engine behaviour.']),
    '',
  );
  return lines.join('\n');
}

export function renderIndex(): string {
  const lines = [
    '<!-- Generated from rules/src by `npm run docs:rules`. -->',
    '# Pesan rules',
    '',
    'Every rule, its default severity in the `recommended` and `strict` presets, and whether `--fix` can repair it.',
    'Lengths are counted in Unicode code points, as Meta counts them; positions are 1-based lines and UTF-16 columns.',
    '',
    '| Rule | Area | Recommended | Strict | Fix | Description |',
    '|---|---|---|---|---|---|',
  ];
  for (const rule of documentedRules) {
    const m = rule.meta;
    lines.push(`| [\`${m.id}\`](./${m.id}.md) | ${m.area} | ${presetSeverity(rule, 'recommended')} | ${presetSeverity(rule, 'strict')} | ${m.fixable ? '✓' : ''} | ${m.description} |`);
  }
  lines.push('', '## Template draft format', '', 'See [FORMAT.md](./FORMAT.md) for every front-matter key and the Meta JSON shapes Pesan reads.', '');
  return lines.join('\n');
}

/** All generated files: name → content. */
export function renderAll(): Map<string, string> {
  const files = new Map<string, string>();
  for (const rule of documentedRules) files.set(`${rule.meta.id}.md`, renderRulePage(rule));
  files.set('README.md', renderIndex());
  return files;
}
