import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnalyticsDatabase, AnalyticsError, ingestFiles, queryStats } from '../src/index.js';
import { envelope, inbound, preference, sendLog, statuses, T0, tempDir, write } from './helpers.js';

async function rows<T extends Record<string, unknown>>(db: string, sql: string): Promise<T[]> {
  const handle = await AnalyticsDatabase.open({ path: db, readOnly: true });
  try {
    return await handle.all<T>(sql);
  } finally {
    handle.close();
  }
}

describe('ingest: lines, rejects and line numbers', () => {
  it('rejects bad lines with their exact line numbers and reasons, and counts blank lines', async () => {
    const dir = tempDir();
    const file = write(dir, 'hooks.ndjson', [
      statuses({ wamid: 'wamid.A', status: 'sent', ts: T0, phone: '6281200000001', callback: 'tpl=order_shipped;lang=en_US' }),
      '{"object": "whatsapp_business_account", "entry": [',
      '',
      '[1, 2, 3]',
      statuses({ wamid: 'wamid.B', status: 'delivered', ts: Number.NaN, phone: '6281200000002' }).replace('"NaN"', '"soon"'),
      JSON.stringify({ received_at: '2026-09-21T14:20:00Z', body: JSON.parse(statuses({ wamid: 'wamid.A', status: 'read', ts: T0 + 60 })) }),
    ].join('\r\n') + '\r\n');
    const summary = await ingestFiles({ db: path.join(dir, 'p.duckdb'), files: [file] });
    const f = summary.files[0]!;
    expect(f.kind).toBe('webhooks');
    expect(f.lines).toBe(6);
    expect(f.blankLines).toBe(1);
    expect(f.acceptedLines).toBe(2);
    expect(f.rejectedLines).toBe(3);
    expect(f.rejects).toEqual(expect.arrayContaining([
      { reason: 'invalid JSON', count: 1, lines: [2] },
      expect.objectContaining({ count: 1, lines: [4], reason: expect.stringContaining('not a webhook body') }),
      { reason: 'status without id, status or a numeric timestamp', count: 1, lines: [5] },
    ]));
    const stored = await rows<{ line_no: number; reason: string; raw: string }>(path.join(dir, 'p.duckdb'), 'SELECT line_no, reason, raw FROM rejects ORDER BY line_no');
    expect(stored.map((r) => Number(r.line_no))).toEqual([2, 4, 5]);
    // phone numbers in kept raw lines are masked
    expect(stored[2]!.raw).not.toContain('6281200000002');
    expect(stored[2]!.raw).toContain('######');
  });

  it('keeps the complete lines of a truncated gzip file and names the cut-off line', async () => {
    const dir = tempDir();
    // Incompressible ids so that cutting the .gz in half really cuts the stream in the middle.
    const lines = Array.from({ length: 3000 }, (_, i) =>
      statuses({ wamid: `wamid.${Math.random().toString(36).slice(2)}${i}`, status: 'sent', ts: T0 + i, phone: `62812${String(i).padStart(7, '0')}`, callback: 'tpl=t;lang=en' }));
    const gz = gzipSync(lines.join('\n') + '\n');
    const file = write(dir, 'cut.bin', gz.subarray(0, Math.floor(gz.length / 2)));
    const summary = await ingestFiles({ db: path.join(dir, 'p.duckdb'), files: [file] });
    const f = summary.files[0]!;
    expect(f.gzip).toBe(true);
    expect(f.truncated).not.toBeNull();
    const complete = f.truncated!.afterLine;
    expect(complete).toBeGreaterThan(100);
    expect(complete).toBeLessThan(3000);
    expect(f.acceptedLines).toBe(complete);
    expect(f.events.statuses).toBe(complete);
    expect(f.rejects).toEqual([{ reason: f.truncated!.reason, count: 1, lines: [complete + 1] }]);
  });

  it('rejects a line that is not valid UTF-8 and keeps the numbering of the lines after it', async () => {
    const dir = tempDir();
    const good = (i: number): string => statuses({ wamid: `wamid.U${i}`, status: 'sent', ts: T0 + i, callback: 'tpl=t;lang=en' });
    const file = write(dir, 'utf.ndjson', Buffer.concat([
      Buffer.from(`${good(1)}\n`),
      Buffer.from('{"bad": "\xff\xfe"}\n', 'latin1'),
      Buffer.from(`${good(3)}\n{oops\n${good(5)}\n`),
    ]));
    const summary = await ingestFiles({ db: path.join(dir, 'p.duckdb'), files: [file] });
    expect(summary.files[0]!.rejects).toEqual(expect.arrayContaining([
      { reason: 'not valid UTF-8', count: 1, lines: [2] },
      { reason: 'invalid JSON', count: 1, lines: [4] },
    ]));
    expect(summary.files[0]!.events.statuses).toBe(3);
    const lines = await rows<{ line_no: number }>(path.join(dir, 'p.duckdb'), 'SELECT line_no FROM status_events ORDER BY line_no');
    expect(lines.map((r) => Number(r.line_no))).toEqual([1, 3, 5]);
  });

  it('is idempotent: the same file twice, and a re-sent body, add nothing the second time', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.duckdb');
    const body = [
      statuses({ wamid: 'wamid.A', status: 'sent', ts: T0, phone: '6281200000001', callback: 'tpl=a;lang=id' },
        { wamid: 'wamid.A', status: 'delivered', ts: T0 + 5, phone: '6281200000001' }),
      inbound({ id: 'wamid.IN1', ts: T0 + 100, phone: '6281200000001', context: 'wamid.A', button: 'Lacak pesanan' }),
    ];
    const file = write(dir, 'a.ndjson', [...body, body[0]].join('\n'));
    const first = await ingestFiles({ db, files: [file] });
    expect(first.files[0]!.events).toMatchObject({ statuses: 2, inbound: 1 });
    expect(first.files[0]!.duplicates).toBe(2);
    const before = await queryStats(db, {});
    const second = await ingestFiles({ db, files: [file] });
    expect(second.files[0]!.events).toMatchObject({ statuses: 0, inbound: 0 });
    expect(second.files[0]!.duplicates).toBe(5);
    expect(await queryStats(db, {})).toEqual(before);
  });

  it('reads a send log CSV (quoted fields, ISO and Unix seconds, extra columns) and reports bad rows by line', async () => {
    const dir = tempDir();
    const csv = write(dir, 'send.csv', sendLog([
      { wamid: 'wamid.S1', sentAt: '2026-09-21T14:13:20Z', template: 'tagihan_jatuh_tempo', language: 'id', phone: '+62 812-0000-0001', category: 'utility' },
      { wamid: 'wamid.S2', sentAt: T0 + 10, template: 'tagihan_jatuh_tempo', language: 'id', phone: '6281200000002' },
      { wamid: 'wamid.S3', sentAt: 'yesterday', template: 'tagihan_jatuh_tempo', language: 'id', phone: '6281200000003' },
    ]));
    const summary = await ingestFiles({ db: path.join(dir, 'p.duckdb'), files: [csv] });
    const f = summary.files[0]!;
    expect(f.kind).toBe('send-log-csv');
    expect(f.events.sendLog).toBe(2);
    expect(f.rejects).toEqual([{ reason: 'send-log sent_at is neither ISO 8601 nor Unix seconds', count: 1, lines: [4] }]);
    const log = await rows<{ wamid: string; sent_ts: number; category: string | null }>(path.join(dir, 'p.duckdb'), 'SELECT wamid, sent_ts, category FROM send_log ORDER BY wamid');
    expect(log.map((r) => [r.wamid, Number(r.sent_ts), r.category])).toEqual([['wamid.S1', T0, 'UTILITY'], ['wamid.S2', T0 + 10, null]]);
  });

  it('names the missing columns of a send log without ingesting anything', async () => {
    const dir = tempDir();
    const csv = write(dir, 'send.csv', 'wamid,when,template_name\nwamid.1,2026-01-01,x\n');
    await expect(ingestFiles({ db: path.join(dir, 'p.duckdb'), files: [csv] })).rejects.toThrow(/send\.csv:1: the send log's header has no `sent_at`, `template_language` column/);
  });

  it('refuses a file it cannot identify, before writing anything', async () => {
    const dir = tempDir();
    const file = write(dir, 'notes.txt', 'hello\nworld\n');
    await expect(ingestFiles({ db: path.join(dir, 'p.duckdb'), files: [file] })).rejects.toBeInstanceOf(AnalyticsError);
  });

  it('keeps unknown statuses and change fields without failing, and pseudonymises phone numbers', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.duckdb');
    const file = write(dir, 'x.ndjson', [
      statuses({ wamid: 'wamid.A', status: 'deleted', ts: T0, phone: '6281200000001' }),
      envelope({ message_echoes: [{ from: '4915511223344', to: '6281200000001', id: 'wamid.E', timestamp: String(T0), type: 'text', text: { body: 'hi' } }] }, 'smb_message_echoes'),
    ].join('\n'));
    const summary = await ingestFiles({ db, files: [file] });
    expect(summary.files[0]!.events).toMatchObject({ statuses: 1, otherEvents: 1 });
    const stored = await rows<{ status: string; phone_h: string }>(db, 'SELECT status, phone_h FROM status_events');
    expect(stored[0]!.status).toBe('deleted');
    expect(stored[0]!.phone_h).toMatch(/^p_[0-9a-f]{24}$/);
    const other = await rows<{ field: string; line_no: number }>(db, 'SELECT field, line_no FROM other_events');
    expect(other.map((o) => [o.field, Number(o.line_no)])).toEqual([['smb_message_echoes', 2]]);
  });

  it('accepts a JSON array of webhook bodies and a template_analytics export', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.duckdb');
    const array = write(dir, 'bodies.json', `[\n${[statuses({ wamid: 'wamid.A', status: 'sent', ts: T0, callback: 'tpl=a;lang=en' })].join(',\n')}\n]`);
    const analytics = write(dir, 'ta.json', JSON.stringify({ data: [{ granularity: 'DAILY', data_points: [
      { template_id: '111', start: 1790035200, end: 1790121600, sent: 5, delivered: 4, read: 2,
        clicked: [{ type: 'url_button', button_content: 'Track', count: 3 }, { type: 'unique_url_button', button_content: 'Track', count: 2 }],
        cost: [{ type: 'amount_spent', value: 1.25 }] },
      { start: 1790035200 },
    ] }] }, null, 2));
    const summary = await ingestFiles({ db, files: [array, analytics] });
    expect(summary.files.map((f) => f.kind)).toEqual(['webhooks-document', 'template-analytics']);
    expect(summary.files[0]!.events.statuses).toBe(1);
    expect(summary.files[1]!.events.analyticsPoints).toBe(1);
    expect(summary.files[1]!.rejects).toEqual([{ reason: 'data point without template_id or a numeric start', count: 1, lines: [2] }]);
    const points = await rows<{ day: string; url_clicks: number; url_clicks_unique: number; amount_spent: number }>(db, "SELECT strftime(day, '%Y-%m-%d') AS day, url_clicks, url_clicks_unique, amount_spent FROM analytics_points");
    expect(points.map((p) => [p.day, Number(p.url_clicks), Number(p.url_clicks_unique), p.amount_spent])).toEqual([['2026-09-22', 3, 2, 1.25]]);
    // the same export again changes nothing
    const again = await ingestFiles({ db, files: [analytics] });
    expect(again.files[0]!.events.analyticsPoints).toBe(0);
    expect(again.files[0]!.duplicates).toBe(1);
  });

  it('refuses to mix pseudonymised and raw phone numbers in one database', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.duckdb');
    const file = write(dir, 'a.ndjson', preference('6281200000001', 'stop', T0));
    await ingestFiles({ db, files: [file] });
    await expect(ingestFiles({ db, files: [file], keepPii: true })).rejects.toThrow(/pseudonymised phone numbers; ingest without --keep-pii/);
  });
});
