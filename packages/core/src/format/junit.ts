import type { FileResult } from '../engine/finding.js';

function xml(text: string): string {
  // Control characters other than tab/newline are not allowed in XML 1.0 at all.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** JUnit XML: one testcase per file, failing with every error and warning listed. */
export function formatJunit(results: readonly FileResult[]): string {
  const failures = results.filter((r) => r.messages.length > 0).length;
  const out = ['<?xml version="1.0" encoding="utf-8"?>', `<testsuites name="pesan" tests="${results.length}" failures="${failures}">`, `  <testsuite name="pesan lint" tests="${results.length}" failures="${failures}" errors="0">`];
  for (const r of results) {
    out.push(`    <testcase classname="pesan.lint" name="${xml(r.filePath)}" file="${xml(r.filePath)}">`);
    if (r.messages.length > 0) {
      const body = r.messages.map((m) => `${m.line}:${m.column} ${m.severity === 2 ? 'error' : 'warning'} ${m.message} (${m.ruleId})`).join('\n');
      out.push(`      <failure message="${r.errorCount} error(s), ${r.warningCount} warning(s)" type="${r.errorCount > 0 ? 'error' : 'warning'}">${xml(body)}</failure>`);
    }
    out.push('    </testcase>');
  }
  out.push('  </testsuite>', '</testsuites>', '');
  return out.join('\n');
}
