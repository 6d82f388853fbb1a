import { describe, expect, it } from 'vitest';
import { allRules } from '../src/rules/index.js';
import { CORE_RULES, type Rule } from '@pesan/core';
import { lintWithCatalog, lintWithRule } from '../src/testing/rule-tester.js';

/**
 * remark-lint's rule: the examples in each rule's documentation are tests. Valid examples produce no finding of
 * the rule; invalid examples produce exactly the listed message ids, in order.
 */
const rules = [...CORE_RULES, ...allRules] as Rule[];
const coreIds = new Set(CORE_RULES.map((r) => r.meta.id));
// Engine-owned rules (directives, parse errors) are exercised with the whole catalog, as a user runs them.
const lint = (rule: Rule, draft: string, options: unknown, filename?: string) =>
  coreIds.has(rule.meta.id) ? lintWithCatalog(allRules, draft, filename) : lintWithRule(rule, draft, options, filename);

describe('rule documentation examples', () => {
  for (const rule of rules) {
    describe(rule.meta.id, () => {
      it('has at least one valid and one invalid example (engine-owned internal-error excepted)', () => {
        if (rule.meta.id === 'internal-error') return;
        expect(rule.meta.docs.valid.length).toBeGreaterThan(0);
        // Project rules compare several files; their invalid cases live in rules/test/project-rules.test.ts.
        if (!rule.project) expect(rule.meta.docs.invalid.length).toBeGreaterThan(0);
        expect(rule.meta.docs.sources.length).toBeGreaterThan(0);
      });
      for (const example of rule.meta.docs.valid) {
        it(`valid: ${example.title}`, () => {
          const findings = lint(rule, example.draft, example.options, example.filename);
          expect(findings.filter((f) => f.ruleId === rule.meta.id || (coreIds.has(rule.meta.id) ? false : f.ruleId === 'parse-error')).map((f) => f.message)).toEqual([]);
        });
      }
      for (const example of rule.meta.docs.invalid) {
        it(`invalid: ${example.title}`, () => {
          expect(example.messageIds?.length ?? 0).toBeGreaterThan(0);
          const findings = lint(rule, example.draft, example.options, example.filename);
          expect(findings.filter((f) => f.ruleId === rule.meta.id).map((f) => f.messageId)).toEqual(example.messageIds);
        });
      }
    });
  }
});
