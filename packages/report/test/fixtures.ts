import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestFiles } from '@pesan/analytics';

/**
 * A tiny webhook export with exactly known numbers (Meta's shapes, webhooks.md §1), ingested into a temporary
 * database; and a drafts folder for the lint join. Shared by the unit tests and the browser tests.
 *
 * Day A = 2026-09-21 (a Monday), day B = 2026-09-22; messages are sent at 14:13:20 UTC.
 *   order_shipped · en_US (UTILITY): A: w1 read after 30 s, w2 delivered, w3 failed 131026, w4 read after 2 h;
 *                                    B: w5 read after 10 min, w6 delivered + a quick-reply tap.
 *   promo_sale · en_US (MARKETING):  A: p1 read after 30 s, p2 delivered then its person replies "STOP",
 *                                       p3 failed 131049; B: p4 read after 25 h.
 *   Template events: order_shipped APPROVED (A), payment_due · id UTILITY → MARKETING (B), bad_promo · en_US
 *   REJECTED (A). Drafts: order_shipped (clean), promo_sale and payment_due (with errors), bad_promo (clean).
 */
export const DAY_A = '2026-09-21';
export const DAY_B = '2026-09-22';
export const T_A = Date.parse(`${DAY_A}T14:13:20Z`) / 1000;
export const T_B = T_A + 86_400;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export function tempDir(prefix = 'pesan-report-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function envelope(value: object, field = 'messages'): string {
  return JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '210987654321098', changes: [{ field, value }] }] });
}

const metadata = { display_phone_number: '4915511223344', phone_number_id: '318765432109876' };

export interface StatusSpec {
  wamid: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  ts: number;
  phone: string;
  template: string;
  language?: string;
  error?: { code: number; title: string };
}

export function status(s: StatusSpec): string {
  return envelope({
    messaging_product: 'whatsapp',
    metadata,
    statuses: [{
      id: s.wamid,
      status: s.status,
      timestamp: String(s.ts),
      recipient_id: s.phone,
      biz_opaque_callback_data: `tpl=${s.template};lang=${s.language ?? 'en_US'}`,
      ...(s.error ? { errors: [{ code: s.error.code, title: s.error.title, message: s.error.title }] } : {}),
    }],
  });
}

/** A message's statuses: sent at `at`, delivered a second later, read `readAfter` seconds after sending. */
export function message(wamid: string, template: string, at: number, phone: string, outcome: { readAfter?: number; delivered?: boolean; fail?: { code: number; title: string } }, language = 'en_US'): string[] {
  if (outcome.fail) return [status({ wamid, status: 'failed', ts: at, phone, template, language, error: outcome.fail })];
  const lines = [status({ wamid, status: 'sent', ts: at, phone, template, language })];
  if (outcome.delivered || outcome.readAfter !== undefined) lines.push(status({ wamid, status: 'delivered', ts: at + 1, phone, template, language }));
  if (outcome.readAfter !== undefined) lines.push(status({ wamid, status: 'read', ts: at + outcome.readAfter, phone, template, language }));
  return lines;
}

export function inboundText(id: string, phone: string, ts: number, body: string, context?: string): string {
  return envelope({
    messaging_product: 'whatsapp',
    metadata,
    contacts: [{ profile: { name: 'Customer' }, wa_id: phone }],
    messages: [{ from: phone, id, timestamp: String(ts), type: 'text', text: { body }, ...(context ? { context: { from: '4915511223344', id: context } } : {}) }],
  });
}

export function inboundButton(id: string, phone: string, ts: number, text: string, context: string): string {
  return envelope({
    messaging_product: 'whatsapp',
    metadata,
    contacts: [{ profile: { name: 'Customer' }, wa_id: phone }],
    messages: [{ from: phone, id, timestamp: String(ts), type: 'button', button: { payload: text, text }, context: { from: '4915511223344', id: context } }],
  });
}

export function templateStatus(name: string, language: string, event: string, ts: number, extra: Record<string, unknown> = {}): string {
  return envelope({ event, message_template_id: Math.abs(hash(name + language)), message_template_name: name, message_template_language: language, reason: 'NONE', ...extra }, 'message_template_status_update').replace(
    '"entry":[{',
    `"entry":[{"time":${ts},`,
  );
}

export function categoryUpdate(name: string, language: string, previous: string, next: string, ts: number): string {
  return envelope({ message_template_id: Math.abs(hash(name + language)), message_template_name: name, message_template_language: language, previous_category: previous, new_category: next }, 'template_category_update').replace(
    '"entry":[{',
    `"entry":[{"time":${ts},`,
  );
}

function hash(text: string): number {
  let h = 7;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) | 0;
  return h;
}

/** The NDJSON lines of the small export described above. */
export function smallExport(): string[] {
  const lines: string[] = [
    templateStatus('order_shipped', 'en_US', 'APPROVED', T_A - 4 * 3600, { message_template_category: 'UTILITY' }),
    templateStatus('promo_sale', 'en_US', 'APPROVED', T_A - 5 * 3600, { message_template_category: 'MARKETING' }),
    templateStatus('bad_promo', 'en_US', 'REJECTED', T_A - 3600, { reason: 'PROMOTIONAL', message_template_category: 'UTILITY' }),
    categoryUpdate('payment_due', 'id', 'UTILITY', 'MARKETING', T_B + 3600),
    ...message('wamid.w1', 'order_shipped', T_A, '6281200000001', { readAfter: 30 }),
    ...message('wamid.w2', 'order_shipped', T_A, '6281200000002', { delivered: true }),
    ...message('wamid.w3', 'order_shipped', T_A, '6281200000003', { fail: { code: 131026, title: 'Message undeliverable' } }),
    ...message('wamid.w4', 'order_shipped', T_A, '6281200000004', { readAfter: 7200 }),
    ...message('wamid.w5', 'order_shipped', T_B, '6281200000005', { readAfter: 600 }),
    ...message('wamid.w6', 'order_shipped', T_B, '6281200000006', { delivered: true }),
    inboundButton('wamid.in1', '6281200000006', T_B + 60, 'Track package', 'wamid.w6'),
    ...message('wamid.p1', 'promo_sale', T_A, '6281200000011', { readAfter: 30 }),
    ...message('wamid.p2', 'promo_sale', T_A, '6281200000012', { delivered: true }),
    inboundText('wamid.in2', '6281200000012', T_A + 300, 'STOP'),
    ...message('wamid.p3', 'promo_sale', T_A, '6281200000013', { fail: { code: 131049, title: 'This message was not delivered to maintain healthy ecosystem engagement.' } }),
    ...message('wamid.p4', 'promo_sale', T_B, '6281200000014', { readAfter: 90_000 }),
  ];
  return lines;
}

/** Drafts for the lint join, made from the repository's own fixtures (so they follow the draft format exactly). */
export function writeDrafts(dir: string): string {
  const drafts = path.join(dir, 'drafts');
  mkdirSync(drafts, { recursive: true });
  const valid = readFileSync(path.join(repoRoot, 'fixtures', 'templates', 'valid', 'order_shipped.en.md'), 'utf8');
  const invalid = readFileSync(path.join(repoRoot, 'fixtures', 'templates', 'invalid', 'pengingat_pembayaran.id.md'), 'utf8');
  writeFileSync(path.join(drafts, 'order_shipped.en.md'), valid);
  // A different body: two drafts with one text would be a `duplicate-content` finding.
  const other = valid.replace('name: order_shipped', 'name: bad_promo').replace('your order {{2}} has shipped', 'your parcel {{2}} left our warehouse');
  writeFileSync(path.join(drafts, 'bad_promo.en.md'), other);
  writeFileSync(path.join(drafts, 'promo_sale.en.md'), invalid.replace('name: pengingat_pembayaran', 'name: promo_sale').replace('language: id', 'language: en_US'));
  writeFileSync(path.join(drafts, 'payment_due.id.md'), invalid.replace('name: pengingat_pembayaran', 'name: payment_due'));
  return drafts;
}

/** Ingests lines (and optional extra files) into a new database in a new temporary folder. */
export async function buildDatabase(lines: string[], extra: Record<string, string> = {}): Promise<{ dir: string; db: string }> {
  const dir = tempDir();
  const files = [path.join(dir, 'hooks.ndjson')];
  writeFileSync(files[0]!, `${lines.join('\n')}\n`);
  for (const [name, content] of Object.entries(extra)) {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    files.push(file);
  }
  const db = path.join(dir, 'pesan.duckdb');
  await ingestFiles({ db, files });
  return { dir, db };
}
