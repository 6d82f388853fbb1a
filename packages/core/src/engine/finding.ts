import { formatMessage } from './rule.js';
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
  /** Stable id for baselines (rule, template, marked text); see `--suppress-all`. */
  fingerprint?: string;
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
  /** Keys of project rules (see `Rule.project`), resolved into findings once every file is linted. */
  projectKeys?: ProjectKey[];
}

export interface ProjectKey {
  ruleId: string;
  key: string;
  severity: 1 | 2;
  /**
   * The rule's message template, formatted with `data` and `{other}` only when the key turns out to be a duplicate
   * (most are not: every draft has keys, and formatting each was a measurable part of a large run).
   */
  message: string;
  data?: Record<string, string | number>;
  messageId?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  range: Range;
  url?: string;
  template?: { name?: string; language?: string };
}

/**
 * Turns project keys into findings: each draft whose key already appeared (in path order, then position) gets a
 * finding that names the first occurrence. Counts are updated; results keep their order.
 */
export function resolveProjectKeys(results: FileResult[]): FileResult[] {
  // Per rule, the first file and line of each key (one map per rule: no key string built per draft).
  const firstByRule = new Map<string, Map<string, { filePath: string; line: number }>>();
  return results.map((result) => {
    if (!result.projectKeys?.length) return result;
    const added: Finding[] = [];
    for (const pk of result.projectKeys) {
      let first = firstByRule.get(pk.ruleId);
      if (!first) firstByRule.set(pk.ruleId, (first = new Map()));
      const seen = first.get(pk.key);
      if (!seen) {
        first.set(pk.key, { filePath: result.filePath, line: pk.line });
        continue;
      }
      const other = seen.filePath === result.filePath ? `line ${seen.line}` : `${seen.filePath}:${seen.line}`;
      const { key: _key, message, data, ...rest } = pk;
      const finding: Finding = { ...rest, message: visibleMessage(formatMessage(message, { ...data, other })) };
      // Idempotent: resolving twice (e.g. after --fix re-lints some files) adds nothing new.
      if (!result.messages.some((m) => m.ruleId === finding.ruleId && m.range[0] === finding.range[0])) added.push(finding);
    }
    if (added.length === 0) return result;
    const messages = [...result.messages, ...added].sort(compareFindings);
    return { ...summarize(result.filePath, messages, result.templates), projectKeys: result.projectKeys };
  });
}

/**
 * Control characters (C0, DEL, C1) and bidirectional overrides quoted from a draft are shown as `\u001b`...
 * rather than written raw: a message must not clear the reader's terminal, set its title, break a line-based
 * format (stylish, GitHub annotations) into forged lines, or reorder itself on screen ("Trojan Source").
 */
export function visibleMessage(message: string): string {
  // Almost no message has such a character: one plain loop says so (every finding and project key passes here).
  for (let i = 0; i < message.length; i++) {
    if (isHidden(message.charCodeAt(i))) return message.replace(HIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  return message;
}

const HIDDEN = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

/** `HIDDEN` for one code unit: control characters (C0, DEL, C1) and bidirectional embeddings and isolates. */
function isHidden(c: number): boolean {
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
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
