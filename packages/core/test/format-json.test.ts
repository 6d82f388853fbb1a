import { describe, expect, it } from 'vitest';
import { formatJson, formatJsonChunks } from '../src/format/json.js';
import type { FileResult, Finding } from '../src/engine/finding.js';

function result(i: number, findings: number): FileResult {
  const messages: Finding[] = Array.from({ length: findings }, (_, k) => ({
    ruleId: k === 0 && i % 5 === 0 ? 'parse-error' : 'no-marker',
    severity: 2,
    message: `Unexpected "x" ${k}\u202e`,
    messageId: 'found',
    line: k + 1,
    column: 1,
    endLine: k + 1,
    endColumn: 3,
    range: [0, 2],
    url: 'https://example.com/rules/no-marker',
    ...(k % 2 === 0 ? { fix: { range: [0, 2] as const, text: 'y' } } : {}),
  }));
  return { filePath: `d/${i}.md`, messages, errorCount: findings, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, templates: [{ name: `t${i}`, language: 'id' }] };
}

describe('formatJson', () => {
  it('is ESLint-shaped JSON with the file paths resolved', () => {
    const [first] = JSON.parse(formatJson([result(0, 2)], (p) => `/abs/${p}`)) as Record<string, unknown>[];
    expect(first).toMatchObject({ filePath: '/abs/d/0.md', errorCount: 2, fatalErrorCount: 1, suppressedMessages: [], usedDeprecatedRules: [] });
    expect((first!.messages as unknown[]).length).toBe(2);
  });

  it('gives the same text in chunks as in one piece, whatever the count', () => {
    for (const count of [0, 1, 2, 3, 7, 10]) {
      const results = Array.from({ length: count }, (_, i) => result(i, i % 3));
      const chunks = [...formatJsonChunks(results, (p) => `/abs/${p}`, 3)];
      expect(chunks.join('')).toBe(formatJson(results, (p) => `/abs/${p}`));
      expect(chunks.length).toBe(Math.max(1, Math.ceil(count / 3)));
      // One JSON array exactly as JSON.stringify writes it: no stray commas or brackets at the chunk borders.
      expect(JSON.stringify(JSON.parse(chunks.join('')))).toBe(chunks.join(''));
      expect(JSON.parse(chunks.join(''))).toHaveLength(count);
    }
  });
});
