import pc from 'picocolors';
import type { FileResult } from '../engine/finding.js';

/**
 * ESLint's default "stylish" output: one block per file, `line:col  severity  message  rule-id` rows, then a
 * summary. Every row also carries `file:line:col` so terminals and editors can jump to it.
 */
export function formatStylish(results: readonly FileResult[], options: { color?: boolean } = {}): string {
  const c = options.color === false ? pc.createColors(false) : pc;
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  const out: string[] = [];
  for (const result of results) {
    if (result.messages.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    fixable += result.fixableErrorCount + result.fixableWarningCount;
    out.push('', c.underline(result.filePath));
    const rows = result.messages.map((m) => [
      `${result.filePath}:${m.line}:${m.column}`,
      m.severity === 2 ? c.red('error') : c.yellow('warning'),
      m.message.replace(/\s+$/, ''),
      c.dim(m.ruleId),
    ]);
    const width = (i: number): number => Math.max(...rows.map((r) => visibleLength(r[i] as string)));
    const w0 = width(0);
    const w1 = width(1);
    const w2 = Math.min(width(2), 100);
    for (const row of rows) {
      out.push(`  ${pad(row[0]!, w0)}  ${pad(row[1]!, w1)}  ${pad(row[2]!, w2)}  ${row[3]}`);
    }
  }
  const total = errors + warnings;
  if (total === 0) return '';
  const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  out.push('', errors > 0 ? c.bold(c.red(summary)) : c.bold(c.yellow(summary)));
  if (fixable > 0) out.push(c.dim(`  ${fixable} problem${fixable === 1 ? '' : 's'} potentially fixable with the \`--fix\` option.`));
  return `${out.join('\n')}\n`;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
function visibleLength(text: string): number {
  return text.replace(ANSI, '').length;
}
function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleLength(text)));
}
