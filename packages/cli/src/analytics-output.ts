import pc from 'picocolors';
import type { IngestSummary, StatsRow } from '@pesan/analytics';

const n = (value: number): string => value.toLocaleString('en-US');

/** The human summary of `pesan ingest` (the JSON format prints the IngestSummary object itself). */
export function formatIngestSummary(summary: IngestSummary, skipped: string[]): string {
  const out: string[] = [`pesan ingest → ${summary.database}`];
  for (const f of summary.files) {
    const events = Object.entries(f.events).filter(([, v]) => v > 0);
    const newEvents = events.reduce((a, [, v]) => a + v, 0);
    const unit = f.kind.startsWith('template-') || f.kind === 'webhooks-document' ? 'elements' : 'lines';
    out.push(
      `  ${pc.bold(f.path)}  ${pc.dim(f.kind + (f.gzip ? ', gzip' : ''))}\n` +
        `    ${n(f.lines)} ${unit}: ${n(f.acceptedLines)} accepted, ${f.rejectedLines ? pc.yellow(`${n(f.rejectedLines)} rejected`) : '0 rejected'}` +
        `${f.blankLines ? `, ${n(f.blankLines)} blank` : ''} · ${n(newEvents)} new${events.length ? ` (${events.map(([k, v]) => `${k} ${n(v)}`).join(', ')})` : ''}` +
        ` · ${n(f.duplicates)} duplicates`,
    );
    for (const r of f.rejects) {
      const lines = r.lines.filter((l): l is number => l !== null);
      const more = r.count > lines.length ? ` and ${n(r.count - lines.length)} more` : '';
      out.push(`    ${pc.yellow('rejected')} ${r.reason} ×${n(r.count)}${lines.length ? ` (${unit === 'lines' ? 'line' : 'element'}${lines.length > 1 ? 's' : ''} ${lines.join(', ')}${more})` : ''}`);
    }
    if (f.truncated) out.push(`    ${pc.red('truncated')} ${f.truncated.reason}; lines 1–${n(f.truncated.afterLine)} are in`);
  }
  for (const file of skipped) out.push(`  ${pc.dim(`skipped ${file} (not an export Pesan reads)`)}`);
  const t = summary.totals;
  const totalEvents = Object.values(t.events).reduce((a, b) => a + b, 0);
  out.push(
    `Total: ${n(t.files)} files, ${n(t.lines)} lines, ${n(t.acceptedLines)} accepted, ${n(t.rejectedLines)} rejected, ${n(t.blankLines)} blank; ` +
      `${n(totalEvents)} new events, ${n(t.duplicates)} duplicates.`,
    `Messages: ${n(summary.messages)} (${n(summary.unattributedMessages)} unattributed: no send-log row and no usable biz_opaque_callback_data). ` +
      `Opt-outs: ${n(summary.optOutEvents)} (${n(summary.unattributedOptOuts)} with no template message delivered in the window).`,
  );
  if (t.rejectedLines) out.push(pc.dim(`Rejected lines are kept, cut to 1 KB and with digit runs masked, in the rejects table: SELECT * FROM rejects;`));
  return `${out.join('\n')}\n`;
}

const pct = (value: number | null): string => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);

/** `pesan stats` as an aligned table or CSV. */
export function formatStats(rows: StatsRow[], format: 'table' | 'csv'): string {
  const withDay = rows.some((r) => r.day !== undefined);
  if (format === 'csv') {
    const keys = Object.keys(rows[0] ?? emptyRow(withDay));
    const lines = [keys.join(',')];
    for (const row of rows) lines.push(keys.map((k) => csvCell((row as unknown as Record<string, unknown>)[k])).join(','));
    return `${lines.join('\n')}\n`;
  }
  if (rows.length === 0) return 'No template messages in this period (see `pesan ingest`).\n';
  const header = [...(withDay ? ['day'] : []), 'template', 'language', 'category', 'attempted', 'delivered', 'read', 'clicked', 'opted out', 'delivery', 'read ≥', 'click', 'opt-out', 'failure', 'url clicks', 'ttr p50'];
  const body = rows.map((r) => [
    ...(withDay ? [r.day ?? ''] : []),
    r.template ?? '(all)',
    r.language ?? '(all)',
    r.category ?? (r.template ? '?' : '(all)'),
    n(r.attempted),
    n(r.delivered),
    n(r.read),
    n(r.clicked),
    n(r.optedOut),
    pct(r.deliveryRate),
    pct(r.readRate),
    pct(r.clickRate),
    pct(r.optOutRate),
    pct(r.failureRate),
    r.urlClicks === null ? '–' : n(r.urlClicks),
    r.ttrP50Seconds === null ? '–' : duration(r.ttrP50Seconds),
  ]);
  const numeric = (i: number): boolean => i >= (withDay ? 4 : 3);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (numeric(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return `${[pc.bold(line(header)), ...body.map(line)].join('\n')}\n${pc.dim('read ≥: a lower bound (read receipts can be off). Definitions: pesan stats --help.')}\n`;
}

function duration(seconds: number): string {
  if (seconds < 90) return `${seconds}s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)}m`;
  return `${(seconds / 3600).toFixed(1)}h`;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function emptyRow(withDay: boolean): Record<string, null> {
  const keys = ['template', 'language', 'category', ...(withDay ? ['day'] : []), 'attempted', 'sent', 'delivered', 'read', 'failed', 'clicked', 'replied', 'optedOut', 'urlClicks', 'urlClicksUnique', 'deliveryRate', 'readRate', 'clickRate', 'optOutRate', 'failureRate', 'ttrP50Seconds', 'ttrP90Seconds'];
  return Object.fromEntries(keys.map((k) => [k, null]));
}
