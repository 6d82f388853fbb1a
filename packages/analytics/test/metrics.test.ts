import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFiles, queryStats, type StatsRow } from '../src/index.js';
import { envelope, inbound, preference, sendLog, statuses, T0, tempDir, write } from './helpers.js';

const DAY = 86_400;
const P1 = '6281200000001';
const P2 = '6281200000002';

async function statsOf(lines: string[], query: Parameters<typeof queryStats>[1] = {}, extra: Record<string, string> = {}): Promise<StatsRow[]> {
  const dir = tempDir();
  const files = [write(dir, 'hooks.ndjson', lines.join('\n') + '\n')];
  for (const [name, content] of Object.entries(extra)) files.push(write(dir, name, content));
  const db = path.join(dir, 'p.duckdb');
  await ingestFiles({ db, files });
  return queryStats(db, query);
}

const cb = (template: string, language = 'en_US'): string => `camp=x;tpl=${template};lang=${language}`;

describe('per-message state from Meta timestamps', () => {
  it('read implies delivered, delivered outranks failed, and failed keeps the earliest error', async () => {
    const [row] = await statsOf([
      statuses({ wamid: 'wamid.R', status: 'read', ts: T0 + 30, phone: P1, callback: cb('t') }),
      statuses({ wamid: 'wamid.R', status: 'sent', ts: T0, phone: P1, callback: cb('t') }),
      statuses({ wamid: 'wamid.F', status: 'failed', ts: T0 + 10, phone: P2, callback: cb('t'), errorCode: 131049 }),
      statuses({ wamid: 'wamid.F', status: 'delivered', ts: T0 + 20, phone: P2, callback: cb('t') }),
      statuses({ wamid: 'wamid.X', status: 'failed', ts: T0 + 50, phone: P2, callback: cb('t'), errorCode: 131026 }),
      statuses({ wamid: 'wamid.X', status: 'failed', ts: T0 + 40, phone: P2, callback: cb('t'), errorCode: 130472 }),
    ]);
    expect(row).toMatchObject({ template: 't', attempted: 3, sent: 2, delivered: 2, read: 1, failed: 1, deliveryRate: 2 / 3, readRate: 0.5, failureRate: 1 / 3, ttrP50Seconds: 30 });
  });

  it('uses the send log first, then biz_opaque_callback_data (pairs or JSON), and counts the rest as unattributed', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.duckdb');
    const hooks = write(dir, 'h.ndjson', [
      statuses({ wamid: 'wamid.L', status: 'sent', ts: T0, phone: P1, callback: cb('other') }),
      statuses({ wamid: 'wamid.C', status: 'sent', ts: T0, phone: P1, callback: JSON.stringify({ template: 'json_tpl', language: 'pt_BR' }) }),
      statuses({ wamid: 'wamid.U', status: 'sent', ts: T0, phone: P1 }),
    ].join('\n'));
    const log = write(dir, 'send.csv', sendLog([
      { wamid: 'wamid.L', sentAt: T0 - 2, template: 'logged', language: 'id', phone: P1 },
      { wamid: 'wamid.N', sentAt: T0 - 2, template: 'logged', language: 'id', phone: P2 },
    ]));
    const summary = await ingestFiles({ db, files: [hooks, log] });
    expect(summary.unattributedMessages).toBe(1);
    const rows = await queryStats(db, {});
    expect(rows.map((r) => [r.template, r.language, r.attempted, r.sent])).toEqual([['json_tpl', 'pt_BR', 1, 1], ['logged', 'id', 2, 1]]);
  });

  it('cohorts by send time in the chosen time zone and filters inclusive dates there', async () => {
    // 2026-10-01T20:00Z is 2026-10-02 03:00 in Jakarta.
    const sent = Date.UTC(2026, 9, 1, 20) / 1000;
    const lines = [statuses({ wamid: 'wamid.Z', status: 'sent', ts: sent, phone: P1, callback: cb('t') })];
    const utc = await statsOf(lines, { by: ['day'] });
    expect(utc.map((r) => r.day)).toEqual(['2026-10-01']);
    const jakarta = await statsOf(lines, { by: ['day'], tz: 'Asia/Jakarta' });
    expect(jakarta.map((r) => r.day)).toEqual(['2026-10-02']);
    expect(await statsOf(lines, { tz: 'Asia/Jakarta', from: '2026-10-01', to: '2026-10-01' })).toEqual([]);
  });
});

describe('clicks, replies and opt-outs', () => {
  const base = [
    statuses({ wamid: 'wamid.A', status: 'delivered', ts: T0, phone: P1, userId: 'ID.1', callback: cb('promo', 'es_MX') }),
    statuses({ wamid: 'wamid.B', status: 'delivered', ts: T0, phone: P2, callback: cb('promo', 'es_MX') }),
  ];

  it('counts quick-reply taps as clicks and replies, but not opt-out buttons, reactions or taps without context', async () => {
    const [row] = await statsOf([
      ...base,
      inbound({ id: 'wamid.i1', ts: T0 + 60, phone: P1, context: 'wamid.A', button: 'Ver ofertas' }),
      inbound({ id: 'wamid.i2', ts: T0 + 61, phone: P1, context: 'wamid.A', button: 'Ver ofertas' }),
      inbound({ id: 'wamid.i3', ts: T0 + 60, phone: P2, context: 'wamid.B', button: 'Parar promociones' }),
      inbound({ id: 'wamid.i4', ts: T0 + 70, phone: P2, context: 'wamid.B', type: 'reaction' }),
      inbound({ id: 'wamid.i5', ts: T0 + 80, phone: P2, button: 'Ver ofertas' }),
    ]);
    expect(row).toMatchObject({ clicked: 1, replied: 1, optedOut: 1, clickRate: 0.5, optOutRate: 0.5 });
  });

  it('detects whole-message opt-out keywords in every language but not decoys such as CANCEL or "stop by the store"', async () => {
    const replies = ['STOP', ' baja 🙏', 'Sair.', 'berhenti', 'Parar', 'CANCEL', 'cancelar', 'stop by the store?', 'STOPPED at 5'];
    const lines = [...base];
    replies.forEach((text, i) => {
      const wamid = `wamid.M${i}`;
      const phone = `62813000000${i}`;
      lines.push(statuses({ wamid, status: 'delivered', ts: T0, phone, callback: cb('promo', 'es_MX') }));
      lines.push(inbound({ id: `wamid.r${i}`, ts: T0 + 100, phone, text }));
    });
    const [row] = await statsOf(lines);
    expect(row!.optedOut).toBe(5);
    expect(row!.replied).toBe(0); // no context: replies count only in context
  });

  it('attributes an opt-out to the last message delivered to that person within 7 days, whatever the category', async () => {
    const rows = await statsOf([
      statuses({ wamid: 'wamid.OLD', status: 'delivered', ts: T0 - 10 * DAY, phone: P1, callback: cb('old_utility') }),
      statuses({ wamid: 'wamid.U1', status: 'delivered', ts: T0, phone: P1, callback: cb('utility_a') }),
      statuses({ wamid: 'wamid.U2', status: 'delivered', ts: T0 + DAY, phone: P1, callback: cb('utility_b') }),
      // the stop comes after U2's delivery: U2 gets it, not U1; a later resume does not undo it
      preference(P1, 'stop', T0 + DAY + 5),
      preference(P1, 'resume', T0 + 2 * DAY),
      // a person whose last delivery is 8 days before the stop: not attributed
      statuses({ wamid: 'wamid.P2', status: 'delivered', ts: T0 - 8 * DAY, phone: P2, callback: cb('utility_a') }),
      inbound({ id: 'wamid.s2', ts: T0, phone: P2, text: 'STOP' }),
    ]);
    const optedOut = Object.fromEntries(rows.map((r) => [r.template, r.optedOut]));
    expect(optedOut).toEqual({ old_utility: 0, utility_a: 0, utility_b: 1 });
  });

  it('breaks ties on delivery time by the later send time, then the greater wamid', async () => {
    const rows = await statsOf([
      statuses({ wamid: 'wamid.T1', status: 'sent', ts: T0 - 20, phone: P1, callback: cb('first') }),
      statuses({ wamid: 'wamid.T1', status: 'delivered', ts: T0, phone: P1, callback: cb('first') }),
      statuses({ wamid: 'wamid.T2', status: 'sent', ts: T0 - 10, phone: P1, callback: cb('second') }),
      statuses({ wamid: 'wamid.T2', status: 'delivered', ts: T0, phone: P1, callback: cb('second') }),
      statuses({ wamid: 'wamid.T3', status: 'sent', ts: T0 - 5, phone: P2, callback: cb('third') }),
      statuses({ wamid: 'wamid.T3', status: 'delivered', ts: T0, phone: P2, callback: cb('third') }),
      statuses({ wamid: 'wamid.T4', status: 'sent', ts: T0 - 5, phone: P2, callback: cb('fourth') }),
      statuses({ wamid: 'wamid.T4', status: 'delivered', ts: T0, phone: P2, callback: cb('fourth') }),
      inbound({ id: 'wamid.x1', ts: T0, phone: P1, text: 'stop' }),
      inbound({ id: 'wamid.x2', ts: T0 + 1, phone: P2, text: 'STOP' }),
    ]);
    expect(Object.fromEntries(rows.map((r) => [r.template, r.optedOut]))).toEqual({ first: 0, second: 1, third: 0, fourth: 1 });
  });

  it('links a person who writes only with a user id (BSUID) to the messages sent to their phone', async () => {
    const [row] = await statsOf([
      ...base,
      inbound({ id: 'wamid.b1', ts: T0 + 10, userId: 'ID.1', text: 'BAJA' }),
    ]);
    expect(row!.optedOut).toBe(1);
  });
});

describe('categories, URL clicks and time to read', () => {
  it('reports a re-categorised template under its latest category, with URL clicks from template_analytics', async () => {
    const rows = await statsOf(
      [
        statuses({ wamid: 'wamid.A', status: 'sent', ts: T0, phone: P1, callback: cb('order_ready', 'es') }),
        envelope({ message_template_id: 902341187766999, message_template_name: 'order_ready', message_template_language: 'es', previous_category: 'UTILITY', new_category: 'MARKETING' }, 'template_category_update', T0 + DAY),
      ],
      {},
      {
        'templates.json': JSON.stringify({ data: [{ id: '902341187766999', name: 'order_ready', language: 'es', category: 'UTILITY', status: 'APPROVED' }] }),
        'analytics.json': JSON.stringify({ template_analytics: { data: [{ data_points: [
          { template_id: '902341187766999', start: T0 - (T0 % DAY), end: T0 - (T0 % DAY) + DAY, sent: 1, delivered: 1, read: 0,
            clicked: [{ type: 'url_button', count: 4 }, { type: 'unique_url_button', count: 3 }] },
        ] }] }, id: '210987654321098' }),
      },
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ template: 'order_ready', category: 'MARKETING', urlClicks: 4, urlClicksUnique: 3 });
  });

  it('computes time-to-read percentiles as exact order statistics', async () => {
    const delays = [10, 20, 30, 40, 50, 60, 70, 80, 90, 1000];
    const lines = delays.flatMap((d, i) => [
      statuses({ wamid: `wamid.t${i}`, status: 'sent', ts: T0, phone: `6281400000${i}`, callback: cb('t') }),
      statuses({ wamid: `wamid.t${i}`, status: 'read', ts: T0 + d, phone: `6281400000${i}`, callback: cb('t') }),
    ]);
    const [row] = await statsOf(lines);
    expect(row).toMatchObject({ read: 10, ttrP50Seconds: 50, ttrP90Seconds: 90 });
  });
});
