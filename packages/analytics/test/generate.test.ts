// The synthetic export generator: determinism, fixture freshness, and, most importantly, that the emitted FILES
// carry the truth. A small reference ingest below re-derives every truth.json number from the files alone, using
// only the written metric rules (dedupe, join, cohort, attribution, quantile_disc), independently of the generator's
// tables. If it agrees, the noise really is truth-neutral and the ingest has a reachable target.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { generateExport, type GenerateSummary } from '../src/generate/index.js';
import { quantileDisc } from '../src/generate/truth.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const fixtureDir = path.join(repo, 'fixtures', 'webhooks');
const tmpRoot = mkdtempSync(path.join(os.tmpdir(), 'pesan-generate-'));
afterAll(() => rmSync(tmpRoot, { recursive: true, force: true }));
const tmp = (name: string): string => path.join(tmpRoot, name);

// ---------------------------------------------------------------------------------------------------------------
// Reference ingest (deliberately naive: plain objects, whole files in memory; fine for a few thousand messages).

type Json = Record<string, unknown>;
const LEXICON = new Set(['STOP', 'UNSUBSCRIBE', 'STOP PROMOTIONS', 'BERHENTI', 'STOP PROMO', 'BAJA', 'PARAR', 'DETENER', 'SAIR']);
const OPT_OUT_BUTTONS = new Set(['STOP PROMOTIONS', 'PARAR PROMOCIONES', 'PARAR PROMOCOES', 'STOP PROMOSI']);
const WINDOW = 7 * 86400;

function fold(text: string): string {
  return text
    .replace(/^[\s\p{P}\p{S}\p{M}\u200d]+|[\s\p{P}\p{S}\p{M}\u200d]+$/gu, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase();
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

interface RefMessage {
  wamid: string;
  template: string;
  language: string;
  logged: boolean;
  sentAt: number | null;
  user: string | null;
  statuses: Map<string, number>;
  failCode: number | null;
  failTs: number;
  clicked: boolean;
  replied: boolean;
}

interface RefResult {
  rows: Json[];
  overall: Json;
  byDayUtc: Json[];
  byDayTz: Json[];
  failuresByCode: Json[];
  unattributed: number;
  optOuts: { events: number; attributed: number; unattributed: number; byKind: Json; keyword: string[]; decoy: string[] };
  lines: string[];
}

function referenceIngest(dir: string, tz: string): RefResult {
  const hooksGz = path.join(dir, 'webhooks.ndjson.gz');
  const raw = readdirSync(dir).includes('webhooks.ndjson.gz')
    ? gunzipSync(readFileSync(hooksGz)).toString('utf8')
    : readFileSync(path.join(dir, 'webhooks.ndjson'), 'utf8');
  const lines = raw.split('\n').filter((l) => l !== '');
  const statusTs = new Map<string, Map<string, number>>(); // wamid -> status -> min ts
  const statusInfo = new Map<string, { user: string; opaque: string | null; failCode: number | null; failTs: number }>();
  const inbound = new Map<string, Json>();
  const prefs = new Map<string, { user: string; value: string; ts: number }>();
  for (const line of lines) {
    let body = JSON.parse(line) as Json;
    if ('received_at' in body) body = body.body as Json;
    for (const entry of body.entry as Json[]) {
      for (const change of entry.changes as Json[]) {
        const v = change.value as Json;
        if (change.field === 'messages') {
          for (const s of (v.statuses as Json[] | undefined) ?? []) {
            const id = s.id as string;
            const ts = Number(s.timestamp);
            const per = statusTs.get(id) ?? new Map<string, number>();
            statusTs.set(id, per);
            const st = s.status as string;
            per.set(st, Math.min(per.get(st) ?? Infinity, ts));
            const info = statusInfo.get(id) ?? { user: s.recipient_user_id as string, opaque: null, failCode: null, failTs: Infinity };
            if (typeof s.biz_opaque_callback_data === 'string') info.opaque = s.biz_opaque_callback_data;
            if (st === 'failed' && ts < info.failTs) {
              info.failTs = ts;
              info.failCode = ((s.errors as Json[])[0]!.code as number);
            }
            statusInfo.set(id, info);
          }
          for (const msg of (v.messages as Json[] | undefined) ?? []) inbound.set(msg.id as string, msg);
        } else if (change.field === 'user_preferences') {
          for (const p of v.user_preferences as Json[]) {
            const key = `${p.user_id}|${p.value}|${p.timestamp}`;
            prefs.set(key, { user: p.user_id as string, value: p.value as string, ts: p.timestamp as number });
          }
        }
      }
    }
  }
  const templates = new Map<string, string>();
  for (const t of (JSON.parse(readFileSync(path.join(dir, 'templates.json'), 'utf8')) as { data: Json[] }).data) {
    templates.set(`${t.name}|${t.language}`, t.category as string);
  }
  const messages = new Map<string, RefMessage>();
  const csv = parseCsv(readFileSync(path.join(dir, 'send_log.csv'), 'utf8'));
  const header = csv[0]!;
  const col = (name: string): number => header.indexOf(name);
  for (const r of csv.slice(1)) {
    const wamid = r[col('wamid')]!;
    messages.set(wamid, {
      wamid, template: r[col('template_name')]!, language: r[col('template_language')]!, logged: true,
      sentAt: Date.parse(r[col('sent_at')]!) / 1000, user: r[col('recipient_user_id')]!, statuses: new Map(),
      failCode: null, failTs: Infinity, clicked: false, replied: false,
    });
  }
  let unattributed = 0;
  for (const [wamid, per] of statusTs) {
    const info = statusInfo.get(wamid)!;
    let msg = messages.get(wamid);
    if (!msg) {
      let tpl: string | undefined;
      let lang: string | undefined;
      const op = info.opaque;
      if (op?.startsWith('{')) {
        const o = JSON.parse(op) as Json;
        tpl = o.template as string;
        lang = o.language as string;
      } else if (op) {
        const kv = new Map(op.split(';').map((p) => p.split('=') as [string, string]));
        tpl = kv.get('tpl');
        lang = kv.get('lang');
      }
      if (!tpl || !lang) {
        unattributed++;
        continue;
      }
      msg = { wamid, template: tpl, language: lang, logged: false, sentAt: null, user: null, statuses: new Map(), failCode: null, failTs: Infinity, clicked: false, replied: false };
      messages.set(wamid, msg);
    }
    msg.statuses = per;
    msg.user = info.user;
    msg.failCode = info.failCode;
    msg.failTs = info.failTs;
  }
  const has = (m: RefMessage, ...s: string[]): boolean => s.some((x) => m.statuses.has(x));
  const minOf = (m: RefMessage, ...s: string[]): number => Math.min(...s.map((x) => m.statuses.get(x) ?? Infinity));
  const cohort = (m: RefMessage): number =>
    m.statuses.has('sent') ? m.statuses.get('sent')! : m.sentAt !== null ? m.sentAt : Math.min(...m.statuses.values());
  const deliveredAt = (m: RefMessage): number => minOf(m, 'delivered', 'read');

  // Inbound: clicks, replies, opt-out events.
  const events: { user: string; ts: number; kind: string }[] = [];
  const keyword: string[] = [];
  const decoy: string[] = [];
  const DECOYS = new Set(['stop by the store?', 'CANCEL', 'cancelar', 'Cancelar pedido', 'STOPPED at 5',
    'no pares de enviarme ofertas 😍', 'berhenti dulu ya kak, nanti saya bayar']);
  for (const msg of inbound.values()) {
    const type = msg.type as string;
    const ts = Number(msg.timestamp);
    const user = msg.from_user_id as string;
    let optOut = false;
    if (type === 'button') {
      const b = msg.button as Json;
      if (OPT_OUT_BUTTONS.has(fold(b.text as string)) || OPT_OUT_BUTTONS.has(fold(b.payload as string))) {
        optOut = true;
        events.push({ user, ts, kind: 'button' });
      }
    } else if (type === 'text') {
      const body = (msg.text as Json).body as string;
      if (LEXICON.has(fold(body))) {
        optOut = true;
        events.push({ user, ts, kind: 'keyword' });
        keyword.push(msg.id as string);
      } else if (DECOYS.has(body)) decoy.push(msg.id as string);
    }
    const ctx = (msg.context as Json | undefined)?.id as string | undefined;
    const target = ctx ? messages.get(ctx) : undefined;
    if (!target || optOut) continue;
    if (type === 'button' || type === 'interactive') target.clicked = true;
    if (!['reaction', 'request_welcome', 'unsupported'].includes(type)) target.replied = true;
  }
  for (const p of prefs.values()) if (p.value === 'stop') events.push({ user: p.user, ts: p.ts, kind: 'user_preferences' });
  const byUser = new Map<string, RefMessage[]>();
  for (const m of messages.values()) {
    if (!has(m, 'delivered', 'read')) continue;
    byUser.set(m.user!, [...(byUser.get(m.user!) ?? []), m]);
  }
  const attributedTo: { user: string; msg: RefMessage }[] = [];
  for (const e of events) {
    let best: RefMessage | null = null;
    for (const m of byUser.get(e.user) ?? []) {
      const d = deliveredAt(m);
      if (d > e.ts || e.ts - d > WINDOW) continue;
      if (!best) best = m;
      else {
        const bd = deliveredAt(best);
        if (d > bd || (d === bd && (cohort(m) > cohort(best) || (cohort(m) === cohort(best) && m.wamid > best.wamid)))) best = m;
      }
    }
    if (best) attributedTo.push({ user: e.user, msg: best });
  }

  // Analytics: dedupe data points of both files by (template_id, start).
  const points = new Map<string, Json>();
  const a1 = JSON.parse(readFileSync(path.join(dir, 'template_analytics.json'), 'utf8')) as { data: { data_points: Json[] }[] };
  const a2 = JSON.parse(readFileSync(path.join(dir, 'template_analytics_expansion.json'), 'utf8')) as { template_analytics: { data: { data_points: Json[] }[] } };
  for (const dp of [...a1.data, ...a2.template_analytics.data].flatMap((d) => d.data_points)) {
    points.set(`${dp.template_id}|${dp.start}`, dp);
  }
  const idOf = new Map<string, string>();
  for (const t of (JSON.parse(readFileSync(path.join(dir, 'templates.json'), 'utf8')) as { data: Json[] }).data) {
    idOf.set(`${t.name}|${t.language}`, t.id as string);
  }
  const clicks = (tplKey: string, day: number | null): [number | null, number | null] => {
    const id = idOf.get(tplKey);
    let total = 0;
    let unique = 0;
    let any = false;
    for (const dp of points.values()) {
      if (dp.template_id !== id || (day !== null && dp.start !== day)) continue;
      any = true;
      for (const c of dp.clicked as Json[]) {
        if (c.type === 'url_button') total += c.count as number;
        if (c.type === 'unique_url_button') unique += c.count as number;
      }
    }
    return any ? [total, unique] : [null, null];
  };

  const tzDay = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' });
  const rate = (n: number, d: number): number | null => (d === 0 ? null : n / d);
  const q = (sorted: number[], num: number): number | null => (sorted.length === 0 ? null : sorted[Math.ceil((sorted.length * num) / 10) - 1]!);
  const build = (group: RefMessage[], template: string | null, language: string | null, url: [number | null, number | null]): Json => {
    const attempted = group.length;
    const sent = group.filter((m) => has(m, 'sent', 'delivered', 'read')).length;
    const delivered = group.filter((m) => has(m, 'delivered', 'read')).length;
    const read = group.filter((m) => has(m, 'read')).length;
    const failed = group.filter((m) => has(m, 'failed') && !has(m, 'delivered', 'read')).length;
    const clicked = group.filter((m) => m.clicked).length;
    const replied = group.filter((m) => m.replied).length;
    const set = new Set(group);
    const optedOut = new Set(attributedTo.filter((a) => set.has(a.msg)).map((a) => a.user)).size;
    const ttr = group.filter((m) => has(m, 'read')).map((m) => m.statuses.get('read')! - cohort(m)).sort((x, y) => x - y);
    return {
      template, language, category: template === null ? null : templates.get(`${template}|${language}`)!, attempted, sent,
      delivered, read, failed, clicked, replied, optedOut, urlClicks: url[0], urlClicksUnique: url[1],
      deliveryRate: rate(delivered, attempted), readRate: rate(read, delivered), clickRate: rate(clicked, delivered),
      optOutRate: rate(optedOut, delivered), failureRate: rate(failed, attempted), ttrP50Seconds: q(ttr, 5), ttrP90Seconds: q(ttr, 9),
    };
  };
  const all = [...messages.values()];
  const groups = new Map<string, RefMessage[]>();
  for (const m of all) groups.set(`${m.template}|${m.language}`, [...(groups.get(`${m.template}|${m.language}`) ?? []), m]);
  const keys = [...groups.keys()].sort((x, y) => {
    const [a, b] = [x.split('|'), y.split('|')];
    return a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0;
  });
  const rows = keys.map((k) => build(groups.get(k)!, k.split('|')[0]!, k.split('|')[1]!, clicks(k, null)));
  let totalUrl = 0;
  let totalUnique = 0;
  for (const dp of points.values()) {
    for (const c of dp.clicked as Json[]) {
      if (c.type === 'url_button') totalUrl += c.count as number;
      if (c.type === 'unique_url_button') totalUnique += c.count as number;
    }
  }
  const overall = build(all, null, null, [totalUrl, totalUnique]);
  const dayRows = (dayOf: (m: RefMessage) => string, withUrl: boolean): Json[] => {
    const out: Json[] = [];
    for (const k of keys) {
      const byDay = new Map<string, RefMessage[]>();
      for (const m of groups.get(k)!) byDay.set(dayOf(m), [...(byDay.get(dayOf(m)) ?? []), m]);
      for (const day of [...byDay.keys()].sort()) {
        const url: [number | null, number | null] = withUrl ? clicks(k, Date.parse(`${day}T00:00:00Z`) / 1000) : [null, null];
        out.push({ ...build(byDay.get(day)!, k.split('|')[0]!, k.split('|')[1]!, url), day });
      }
    }
    return out;
  };
  const byDayUtc = dayRows((m) => new Date(cohort(m) * 1000).toISOString().slice(0, 10), true);
  const byDayTz = dayRows((m) => tzDay.format(new Date(cohort(m) * 1000)), false);
  const failures = new Map<string, number>();
  for (const k of keys) {
    for (const m of groups.get(k)!) {
      if (!has(m, 'failed') || has(m, 'delivered', 'read')) continue;
      const fk = `${k}|${m.failCode}`;
      failures.set(fk, (failures.get(fk) ?? 0) + 1);
    }
  }
  const failuresByCode = [...failures.entries()]
    .map(([fk, count]) => {
      const [template, language, code] = fk.split('|');
      return { template, language, code: Number(code), count, order: keys.indexOf(`${template}|${language}`) };
    })
    .sort((x, y) => x.order - y.order || x.code - y.code)
    .map(({ order: _order, ...rest }) => rest);
  const byKind = { user_preferences: 0, button: 0, keyword: 0 };
  for (const e of events) byKind[e.kind as keyof typeof byKind]++;
  return {
    rows, overall, byDayUtc, byDayTz, failuresByCode, unattributed, lines,
    optOuts: {
      events: events.length, attributed: attributedTo.length, unattributed: events.length - attributedTo.length, byKind,
      keyword: keyword.sort(), decoy: decoy.sort(),
    },
  };
}

function readTruth(dir: string): Json & { byTemplate: Json[]; overall: Json; byDayUtc: Json[]; byDayTz: Json[]; optOuts: Json } {
  return JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8')) as never;
}

function expectFilesCarryTruth(dir: string, tz = 'Asia/Jakarta'): RefResult {
  const truth = readTruth(dir);
  const ref = referenceIngest(dir, tz);
  expect(ref.rows).toEqual(truth.byTemplate);
  expect(ref.overall).toEqual(truth.overall);
  expect(ref.byDayUtc).toEqual(truth.byDayUtc);
  expect(ref.byDayTz).toEqual(truth.byDayTz);
  expect(ref.failuresByCode).toEqual(truth.failuresByCode);
  expect(ref.unattributed).toBe(truth.unattributed);
  const o = truth.optOuts as Json;
  expect({ events: ref.optOuts.events, attributed: ref.optOuts.attributed, unattributed: ref.optOuts.unattributed, byKind: ref.optOuts.byKind })
    .toEqual({ events: o.events, attributed: o.attributed, unattributed: o.unattributed, byKind: o.byKind });
  expect(ref.optOuts.keyword).toEqual(o.keywordInboundWamids);
  expect(ref.optOuts.decoy).toEqual(o.decoyInboundWamids);
  return ref;
}

function filesOf(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(dir).sort()) if (name !== 'README.md') out.set(name, readFileSync(path.join(dir, name)));
  return out;
}

// ---------------------------------------------------------------------------------------------------------------

describe('generateExport', () => {
  it('keeps fixtures/webhooks up to date with the generator (byte for byte)', async () => {
    const out = tmp('fixture');
    await generateExport({ outDir: out, messages: 1000 });
    const expected = filesOf(fixtureDir);
    const actual = filesOf(out);
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    for (const [name, bytes] of actual) {
      expect(bytes.equals(expected.get(name)!), `${name} differs: run npm run gen:webhooks -- --messages 1000`).toBe(true);
    }
  });

  it('the committed fixture files carry exactly the truth (reference ingest)', () => {
    const ref = expectFilesCarryTruth(fixtureDir);
    expect(ref.lines.length).toBe((readTruth(fixtureDir).files as { webhooks: { lines: number } }).webhooks.lines);
  });

  let first: GenerateSummary;
  it('is deterministic: same seed and options give identical files, another seed does not', async () => {
    first = await generateExport({ outDir: tmp('a'), messages: 2000, seed: 7, days: 10, start: '2026-03-01', tz: 'America/Mexico_City' });
    await generateExport({ outDir: tmp('b'), messages: 2000, seed: 7, days: 10, start: '2026-03-01', tz: 'America/Mexico_City' });
    await generateExport({ outDir: tmp('c'), messages: 2000, seed: 8, days: 10, start: '2026-03-01', tz: 'America/Mexico_City' });
    const a = filesOf(tmp('a'));
    const b = filesOf(tmp('b'));
    for (const [name, bytes] of a) expect(bytes.equals(b.get(name)!), name).toBe(true);
    expect(a.get('webhooks.ndjson')!.equals(filesOf(tmp('c')).get('webhooks.ndjson')!)).toBe(false);
    // A zone with DST (Mexico City has none since 2022, so also check one that has) and another period.
    expectFilesCarryTruth(tmp('a'), 'America/Mexico_City');
    expect(first.files.map((f) => f.name)).toContain('truth.json');
  });

  it('crosses a DST change in the tz day buckets', async () => {
    const out = tmp('dst');
    await generateExport({ outDir: out, messages: 1500, seed: 3, days: 6, start: '2026-10-22', tz: 'Europe/Berlin' });
    expectFilesCarryTruth(out, 'Europe/Berlin');
  });

  it('generates 5,000 messages gzipped; the files still carry the truth', async () => {
    const out = tmp('gz');
    const summary = await generateExport({ outDir: out, messages: 5000, gzip: true, seed: 11 });
    expect(summary.files[0]!.name).toBe('webhooks.ndjson.gz');
    const ref = expectFilesCarryTruth(out);
    expect(ref.lines.length).toBe(summary.files[0]!.records);
    expect(summary.eventsPerMessage).toBeGreaterThan(2);
  });
});

// Opt-in sweep over seeds, sizes, periods and zones (GEN_SWEEP=1 npx vitest run packages/analytics/test/generate.test.ts).
describe.skipIf(!process.env.GEN_SWEEP)('sweep: the files carry the truth', () => {
  const cases: [number, number, number, string, number][] = [
    [1, 1, 1, 'UTC', 0], [2, 5, 1, 'Pacific/Chatham', 1], [3, 40, 2, 'America/St_Johns', 0.5], [4, 300, 3, 'America/Sao_Paulo', 0.1],
    [5, 3000, 40, 'Asia/Kolkata', 0.1], [6, 3000, 7, 'Europe/London', 0], [7, 8000, 28, 'Asia/Jakarta', 0.1],
    [8, 2000, 90, 'America/New_York', 0.2],
  ];
  it.each(cases)('seed %i, %i messages, %i days, %s, wrap %f', async (seed, messages, days, tz, wrapFraction) => {
    const out = tmp(`sweep-${seed}`);
    await generateExport({ outDir: out, messages, seed, days, tz, wrapFraction, start: '2026-03-27' });
    expectFilesCarryTruth(out, tz);
  });
});

describe('generated data', () => {
  const truth = readTruth(fixtureDir);
  const hooks = readFileSync(path.join(fixtureDir, 'webhooks.ndjson'), 'utf8').split('\n').filter(Boolean);
  const bodies = hooks.map((l) => {
    const o = JSON.parse(l) as Json;
    return ('received_at' in o ? o.body : o) as Json;
  });
  const changes = bodies.flatMap((b) => (b.entry as Json[]).flatMap((e) => (e.changes as Json[]).map((c) => ({ ...c, entry: e }))));
  const statuses = changes.flatMap((c) => ((c.value as Json).statuses as Json[] | undefined) ?? []);
  const inbound = changes.flatMap((c) => ((c.value as Json).messages as Json[] | undefined) ?? []);

  it('has keyword opt-outs, decoys, every opt-out kind and unattributed opt-outs', () => {
    const o = truth.optOuts as { keywordInboundWamids: string[]; decoyInboundWamids: string[]; byKind: Record<string, number>; unattributed: number; attributed: number };
    expect(o.keywordInboundWamids.length).toBeGreaterThan(20);
    expect(o.decoyInboundWamids.length).toBeGreaterThan(7);
    for (const k of Object.values(o.byKind)) expect(k).toBeGreaterThan(0);
    expect(o.unattributed).toBeGreaterThan(0);
    expect(o.attributed).toBeGreaterThan(0);
    const texts = new Map(inbound.filter((m) => m.type === 'text').map((m) => [m.id as string, (m.text as Json).body as string]));
    for (const id of o.keywordInboundWamids) expect(LEXICON.has(fold(texts.get(id)!)), texts.get(id)).toBe(true);
    for (const id of o.decoyInboundWamids) expect(LEXICON.has(fold(texts.get(id)!)), texts.get(id)).toBe(false);
    const bodiesSeen = new Set(texts.values());
    for (const s of [' Stop! ', 'BAJA 🙏', 'Sair.', 'berhenti', 'stop by the store?', 'CANCEL', 'cancelar', 'Cancelar pedido',
      'STOPPED at 5', 'no pares de enviarme ofertas 😍', 'berhenti dulu ya kak, nanti saya bayar']) {
      expect(bodiesSeen.has(s), s).toBe(true);
    }
    // Keywords and decoys both with and without context.
    const withCtx = (ids: string[]): boolean[] => [...new Set(ids.map((id) => inbound.some((m) => m.id === id && m.context !== undefined)))];
    expect(withCtx(o.keywordInboundWamids).sort()).toEqual([false, true]);
    expect(withCtx(o.decoyInboundWamids).sort()).toEqual([false, true]);
  });

  it('carries the documented delivery noise', () => {
    const n = truth.noise as Record<string, number>;
    expect(n.duplicateLines).toBeGreaterThan(10);
    expect(n.rebatchedStatuses).toBeGreaterThan(10);
    expect(n.deliveredSkipped).toBeGreaterThan(0);
    expect(n.outOfOrderPairs).toBeGreaterThan(0);
    // Scheduled exact copies, plus re-batched single statuses that happen to form the same one-status POST again.
    expect(hooks.length - new Set(hooks).size).toBeGreaterThanOrEqual(n.duplicateLines);
    const wrapped = hooks.filter((l) => l.startsWith('{"received_at":')).length;
    expect(wrapped / hooks.length).toBeGreaterThan(0.05);
    expect(wrapped / hooks.length).toBeLessThan(0.15);
    const kinds = new Set(statuses.map((s) => s.status));
    expect([...kinds].sort()).toEqual(['deleted', 'delivered', 'failed', 'played', 'read', 'sent']);
    expect(statuses.some((s) => s.recipient_id === undefined)).toBe(true);
    expect(statuses.every((s) => typeof s.recipient_user_id === 'string' && typeof s.timestamp === 'string')).toBe(true);
    const sizes = changes.map((c) => ((c.value as Json).statuses as Json[] | undefined)?.length ?? 0);
    expect(Math.max(...sizes)).toBe(5);
    const codes = new Set(statuses.filter((s) => s.status === 'failed').map((s) => (s.errors as Json[])[0]!.code));
    for (const c of [131049, 130472, 131026, 131050]) expect(codes.has(c), String(c)).toBe(true);
    // Pricing on exactly one status per billed message.
    const priced = statuses.filter((s) => s.pricing !== undefined).map((s) => `${s.id}`);
    const perMessage = new Map<string, Set<string>>();
    for (const s of statuses) if (s.pricing) perMessage.set(s.id as string, new Set([...(perMessage.get(s.id as string) ?? []), s.status as string]));
    expect(priced.length).toBeGreaterThan(0);
    for (const set of perMessage.values()) expect(set.size).toBe(1);
    // delivered after failed (multi-device) exists.
    const byId = new Map<string, Set<string>>();
    for (const s of statuses) byId.set(s.id as string, new Set([...(byId.get(s.id as string) ?? []), s.status as string]));
    expect([...byId.values()].some((set) => set.has('failed') && set.has('delivered'))).toBe(true);
    const log = readFileSync(path.join(fixtureDir, 'send_log.csv'), 'utf8');
    expect(log).toContain('held_for_quality_assessment');
    expect([...byId.keys()].some((id) => !log.includes(id))).toBe(true);
  });

  it('emits template lifecycle webhooks with integer ids', () => {
    const fields = changes.map((c) => c.field);
    for (const f of ['message_template_status_update', 'template_category_update', 'message_template_quality_update', 'user_preferences']) {
      expect(fields, f).toContain(f);
    }
    const recat = changes.find((c) => c.field === 'template_category_update')!;
    expect(typeof (recat.value as Json).message_template_id).toBe('number');
    expect(typeof (recat.entry as Json).time).toBe('number');
    const events = changes.filter((c) => c.field === 'message_template_status_update').map((c) => (c.value as Json).event);
    expect(events).toContain('PAUSED');
    expect(events).toContain('REJECTED');
    const recatRow = (truth.byTemplate as Json[]).find((r) => r.template === (recat.value as Json).message_template_name)!;
    expect(recatRow.category).toBe('MARKETING');
  });

  it('uses the integer quantile_disc rule for time to read', () => {
    expect(quantileDisc([], 5)).toBeNull();
    expect(quantileDisc([7], 5)).toBe(7);
    expect(quantileDisc([7], 9)).toBe(7);
    expect(quantileDisc([1, 2, 3], 5)).toBe(2); // ceil(1.5) - 1 = 1
    expect(quantileDisc([1, 2, 3, 4], 5)).toBe(2); // ceil(2) - 1 = 1
    expect(quantileDisc([1, 2, 3, 4], 9)).toBe(4); // ceil(3.6) - 1 = 3
    expect(quantileDisc(Array.from({ length: 10 }, (_, i) => i + 1), 9)).toBe(9); // exact 9, not 10
    expect(quantileDisc(Array.from({ length: 20 }, (_, i) => i + 1), 5)).toBe(10);
  });
});
