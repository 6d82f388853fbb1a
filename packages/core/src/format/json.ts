import type { FileResult } from '../engine/finding.js';

/**
 * ESLint-compatible JSON: `[{filePath, messages: [{ruleId, severity, message, line, column, endLine, endColumn,
 * fix?, suggestions?}], errorCount, warningCount, ...}]`, with absolute file paths as ESLint writes them.
 */
export function formatJson(results: readonly FileResult[], resolvePath: (p: string) => string = (p) => p): string {
  return [...formatJsonChunks(results, resolvePath)].join('');
}

/**
 * `formatJson` in pieces of up to `perChunk` results, which joined give the same text: a large run writes them one by
 * one instead of building one string for all (a million results are ≈ 350 MB of JSON, near V8's longest string).
 */
export function* formatJsonChunks(results: readonly FileResult[], resolvePath: (p: string) => string = (p) => p, perChunk = 1000): Generator<string> {
  if (results.length === 0) {
    yield '[]';
    return;
  }
  for (let from = 0; from < results.length; from += perChunk) {
    const items = results.slice(from, from + perChunk).map((r) => JSON.stringify(jsonResult(r, resolvePath)));
    yield `${from === 0 ? '[' : ','}${items.join(',')}${from + perChunk >= results.length ? ']' : ''}`;
  }
}

function jsonResult(r: FileResult, resolvePath: (p: string) => string): unknown {
  return {
    filePath: resolvePath(r.filePath),
    messages: r.messages.map((m) => ({
      ruleId: m.ruleId,
      severity: m.severity,
      message: m.message,
      messageId: m.messageId,
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
      ...(m.fix ? { fix: m.fix } : {}),
      ...(m.suggestions ? { suggestions: m.suggestions } : {}),
      ...(m.url ? { url: m.url } : {}),
      ...(m.template ? { template: m.template } : {}),
    })),
    suppressedMessages: [],
    errorCount: r.errorCount,
    fatalErrorCount: r.messages.filter((m) => m.ruleId === 'parse-error').length,
    warningCount: r.warningCount,
    fixableErrorCount: r.fixableErrorCount,
    fixableWarningCount: r.fixableWarningCount,
    usedDeprecatedRules: [],
    templates: r.templates,
  };
}
