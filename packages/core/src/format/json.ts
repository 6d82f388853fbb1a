import type { FileResult } from '../engine/finding.js';

/**
 * ESLint-compatible JSON: `[{filePath, messages: [{ruleId, severity, message, line, column, endLine, endColumn,
 * fix?, suggestions?}], errorCount, warningCount, ...}]`, with absolute file paths as ESLint writes them.
 */
export function formatJson(results: readonly FileResult[], resolvePath: (p: string) => string = (p) => p): string {
  return JSON.stringify(
    results.map((r) => ({
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
    })),
  );
}
