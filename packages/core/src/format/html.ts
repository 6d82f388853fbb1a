import type { FileResult } from '../engine/finding.js';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Only http(s) and file links are kept; anything else (javascript:...) becomes inert. */
function safeHref(url: string | undefined): string {
  return url && /^(https?|file):/i.test(url) ? escapeHtml(url) : '#';
}

/**
 * One self-contained HTML page a reviewer can open offline: findings grouped by file and template, each linked to
 * its rule's documentation. No scripts, no external requests; every user-controlled string is escaped.
 */
export function formatHtml(results: readonly FileResult[], options: { title?: string; generatedAt?: Date } = {}): string {
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const withFindings = results.filter((r) => r.messages.length > 0);
  const sections = withFindings.map((r) => {
    const groups = new Map<string, typeof r.messages>();
    for (const m of r.messages) {
      const key = m.template?.name ? `${m.template.name} (${m.template.language ?? '?'})` : 'File';
      groups.set(key, [...(groups.get(key) ?? []), m]);
    }
    const blocks = [...groups].map(([template, messages]) => {
      const rows = messages
        .map(
          (m) =>
            `<tr class="${m.severity === 2 ? 'error' : 'warning'}"><td class="pos">${m.line}:${m.column}</td><td class="sev">${m.severity === 2 ? 'error' : 'warning'}</td><td>${escapeHtml(m.message)}</td><td><a href="${safeHref(m.url)}">${escapeHtml(m.ruleId)}</a></td></tr>`,
        )
        .join('\n');
      return `<h3>${escapeHtml(template)}</h3>\n<table><thead><tr><th>Line:col</th><th>Severity</th><th>Message</th><th>Rule</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
    });
    return `<section><h2>${escapeHtml(r.filePath)} <span class="counts">${r.errorCount} error(s), ${r.warningCount} warning(s)</span></h2>\n${blocks.join('\n')}</section>`;
  });
  const title = escapeHtml(options.title ?? 'Pesan lint report');
  const when = (options.generatedAt ?? new Date()).toISOString();
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${title}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.5rem}h2{font-size:1.05rem;margin-top:2rem;word-break:break-all}h3{font-size:.95rem;color:#444}
.counts{font-weight:normal;color:#555;font-size:.85rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}
td.pos{font-family:ui-monospace,monospace;white-space:nowrap}
tr.error td.sev{color:#b35806;font-weight:600}tr.warning td.sev{color:#542788}
.summary{padding:.75rem 1rem;background:#f4f4f4;border-radius:6px}
@media print{a{color:inherit;text-decoration:none}}
</style></head><body>
<h1>${title}</h1>
<p class="summary">${results.length} file(s) checked, ${withFindings.length} with findings: <strong>${errors} error(s)</strong>, ${warnings} warning(s). Generated ${escapeHtml(when)}.</p>
${sections.join('\n') || '<p>No problems found.</p>'}
</body></html>
`;
}
