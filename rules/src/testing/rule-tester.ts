import { defaultConfig, Linter, type Finding, type Fix, type ResolvedConfig, type Rule, type RuleCatalog, type LintSettings } from '@pesan/core';
import { docsUrl } from '../catalog.js';

/**
 * ESLint-style RuleTester for vitest (or any runner with `describe`/`it`), as strict as ESLint's:
 * - invalid cases need at least one expected error and must match the exact count;
 * - valid cases must not have `errors`;
 * - every expected messageId must exist in `meta.messages`;
 * - a rule that fixes must be given `output` (the text after applying every fix);
 * - every finding carries the rule's id and docs URL (stamped by the engine, never by the rule);
 * - a case's draft must parse cleanly, so a broken test draft cannot pass as "valid".
 */
export interface ValidCase {
  name?: string;
  code: string;
  options?: unknown;
  filename?: string;
  settings?: LintSettings;
}

export interface ExpectedError {
  messageId: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** Substring the formatted message must contain. */
  message?: string;
  /** Expected suggestion outputs (text after applying each suggestion). */
  suggestions?: string[];
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** Text after applying all fixes; required when the rule fixes anything. */
  output?: string;
}

export interface Tests {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

interface TestApi {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => void) => void;
}

/** Lints one draft with only `rule` enabled at `error`. */
export function lintWithRule(rule: Rule, code: string, options?: unknown, filename = 'draft.md', settings?: LintSettings): Finding[] {
  const catalog: RuleCatalog = { rules: [rule], version: 'test', docsUrl };
  const config: ResolvedConfig = defaultConfig(catalog, process.cwd());
  const parsedOptions = rule.meta.options ? rule.meta.options.parse(options ?? {}) : {};
  config.rules = new Map([[rule.meta.id, { severity: 'error', options: parsedOptions }]]);
  // Directive findings are part of the engine, not the rule under test.
  for (const id of ['unused-disable-directive', 'unknown-rule-in-directive']) {
    if (id !== rule.meta.id) config.rules.set(id, { severity: 'off', options: {} });
  }
  if (settings) config.settings = settings;
  return new Linter(catalog).lintText(code, filename, config).messages;
}

/** Lints one draft with a whole catalog at its `recommended` severities (for engine-owned rules' examples). */
export function lintWithCatalog(rules: readonly Rule[], code: string, filename = 'draft.md'): Finding[] {
  const catalog: RuleCatalog = { rules, version: 'test', docsUrl };
  return new Linter(catalog).lintText(code, filename, defaultConfig(new Linter(catalog).fullCatalog, process.cwd())).messages;
}

/** Applies non-overlapping fixes from last to first (ESLint's multipass is not needed for one pass tests). */
export function applyFixes(text: string, fixes: readonly Fix[]): string {
  const sorted = [...fixes].sort((a, b) => b.range[0] - a.range[0]);
  let out = text;
  let limit = Infinity;
  for (const fix of sorted) {
    if (fix.range[1] > limit) continue;
    out = out.slice(0, fix.range[0]) + fix.text + out.slice(fix.range[1]);
    limit = fix.range[0];
  }
  return out;
}

function fail(message: string): never {
  throw new Error(message);
}

export function runRuleTests(rule: Rule, tests: Tests, api: TestApi): void {
  const { id } = rule.meta;
  const known = new Set(Object.keys(rule.meta.messages));
  api.describe(id, () => {
    api.describe('valid', () => {
      tests.valid.forEach((c, i) => {
        api.it(c.name ?? `valid #${i + 1}: ${firstBodyLine(c.code)}`, () => {
          if ('errors' in c) fail('Valid test case must not have `errors` property');
          const findings = lintWithRule(rule, c.code, c.options, c.filename, c.settings);
          assertParsed(findings);
          const own = findings.filter((f) => f.ruleId === id);
          if (own.length > 0) fail(`Should have no errors but had ${own.length}: ${own.map(describe).join('; ')}`);
        });
      });
    });
    api.describe('invalid', () => {
      tests.invalid.forEach((c, i) => {
        api.it(c.name ?? `invalid #${i + 1}: ${firstBodyLine(c.code)}`, () => {
          if (!c.errors || c.errors.length === 0) fail('Invalid cases must have at least one error');
          for (const e of c.errors) if (!known.has(e.messageId)) fail(`Invalid messageId '${e.messageId}'. Expected one of: ${[...known].join(', ')}`);
          const findings = lintWithRule(rule, c.code, c.options, c.filename, c.settings);
          assertParsed(findings);
          const own = findings.filter((f) => f.ruleId === id);
          if (own.length !== c.errors.length) fail(`Should have ${c.errors.length} error(s) but had ${own.length}: ${own.map(describe).join('; ')}`);
          own.forEach((f, k) => {
            const e = c.errors[k]!;
            if (f.messageId !== e.messageId) fail(`Error ${k + 1}: expected messageId '${e.messageId}', got '${f.messageId}' (${f.message})`);
            for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) {
              if (e[key] !== undefined && e[key] !== f[key]) fail(`Error ${k + 1} (${e.messageId}): expected ${key} ${e[key]}, got ${f[key]}. Actual error location does not match expected error location.`);
            }
            if (e.message !== undefined && !f.message.includes(e.message)) fail(`Error ${k + 1}: message "${f.message}" does not contain "${e.message}"`);
            if (f.url !== docsUrl(id)) fail(`Finding url ${f.url} is not the rule's docs URL`);
            if (e.suggestions) {
              const outputs = (f.suggestions ?? []).map((s) => applyFixes(c.code, [s.fix]));
              if (JSON.stringify(outputs) !== JSON.stringify(e.suggestions)) fail(`Error ${k + 1}: suggestions produced ${JSON.stringify(outputs)}, expected ${JSON.stringify(e.suggestions)}`);
            }
          });
          const fixes = own.map((f) => f.fix).filter((f): f is Fix => f !== undefined);
          if (fixes.length > 0 && !rule.meta.fixable) fail(`Rule '${id}' fixed the code but meta.fixable is not set`);
          if (fixes.length > 0 && c.output === undefined) fail("The rule fixed the code. Please add 'output' property.");
          if (c.output !== undefined) {
            const output = applyFixes(c.code, fixes);
            if (output !== c.output) fail(`Output is incorrect.\nexpected: ${JSON.stringify(c.output)}\nactual:   ${JSON.stringify(output)}`);
          }
        });
      });
    });
  });
}

function assertParsed(findings: Finding[]): void {
  const broken = findings.filter((f) => f.ruleId === 'parse-error' || f.ruleId === 'template-schema');
  if (broken.length > 0) fail(`The test draft does not parse cleanly: ${broken.map(describe).join('; ')}`);
}

function describe(f: Finding): string {
  return `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.messageId ?? ''} "${f.message}"`;
}

function firstBodyLine(code: string): string {
  const body = code.split(/^---$/m)[2] ?? code;
  return (body.trim().split('\n')[0] ?? '').slice(0, 60);
}

/** Builds a Markdown draft: default front matter (name, category, language) plus `extra` YAML lines, then the body. */
export function draft(body: string, extra = '', base: { name?: string; category?: string; language?: string } = {}): string {
  const name = base.name ?? 'order_update';
  const category = base.category ?? 'UTILITY';
  const language = base.language ?? 'en_US';
  const more = extra ? `${extra.replace(/\n?$/, '\n')}` : '';
  return `---\nname: ${name}\ncategory: ${category}\nlanguage: ${language}\n${more}---\n${body}\n`;
}
