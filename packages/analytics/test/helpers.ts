import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Small hand-written webhook payloads (Meta's shapes, webhooks.md §1) for focused tests. */
export const T0 = 1_790_000_000; // 2026-09-21T14:13:20Z

export function tempDir(prefix = 'pesan-analytics-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function envelope(value: object, field = 'messages', time?: number): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '210987654321098', ...(time === undefined ? {} : { time }), changes: [{ field, value }] }],
  });
}

export interface StatusInput {
  wamid: string;
  status: string;
  ts: number;
  phone?: string;
  userId?: string;
  callback?: string;
  errorCode?: number;
}

export function statuses(...items: StatusInput[]): string {
  return envelope({
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: '4915511223344', phone_number_id: '318765432109876' },
    statuses: items.map((s) => ({
      id: s.wamid,
      status: s.status,
      timestamp: String(s.ts),
      ...(s.phone ? { recipient_id: s.phone } : {}),
      ...(s.userId ? { recipient_user_id: s.userId } : {}),
      ...(s.callback ? { biz_opaque_callback_data: s.callback } : {}),
      ...(s.errorCode ? { errors: [{ code: s.errorCode, title: `Error ${s.errorCode}`, message: `Error ${s.errorCode}` }] } : {}),
    })),
  });
}

export interface InboundInput {
  id: string;
  ts: number;
  phone?: string;
  userId?: string;
  context?: string;
  text?: string;
  button?: string;
  type?: string;
}

export function inbound(m: InboundInput): string {
  const type = m.type ?? (m.button !== undefined ? 'button' : 'text');
  return envelope({
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: '4915511223344', phone_number_id: '318765432109876' },
    contacts: [{ profile: { name: 'Customer' }, wa_id: m.phone ?? '', ...(m.userId ? { user_id: m.userId } : {}) }],
    messages: [{
      ...(m.phone ? { from: m.phone } : {}),
      ...(m.userId ? { from_user_id: m.userId } : {}),
      id: m.id,
      timestamp: String(m.ts),
      type,
      ...(m.context ? { context: { from: '4915511223344', id: m.context } } : {}),
      ...(type === 'text' ? { text: { body: m.text ?? '' } } : {}),
      ...(type === 'button' ? { button: { payload: m.button, text: m.button } } : {}),
      ...(type === 'reaction' ? { reaction: { message_id: m.context, emoji: '👍' } } : {}),
    }],
  });
}

export function preference(phone: string, value: 'stop' | 'resume', ts: number): string {
  return envelope({
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: '4915511223344', phone_number_id: '318765432109876' },
    contacts: [{ profile: { name: 'Customer' }, wa_id: phone }],
    user_preferences: [{ wa_id: phone, detail: 'User requested to stop marketing messages', category: 'marketing_messages', value, timestamp: ts }],
  }, 'user_preferences');
}

export function sendLog(rows: { wamid: string; sentAt: number | string; template: string; language: string; phone: string; category?: string }[]): string {
  const header = 'wamid,sent_at,template_name,template_language,recipient,category,notes';
  return [header, ...rows.map((r) => `${r.wamid},${r.sentAt},${r.template},${r.language},${r.phone},${r.category ?? ''},"a, quoted ""note"""`)].join('\n') + '\n';
}

export function write(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}
