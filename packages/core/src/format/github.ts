import type { FileResult } from '../engine/finding.js';

/** Escaping rules of GitHub workflow commands: data and property values differ (`:` and `,` in properties). */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions annotations: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<rule-id>::message`.
 * They show on the pull request diff without any extra permission (SARIF upload needs security-events: write).
 */
export function formatGithub(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    for (const m of result.messages) {
      const level = m.severity === 2 ? 'error' : 'warning';
      const props = [
        `file=${escapeProperty(result.filePath)}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(m.ruleId)}`,
      ].join(',');
      lines.push(`::${level} ${props}::${escapeData(m.message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
