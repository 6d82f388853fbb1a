import type { Range } from '../source/text.js';
import type { Fix } from './rule.js';

/** One message in ESLint's JSON shape, plus Pesan's extras (`url`, `messageId`, `range`, `template`). */
export interface Finding {
  ruleId: string;
  /** 1 = warning, 2 = error (ESLint's numbers). */
  severity: 1 | 2;
  message: string;
  messageId?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** File offsets `[start, end)` (UTF-16). */
  range: Range;
  fix?: Fix;
  suggestions?: { desc: string; messageId: string; fix: Fix }[];
  /** The rule's documentation page. */
  url?: string;
  /** The template the finding belongs to (a Meta JSON file may hold many). */
  template?: { name?: string; language?: string };
}

export interface FileResult {
  filePath: string;
  messages: Finding[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** Templates found in the file (for reports that join lint status by name and language). */
  templates: { name?: string; language?: string; category?: string }[];
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}

export function summarize(filePath: string, messages: Finding[], templates: FileResult['templates']): FileResult {
  let errorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const m of messages) {
    if (m.severity === 2) {
      errorCount++;
      if (m.fix) fixableErrorCount++;
    } else {
      warningCount++;
      if (m.fix) fixableWarningCount++;
    }
  }
  return { filePath, messages, errorCount, warningCount, fixableErrorCount, fixableWarningCount, templates };
}
