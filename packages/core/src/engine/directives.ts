import type { Directive } from '../parse/problems.js';
import type { Finding } from './finding.js';
import type { Range } from '../source/text.js';

export interface DirectiveOutcome {
  kept: Finding[];
  suppressed: Finding[];
  /** Directive problems to report (unknown rule ids, unused directives). */
  problems: { ruleId: 'unknown-rule-in-directive' | 'unused-disable-directive'; messageId: string; data: Record<string, string>; range: Range }[];
}

interface Block {
  directive: Directive;
  fromLine: number;
  toLine: number;
  ruleIds: Set<string> | 'all';
  used: boolean;
}

/**
 * Applies `pesan-disable` / `pesan-enable` / `pesan-disable-line` / `pesan-disable-next-line` to findings
 * (ESLint's semantics: a finding is suppressed when its start line is covered) and reports directives that name
 * unknown rules or suppress nothing.
 */
export function applyDirectives(
  directives: readonly Directive[],
  findings: readonly Finding[],
  knownRuleIds: ReadonlySet<string>,
  lastLine: number,
): DirectiveOutcome {
  // Most drafts have no directive: everything is kept (in a new array: callers add to it).
  if (directives.length === 0) return { kept: findings.slice(), suppressed: [], problems: [] };
  const problems: DirectiveOutcome['problems'] = [];
  const blocks: Block[] = [];
  const open: Block[] = [];
  const sorted = [...directives].sort((a, b) => a.range[0] - b.range[0]);
  for (const d of sorted) {
    for (const rule of d.ruleIds) {
      if (!knownRuleIds.has(rule.id)) problems.push({ ruleId: 'unknown-rule-in-directive', messageId: 'unknown', data: { id: rule.id }, range: rule.range });
    }
    const ids: Set<string> | 'all' = d.ruleIds.length === 0 ? 'all' : new Set(d.ruleIds.map((r) => r.id));
    if (d.kind === 'disable-line') blocks.push({ directive: d, fromLine: d.line, toLine: d.line, ruleIds: ids, used: false });
    else if (d.kind === 'disable-next-line') blocks.push({ directive: d, fromLine: d.line + 1, toLine: d.line + 1, ruleIds: ids, used: false });
    else if (d.kind === 'disable') {
      const block: Block = { directive: d, fromLine: d.line, toLine: lastLine, ruleIds: ids, used: false };
      blocks.push(block);
      open.push(block);
    } else {
      // enable: closes every open block it covers (all of them when it names no rule).
      for (const block of open) {
        if (block.toLine !== lastLine) continue;
        if (ids === 'all' || block.ruleIds === 'all' || [...ids].some((id) => (block.ruleIds as Set<string>).has(id))) block.toLine = d.line;
      }
    }
  }
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) {
    const block = blocks.find(
      (b) => finding.line >= b.fromLine && finding.line <= b.toLine && (b.ruleIds === 'all' || b.ruleIds.has(finding.ruleId)),
    );
    if (block && finding.ruleId !== 'parse-error') {
      block.used = true;
      suppressed.push(finding);
    } else kept.push(finding);
  }
  for (const block of blocks) {
    if (block.used) continue;
    const names = block.ruleIds === 'all' ? '' : ` from ${[...block.ruleIds].map((id) => `'${id}'`).join(', ')}`;
    problems.push({ ruleId: 'unused-disable-directive', messageId: 'unused', data: { from: names }, range: block.directive.range });
  }
  return { kept, suppressed, problems };
}
