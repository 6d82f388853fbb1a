// webhooks.ndjson: turns the truth table into the POST bodies Meta would deliver, with the delivery noise a real
// export has (all of it leaves the truth unchanged):
// - arrival time = event time + delay (mostly seconds, some minutes/hours: natural out-of-order), plus forced
//   inversions (late `sent` after `delivered`, `read` line before `delivered`);
// - statuses batched per business number, up to 5 per POST (different recipients allowed);
// - ~2% of status events re-sent inside a different batch; ~3% of POST bodies re-sent as exact duplicate lines;
// - a fraction of lines wrapped as {"received_at", "body"}.
// Events are planned into typed arrays and sorted once by (arrival, event index) packed into a double; lines are
// built while streaming, so only the sort keys and a small duplicate queue are in memory, never the JSON.
import { int32, uint8 } from './columns.js';
import type { Wamids } from './ids.js';
import { ERROR_CODES, ERROR_TEXT, REACTION_EMOJI } from './lexicon.js';
import type { Rng } from './prng.js';
import {
  EXTRA_NONE, EXTRA_PLAYED, IF_CONTEXT, IN_BUTTON, IN_INTERACTIVE, IN_REACTION, IN_TEXT, IN_UNSUPPORTED, IN_WELCOME,
  M_HELD, NONE, OPAQUE_JSON, OPAQUE_KV, OPT_OUT_VARIANT, UNSUPPORTED_TYPES, type Simulation,
} from './simulate.js';
import { CATEGORIES } from './templates.js';
import { DAY, isoSeconds } from './time.js';

export const WABA_ID = '245813976024601';
export const BUSINESS_NUMBERS = [
  { display: '15550103344', id: '301928374650112' },
  { display: '6281299887766', id: '301928374650987' },
] as const;

const K_SENT = 0;
const K_DELIVERED = 1;
const K_READ = 2;
const K_FAILED = 3;
const K_EXTRA = 4;
const K_INBOUND = 5;
const K_PREF = 6;
const K_TEMPLATE = 7;
const K_REBATCHED = 8; // flag on status kinds: a re-sent copy of that status

const STATUS_NAMES = ['sent', 'delivered', 'read', 'failed'] as const;
const TYPE_NAMES = ['button', 'interactive', 'text', 'reaction', 'request_welcome', 'unsupported'] as const;

export interface LineSink {
  /** Queues a line (without newline); true when the caller should await flush(). */
  push(line: string): boolean;
  flush(): Promise<void>;
}

export interface EmitStats {
  lines: number;
  duplicateLines: number;
  rebatchedStatuses: number;
  outOfOrderPairs: number;
  /** Distinct status events (sent/delivered/read/failed/played/deleted), without re-sent copies. */
  statuses: number;
  templateEvents: number;
}

/** Campaign label carried in biz_opaque_callback_data: ISO-like week of the period + template. */
export function campaignOf(sim: Simulation, i: number): string {
  const tpl = sim.catalog.templates[sim.messages.template[i]!]!;
  return `w${Math.floor(sim.messages.sendAt[i]! / (7 * DAY)) + 1}_${tpl.name}`;
}

/** biz_opaque_callback_data of message i, or null. */
export function opaqueOf(sim: Simulation, i: number): string | null {
  const kind = sim.messages.opaque[i]!;
  if (kind !== OPAQUE_KV && kind !== OPAQUE_JSON) return null;
  const tpl = sim.catalog.templates[sim.messages.template[i]!]!;
  const camp = campaignOf(sim, i);
  return kind === OPAQUE_KV
    ? `tpl=${tpl.name};lang=${tpl.language};camp=${camp}`
    : JSON.stringify({ template: tpl.name, language: tpl.language, campaign: camp });
}

const ERROR_JSON = ERROR_CODES.map((code) => {
  const e = ERROR_TEXT[code]!;
  return `[{"code":${code},"title":${JSON.stringify(e.title)},"message":${JSON.stringify(e.title)},`
    + `"error_data":{"details":${JSON.stringify(e.details)}},`
    + `"href":"https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"}]`;
});

function envelope(field: string, value: string, time?: number): string {
  const t = time === undefined ? '' : `"time":${time},`;
  return `{"object":"whatsapp_business_account","entry":[{"id":"${WABA_ID}",${t}"changes":[{"field":"${field}","value":${value}}]}]}`;
}

function metadata(phone: number): string {
  const n = BUSINESS_NUMBERS[phone]!;
  return `"messaging_product":"whatsapp","metadata":{"display_phone_number":"${n.display}","phone_number_id":"${n.id}"}`;
}

/** Min-heap of scheduled duplicate lines by (arrival, sequence). */
class DuplicateQueue {
  private items: { at: number; seq: number; line: string }[] = [];
  private seq = 0;

  get size(): number {
    return this.items.length;
  }

  peekAt(): number {
    return this.items[0]!.at;
  }

  push(at: number, line: string): void {
    const items = this.items;
    items.push({ at, seq: this.seq++, line });
    let i = items.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      [items[i], items[p]] = [items[p]!, items[i]!];
      i = p;
    }
  }

  pop(): string {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let s = i;
        if (l < items.length && this.less(l, s)) s = l;
        if (r < items.length && this.less(r, s)) s = r;
        if (s === i) break;
        [items[i], items[s]] = [items[s]!, items[i]!];
        i = s;
      }
    }
    return top.line;
  }

  private less(a: number, b: number): boolean {
    const x = this.items[a]!;
    const y = this.items[b]!;
    return x.at < y.at || (x.at === y.at && x.seq < y.seq);
  }
}

interface Batch {
  start: number;
  last: number;
  target: number;
  events: number[];
}

export class WebhookEmitter {
  private readonly kind: Uint8Array;
  private readonly ref: Int32Array;
  private readonly arrival: Int32Array;
  private readonly keys: Float64Array;
  private readonly idxScale: number;
  /** 0 no pricing, 1 on `sent`, 2 on `delivered`. */
  private readonly pricingOn: Uint8Array;
  private readonly templateLines: string[] = [];
  /** Statuses of a batch span at most this many seconds of arrival time; re-sent copies come later than that. */
  readonly batchWindow: number;
  readonly stats: EmitStats;

  constructor(private readonly sim: Simulation, private readonly wamids: Wamids, rng: Rng) {
    const m = sim.messages;
    const N = m.count;
    const H = sim.horizon;
    this.batchWindow = Math.min(900, Math.max(2, Math.round((2 * sim.days * DAY) / Math.max(1, N))));
    const W = this.batchWindow;
    const cap = Math.ceil(N * 3);
    const kind = uint8(cap);
    const ref = int32(cap);
    const arrival = int32(cap);
    const push = (k: number, r: number, a: number): number => {
      kind.push(k);
      ref.push(r);
      return arrival.push(a);
    };
    const late = (ts: number): number => {
      const r = rng.float();
      const d = r < 0.93 ? rng.int(0, 3) : r < 0.99 ? rng.int(4, 600) : rng.int(600, 6 * 3600);
      return Math.min(H, ts + d);
    };
    this.pricingOn = new Uint8Array(N);
    let rebatched = 0;
    let outOfOrder = 0;
    let statuses = 0;
    const ts = [0, 0, 0, 0];
    const arr = [0, 0, 0, 0];
    const idx = [0, 0, 0, 0];
    for (let i = 0; i < N; i++) {
      if (m.flags[i]! & M_HELD) continue;
      ts[K_SENT] = m.sentTs[i]!;
      ts[K_DELIVERED] = m.deliveredTs[i]!;
      ts[K_READ] = m.readTs[i]!;
      ts[K_FAILED] = m.failedTs[i]!;
      for (let k = 0; k < 4; k++) arr[k] = ts[k] === NONE ? NONE : late(ts[k]!);
      if (ts[K_SENT] !== NONE && ts[K_DELIVERED] !== NONE && rng.chance(0.01)) {
        arr[K_SENT] = Math.min(H, Math.max(arr[K_SENT]!, arr[K_DELIVERED]! + rng.int(1, 600)));
      }
      if (ts[K_READ] !== NONE && ts[K_DELIVERED] !== NONE && rng.chance(0.01)) {
        arr[K_DELIVERED] = Math.min(H, Math.max(arr[K_DELIVERED]!, arr[K_READ]! + rng.int(1, 300)));
      }
      for (let k = 0; k < 4; k++) {
        if (ts[k] === NONE) continue;
        idx[k] = push(k, i, arr[k]!);
        statuses++;
      }
      // Pairs whose file order contradicts their timestamps (file order = arrival, then event index).
      for (let a = 0; a < 4; a++) {
        for (let b = 0; b < 4; b++) {
          if (ts[a] === NONE || ts[b] === NONE || !(ts[a]! < ts[b]!)) continue;
          if (arr[b]! < arr[a]! || (arr[b] === arr[a] && idx[b]! < idx[a]!)) outOfOrder++;
        }
      }
      if (m.extra[i] !== EXTRA_NONE) {
        arr[0] = late(m.extraTs[i]!);
        push(K_EXTRA, i, arr[0]);
        statuses++;
      }
      for (let k = 0; k < 4; k++) {
        if (ts[k] === NONE || !rng.chance(0.02)) continue;
        const again = arr[k]! + rng.int(W + 30, W + 3 * 3600);
        if (again > H) continue;
        push(k | K_REBATCHED, i, again);
        rebatched++;
      }
      const delivered = ts[K_DELIVERED] !== NONE;
      if (ts[K_FAILED] === NONE) {
        if (ts[K_SENT] !== NONE && delivered) this.pricingOn[i] = rng.chance(0.5) ? 1 : 2;
        else if (ts[K_SENT] !== NONE) this.pricingOn[i] = 1;
        else if (delivered) this.pricingOn[i] = 2;
      }
    }
    const inb = sim.inbound;
    for (let k = 0; k < inb.count; k++) {
      const d = rng.chance(0.99) ? rng.int(0, 2) : rng.int(60, 3600);
      push(K_INBOUND, k, Math.min(H, inb.ts[k]! + d));
    }
    for (let k = 0; k < sim.prefs.count; k++) push(K_PREF, k, Math.min(H, sim.prefs.ts[k]! + rng.int(0, 3)));
    for (const [at, line] of this.planTemplateEvents()) push(K_TEMPLATE, this.templateLines.push(line) - 1, at + rng.int(0, 5));

    this.kind = kind.view();
    this.ref = ref.view();
    this.arrival = arrival.view();
    const E = this.kind.length;
    let minA = Infinity;
    let maxA = -Infinity;
    for (let e = 0; e < E; e++) {
      const a = this.arrival[e]!;
      if (a < minA) minA = a;
      if (a > maxA) maxA = a;
    }
    // key = (arrival - minA) * 2^bits + event: exact in a double while the product stays below 2^53.
    const bits = Math.max(1, Math.ceil(Math.log2(E + 1)));
    this.idxScale = 2 ** bits;
    if ((maxA - minA + 1) * this.idxScale >= 2 ** 53) throw new Error('generate: too many events for the sort key');
    this.keys = new Float64Array(E);
    for (let e = 0; e < E; e++) this.keys[e] = (this.arrival[e]! - minA) * this.idxScale + e;
    this.keys.sort();
    this.stats = {
      lines: 0, duplicateLines: 0, rebatchedStatuses: rebatched, outOfOrderPairs: outOfOrder, statuses,
      templateEvents: this.templateLines.length,
    };
  }

  /** Template lifecycle webhooks (entry.time, integer template ids) as [relative time, line]. */
  private planTemplateEvents(): [number, string][] {
    const { sim } = this;
    const { templates } = sim.catalog;
    const life = sim.lifecycle;
    const out: [number, string][] = [];
    const abs = (rel: number): number => sim.startUnix + rel;
    const ident = (t: { id: string; name: string; language: string }): string =>
      `"message_template_id":${t.id},"message_template_name":"${t.name}","message_template_language":"${t.language}"`;
    for (const tpl of templates) {
      const at = life.approvedAt[tpl.index]!;
      out.push([at, envelope('message_template_status_update',
        `{"event":"APPROVED",${ident(tpl)},"reason":"NONE","message_template_category":"${CATEGORIES[tpl.category]}"}`, abs(at))]);
    }
    const paused = templates[life.paused.template]!;
    const q = life.quality.at;
    out.push([q, envelope('message_template_quality_update',
      `{"previous_quality_score":"GREEN","new_quality_score":"YELLOW",${ident(paused)}}`, abs(q))]);
    out.push([life.paused.from, envelope('message_template_status_update',
      `{"event":"PAUSED",${ident(paused)},"reason":"NONE","message_template_category":"MARKETING",`
      + `"other_info":{"title":"FIRST_PAUSE","description":"Your WhatsApp message template has been paused for 3 hours."}}`,
      abs(life.paused.from))]);
    out.push([life.paused.to, envelope('message_template_status_update',
      `{"event":"APPROVED",${ident(paused)},"reason":"NONE","message_template_category":"MARKETING",`
      + `"other_info":{"title":"UNPAUSE","description":"Your WhatsApp message template is no longer paused."}}`,
      abs(life.paused.to))]);
    const recat = templates[life.recategorised.template]!;
    out.push([life.recategorised.at, envelope('template_category_update',
      `{${ident(recat)},"previous_category":"UTILITY","new_category":"MARKETING"}`, abs(life.recategorised.at))]);
    const rej = life.rejected;
    out.push([rej.at, envelope('message_template_status_update',
      `{"event":"REJECTED",${ident(rej)},"reason":"INVALID_FORMAT","message_template_category":"MARKETING"}`, abs(rej.at))]);
    return out;
  }

  private contact(u: number): string {
    const users = this.sim.users;
    const name = JSON.stringify(users.name(u));
    if (users.isUsername(u)) {
      return `{"profile":{"name":${name},"username":"${users.username(u)}"},"user_id":"${users.bsuid(u)}"}`;
    }
    return `{"profile":{"name":${name}},"wa_id":"${users.phone(u)}","user_id":"${users.bsuid(u)}"}`;
  }

  private statusJson(i: number, kind: number): string {
    const { sim } = this;
    const m = sim.messages;
    const users = sim.users;
    const u = m.user[i]!;
    const phone = users.phone(u);
    const column = kind === K_SENT ? m.sentTs : kind === K_DELIVERED ? m.deliveredTs : kind === K_READ ? m.readTs
      : kind === K_FAILED ? m.failedTs : m.extraTs;
    const ts = column[i]!;
    const name = kind === K_EXTRA ? (m.extra[i] === EXTRA_PLAYED ? 'played' : 'deleted') : STATUS_NAMES[kind]!;
    let s = `{"id":"${this.wamids.outbound(i, phone)}","status":"${name}","timestamp":"${sim.startUnix + ts}"`;
    if (!users.isUsername(u)) s += `,"recipient_id":"${phone}"`;
    s += `,"recipient_user_id":"${users.bsuid(u)}"`;
    const opaque = opaqueOf(sim, i);
    if (opaque !== null) s += `,"biz_opaque_callback_data":${JSON.stringify(opaque)}`;
    const pricing = this.pricingOn[i]!;
    if ((pricing === 1 && kind === K_SENT) || (pricing === 2 && kind === K_DELIVERED)) {
      s += `,"pricing":{"billable":true,"pricing_model":"PMP","type":"regular","category":"${CATEGORIES[m.category[i]!]!.toLowerCase()}"}`;
    }
    if (kind === K_FAILED) s += `,"errors":${ERROR_JSON[m.failCode[i]!]!}`;
    return `${s}}`;
  }

  private batchLine(phone: number, events: readonly number[]): string {
    const m = this.sim.messages;
    const statuses: string[] = [];
    const contactUsers: number[] = [];
    for (const e of events) {
      const kind = this.kind[e]! & ~K_REBATCHED;
      const i = this.ref[e]!;
      statuses.push(this.statusJson(i, kind));
      // Meta omits contacts for failed statuses.
      const u = m.user[i]!;
      if (kind !== K_FAILED && !contactUsers.includes(u)) contactUsers.push(u);
    }
    const contacts = contactUsers.length > 0 ? `"contacts":[${contactUsers.map((u) => this.contact(u)).join(',')}],` : '';
    return envelope('messages', `{${metadata(phone)},${contacts}"statuses":[${statuses.join(',')}]}`);
  }

  private inboundLine(k: number): string {
    const { sim } = this;
    const inb = sim.inbound;
    const users = sim.users;
    const m = sim.messages;
    const u = inb.user[k]!;
    const phone = users.phone(u);
    const ctx = inb.context[k]!;
    const type = inb.type[k]!;
    const flags = inb.flags[k]!;
    const bizPhone = inb.phone[k]!;
    const ctxWamid = ctx === NONE ? '' : this.wamids.outbound(ctx, users.phone(m.user[ctx]!));
    let s = '{';
    if (flags & IF_CONTEXT) s += `"context":{"from":"${BUSINESS_NUMBERS[m.phone[ctx]!]!.display}","id":"${ctxWamid}"},`;
    if (!users.isUsername(u)) s += `"from":"${phone}",`;
    s += `"from_user_id":"${users.bsuid(u)}","id":"${this.wamids.inbound(k, phone)}",`
      + `"timestamp":"${sim.startUnix + inb.ts[k]!}","type":"${TYPE_NAMES[type]}"`;
    const v = inb.variant[k]!;
    if (type === IN_BUTTON || type === IN_INTERACTIVE) {
      const tpl = sim.catalog.templates[m.template[ctx]!]!;
      const qr = v === OPT_OUT_VARIANT ? tpl.optOut! : tpl.quickReplies[v]!;
      s += type === IN_BUTTON
        ? `,"button":{"payload":${JSON.stringify(qr.payload)},"text":${JSON.stringify(qr.text)}}`
        : `,"interactive":{"type":"button_reply","button_reply":{"id":${JSON.stringify(qr.payload)},"title":${JSON.stringify(qr.text)}}}`;
    } else if (type === IN_TEXT) {
      s += `,"text":{"body":${JSON.stringify(sim.texts.body[v])}}`;
    } else if (type === IN_REACTION) {
      s += `,"reaction":{"message_id":"${ctxWamid}","emoji":"${REACTION_EMOJI[v]}"}`;
    } else if (type === IN_UNSUPPORTED) {
      s += `,"errors":[{"code":131051,"title":"Message type unknown","message":"Message type unknown",`
        + `"error_data":{"details":"Message type is currently not supported."}}],"unsupported":{"type":"${UNSUPPORTED_TYPES[v]}"}`;
    } else if (type !== IN_WELCOME) {
      throw new Error(`generate: unknown inbound type ${type}`);
    }
    s += '}';
    return envelope('messages', `{${metadata(bizPhone)},"contacts":[${this.contact(u)}],"messages":[${s}]}`);
  }

  private prefLine(k: number): string {
    const { sim } = this;
    const p = sim.prefs;
    const users = sim.users;
    const u = p.user[k]!;
    const stop = p.value[k] === 0;
    const waId = users.isUsername(u) ? '' : `"wa_id":"${users.phone(u)}",`;
    const pref = `{${waId}"user_id":"${users.bsuid(u)}","detail":"User requested to ${stop ? 'stop' : 'resume'} marketing messages",`
      + `"category":"marketing_messages","value":"${stop ? 'stop' : 'resume'}","timestamp":${sim.startUnix + p.ts[k]!}}`;
    return envelope('user_preferences', `{${metadata(p.phone[k]!)},"contacts":[${this.contact(u)}],"user_preferences":[${pref}]}`);
  }

  /** Streams every line to the sink in arrival order; `rng` drives batching, wrapping and duplicate lines. */
  async write(sink: LineSink, rng: Rng, wrapFraction: number): Promise<EmitStats> {
    const { sim, stats } = this;
    const W = this.batchWindow;
    const dups = new DuplicateQueue();
    const open: (Batch | null)[] = [null, null];
    const out = async (line: string, at: number): Promise<void> => {
      const text = rng.chance(wrapFraction) ? `{"received_at":"${isoSeconds(sim.startUnix + at)}","body":${line}}` : line;
      stats.lines++;
      if (sink.push(text)) await sink.flush();
      if (rng.chance(0.03)) {
        for (let c = rng.int(1, 3); c > 0; c--) dups.push(at + rng.int(1, 6 * 3600), text);
      }
    };
    const drainDuplicates = async (upTo: number): Promise<void> => {
      while (dups.size > 0 && dups.peekAt() <= upTo) {
        stats.lines++;
        stats.duplicateLines++;
        if (sink.push(dups.pop())) await sink.flush();
      }
    };
    const close = async (phone: number): Promise<void> => {
      const b = open[phone]!;
      open[phone] = null;
      await out(this.batchLine(phone, b.events), b.last);
    };
    const targetSize = (): number => 1 + rng.weighted([45, 25, 15, 10, 5]);
    const scale = this.idxScale;
    const m = sim.messages;
    for (let j = 0; j < this.keys.length; j++) {
      const key = this.keys[j]!;
      const e = key % scale;
      const a = this.arrival[e]!;
      for (let p = 0; p < 2; p++) if (open[p] && a - open[p]!.start > W) await close(p);
      await drainDuplicates(a);
      const kind = this.kind[e]!;
      const r = this.ref[e]!;
      if (kind < K_INBOUND || kind & K_REBATCHED) {
        const p = m.phone[r]!;
        const b = open[p] ?? (open[p] = { start: a, last: a, target: targetSize(), events: [] });
        b.events.push(e);
        b.last = a;
        if (b.events.length >= b.target) await close(p);
      } else if (kind === K_INBOUND) {
        await out(this.inboundLine(r), a);
      } else if (kind === K_PREF) {
        await out(this.prefLine(r), a);
      } else {
        await out(this.templateLines[r]!, a);
      }
    }
    const rest = [0, 1].filter((p) => open[p]).sort((x, y) => open[x]!.start - open[y]!.start);
    for (const p of rest) {
      await drainDuplicates(open[p]!.last);
      await close(p);
    }
    await drainDuplicates(Infinity);
    return stats;
  }
}
