// Ground truth: the per-template metrics the ingest must reproduce, computed from the simulation's tables with
// exactly the ingest's rules (population, cohort time, sent/delivered/read/failed, clicks, replies, opt-out
// attribution, quantile_disc time-to-read), never by parsing the emitted files. assertInvariants() runs before any
// file is written.
import type { Analytics } from './analytics.js';
import type { Wamids } from './ids.js';
import { CODE_131050, ERROR_CODES } from './lexicon.js';
import {
  EXTRA_NONE, IF_CONTEXT, IF_DECOY, IF_KEYWORD, IF_OPT_OUT_BUTTON, IN_BUTTON, IN_INTERACTIVE, IN_REACTION, IN_TEXT,
  JOIN_LOGGED, JOIN_NONE, M_FORCED_131050, NONE, type Simulation,
} from './simulate.js';
import { CAT_MARKETING, CATEGORIES } from './templates.js';
import { DAY, dayString, type ZoneOffsets } from './time.js';
import type { StatsRow } from '../stats.js';

/** A truth row has exactly the shape of a `pesan stats` row (the tests compare them with toEqual). */
export type Row = Omit<StatsRow, 'day'>;

export type DayRow = Row & { day: string };

export interface OptOutTruth {
  events: number;
  attributed: number;
  unattributed: number;
  byKind: { user_preferences: number; button: number; keyword: number };
  keywordInboundWamids: string[];
  decoyInboundWamids: string[];
}

export interface Truth {
  byTemplate: Row[];
  overall: Row;
  byDayUtc: DayRow[];
  byDayTz: DayRow[];
  failuresByCode: { template: string; language: string; code: number; count: number }[];
  unattributed: number;
  optOuts: OptOutTruth;
}

/** Derived per-message state (population messages only). */
const D_POP = 1;
const D_SENT = 2;
const D_DELIVERED = 4;
const D_READ = 8;
const D_FAILED = 16;
const D_CLICKED = 32;
const D_REPLIED = 64;

const OPT_PREF = 0;
const OPT_BUTTON = 1;
const OPT_KEYWORD = 2;
const WINDOW = 7 * DAY;

/** DuckDB quantile_disc: sorted[ceil(n*q)-1], with q = num/10 in integer arithmetic. */
export function quantileDisc(sorted: ArrayLike<number>, num: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  return sorted[Math.floor((n * num + 9) / 10) - 1]!;
}

const rate = (num: number, den: number): number | null => (den === 0 ? null : num / den);

interface Derived {
  state: Uint8Array;
  cohort: Int32Array;
  deliveredAt: Int32Array;
}

function derive(sim: Simulation): Derived {
  const m = sim.messages;
  const N = m.count;
  const state = new Uint8Array(N);
  const cohort = new Int32Array(N).fill(NONE);
  const deliveredAt = new Int32Array(N).fill(NONE);
  for (let i = 0; i < N; i++) {
    if (m.join[i] === JOIN_NONE) continue;
    let s = D_POP;
    const sent = m.sentTs[i]!;
    const deliv = m.deliveredTs[i]!;
    const read = m.readTs[i]!;
    if (sent !== NONE || deliv !== NONE || read !== NONE) s |= D_SENT;
    // read implies delivered; delivered time = earliest of the delivered/read statuses.
    if (deliv !== NONE || read !== NONE) {
      s |= D_DELIVERED;
      deliveredAt[i] = deliv === NONE ? read : read === NONE ? deliv : Math.min(deliv, read);
    }
    if (read !== NONE) s |= D_READ;
    if (m.failedTs[i] !== NONE && !(s & D_DELIVERED)) s |= D_FAILED;
    state[i] = s;
    // Cohort: first `sent`, else the send log time, else the earliest status of any kind.
    if (sent !== NONE) cohort[i] = sent;
    else if (m.join[i] === JOIN_LOGGED) cohort[i] = m.sendAt[i]!;
    else {
      let c = Number.MAX_SAFE_INTEGER;
      for (const ts of [deliv, read, m.failedTs[i]!, m.extra[i] !== EXTRA_NONE ? m.extraTs[i]! : NONE]) {
        if (ts !== NONE && ts < c) c = ts;
      }
      cohort[i] = c;
    }
  }
  const inb = sim.inbound;
  for (let k = 0; k < inb.count; k++) {
    const ctx = inb.context[k]!;
    if (ctx === NONE || !(inb.flags[k]! & IF_CONTEXT) || !(state[ctx]! & D_POP)) continue;
    const type = inb.type[k]!;
    const flags = inb.flags[k]!;
    const optOut = (flags & (IF_OPT_OUT_BUTTON | IF_KEYWORD)) !== 0;
    if (optOut) continue;
    if (type === IN_BUTTON || type === IN_INTERACTIVE) state[ctx]! |= D_CLICKED | D_REPLIED;
    else if (type === IN_TEXT) state[ctx]! |= D_REPLIED;
  }
  return { state, cohort, deliveredAt };
}

interface OptOutEvents {
  user: Int32Array;
  ts: Int32Array;
  kind: Uint8Array;
  /** Attributed message index or NONE. */
  message: Int32Array;
}

function wamidLess(wamids: Wamids, sim: Simulation, a: number, b: number): boolean {
  const m = sim.messages;
  return wamids.outbound(a, sim.users.phone(m.user[a]!)) < wamids.outbound(b, sim.users.phone(m.user[b]!));
}

/**
 * Every opt-out event goes to the same user's population message with the latest delivered time <= event time, at
 * most 7 days earlier; ties by later cohort time, then greater wamid. Any category.
 */
function attributeOptOuts(sim: Simulation, d: Derived, wamids: Wamids): OptOutEvents {
  const m = sim.messages;
  const U = sim.users.count;
  // Delivered population messages by user (CSR).
  const start = new Int32Array(U + 1);
  for (let i = 0; i < m.count; i++) if (d.deliveredAt[i] !== NONE) start[m.user[i]! + 1]!++;
  for (let u = 0; u < U; u++) start[u + 1]! += start[u]!;
  const fill = start.slice(0, U);
  const list = new Int32Array(start[U]!);
  for (let i = 0; i < m.count; i++) if (d.deliveredAt[i] !== NONE) list[fill[m.user[i]!]!++] = i;

  const users: number[] = [];
  const times: number[] = [];
  const kinds: number[] = [];
  for (let k = 0; k < sim.prefs.count; k++) {
    if (sim.prefs.value[k] !== 0) continue;
    users.push(sim.prefs.user[k]!);
    times.push(sim.prefs.ts[k]!);
    kinds.push(OPT_PREF);
  }
  const inb = sim.inbound;
  for (let k = 0; k < inb.count; k++) {
    const f = inb.flags[k]!;
    if (!(f & (IF_OPT_OUT_BUTTON | IF_KEYWORD))) continue;
    users.push(inb.user[k]!);
    times.push(inb.ts[k]!);
    kinds.push(f & IF_OPT_OUT_BUTTON ? OPT_BUTTON : OPT_KEYWORD);
  }
  const message = new Int32Array(users.length).fill(NONE);
  for (let e = 0; e < users.length; e++) {
    const u = users[e]!;
    const t = times[e]!;
    let best = NONE;
    for (let p = start[u]!; p < start[u + 1]!; p++) {
      const i = list[p]!;
      const at = d.deliveredAt[i]!;
      if (at > t || t - at > WINDOW) continue;
      if (best === NONE) {
        best = i;
        continue;
      }
      const bAt = d.deliveredAt[best]!;
      if (at > bAt || (at === bAt && (d.cohort[i]! > d.cohort[best]! || (d.cohort[i] === d.cohort[best] && wamidLess(wamids, sim, best, i))))) {
        best = i;
      }
    }
    message[e] = best;
  }
  return { user: Int32Array.from(users), ts: Int32Array.from(times), kind: Uint8Array.from(kinds), message };
}

interface Counts {
  attempted: Int32Array;
  sent: Int32Array;
  delivered: Int32Array;
  read: Int32Array;
  failed: Int32Array;
  clicked: Int32Array;
  replied: Int32Array;
  optedOut: Int32Array;
  p50: (number | null)[];
  p90: (number | null)[];
}

/** All counters for one grouping (group index per message, NONE = not counted). */
function aggregate(sim: Simulation, d: Derived, opt: OptOutEvents, groupOf: Int32Array, G: number): Counts {
  const c: Counts = {
    attempted: new Int32Array(G), sent: new Int32Array(G), delivered: new Int32Array(G), read: new Int32Array(G),
    failed: new Int32Array(G), clicked: new Int32Array(G), replied: new Int32Array(G), optedOut: new Int32Array(G),
    p50: [], p90: [],
  };
  const N = sim.messages.count;
  for (let i = 0; i < N; i++) {
    const g = groupOf[i]!;
    if (g === NONE) continue;
    const s = d.state[i]!;
    c.attempted[g]!++;
    if (s & D_SENT) c.sent[g]!++;
    if (s & D_DELIVERED) c.delivered[g]!++;
    if (s & D_READ) c.read[g]!++;
    if (s & D_FAILED) c.failed[g]!++;
    if (s & D_CLICKED) c.clicked[g]!++;
    if (s & D_REPLIED) c.replied[g]!++;
  }
  // Time to read, grouped with a counting sort, each group sorted numerically.
  const offsets = new Int32Array(G + 1);
  for (let g = 0; g < G; g++) offsets[g + 1] = offsets[g]! + c.read[g]!;
  const fill = offsets.slice(0, G);
  const ttr = new Int32Array(offsets[G]!);
  const readTs = sim.messages.readTs;
  for (let i = 0; i < N; i++) {
    const g = groupOf[i]!;
    if (g === NONE || !(d.state[i]! & D_READ)) continue;
    ttr[fill[g]!++] = readTs[i]! - d.cohort[i]!;
  }
  for (let g = 0; g < G; g++) {
    const part = ttr.subarray(offsets[g]!, offsets[g + 1]!).sort();
    c.p50.push(quantileDisc(part, 5));
    c.p90.push(quantileDisc(part, 9));
  }
  const U = sim.users.count;
  const seen = new Set<number>();
  for (let e = 0; e < opt.message.length; e++) {
    const i = opt.message[e]!;
    if (i === NONE) continue;
    const g = groupOf[i]!;
    if (g === NONE) continue;
    const key = g * U + opt.user[e]!;
    if (seen.has(key)) continue;
    seen.add(key);
    c.optedOut[g]!++;
  }
  return c;
}

function row(
  c: Counts, g: number, template: string | null, language: string | null, category: string | null,
  urlClicks: number | null, urlClicksUnique: number | null,
): Row {
  const attempted = c.attempted[g]!;
  const delivered = c.delivered[g]!;
  return {
    template, language, category, attempted, sent: c.sent[g]!, delivered, read: c.read[g]!, failed: c.failed[g]!,
    clicked: c.clicked[g]!, replied: c.replied[g]!, optedOut: c.optedOut[g]!, urlClicks, urlClicksUnique,
    deliveryRate: rate(delivered, attempted), readRate: rate(c.read[g]!, delivered), clickRate: rate(c.clicked[g]!, delivered),
    optOutRate: rate(c.optedOut[g]!, delivered), failureRate: rate(c.failed[g]!, attempted),
    ttrP50Seconds: c.p50[g]!, ttrP90Seconds: c.p90[g]!,
  };
}

export function computeTruth(sim: Simulation, analytics: Analytics, zone: ZoneOffsets, wamids: Wamids): Truth {
  const m = sim.messages;
  const N = m.count;
  const { templates } = sim.catalog;
  const T = templates.length;
  const D = sim.days;
  const d = derive(sim);
  const opt = attributeOptOuts(sim, d, wamids);
  const latestCategory = (t: number): string =>
    CATEGORIES[t === sim.lifecycle.recategorised.template ? CAT_MARKETING : templates[t]!.category]!;

  const byTpl = new Int32Array(N).fill(NONE);
  const overallG = new Int32Array(N).fill(NONE);
  const utcG = new Int32Array(N).fill(NONE);
  const tzG = new Int32Array(N).fill(NONE);
  const utcFirst = Math.floor(sim.startUnix / DAY);
  const tzFirst = zone.day(sim.startUnix);
  const span = D + 10; // cohort days: the period plus a margin (cohorts from late statuses of unlogged messages)
  for (let i = 0; i < N; i++) {
    if (!(d.state[i]! & D_POP)) continue;
    const t = m.template[i]!;
    byTpl[i] = t;
    overallG[i] = 0;
    const abs = sim.startUnix + d.cohort[i]!;
    const du = Math.floor(abs / DAY) - utcFirst;
    const dz = zone.day(abs) - tzFirst;
    if (du < 0 || du >= span || dz < 0 || dz >= span) throw new Error(`generate: cohort day out of range for message ${i}`);
    utcG[i] = t * span + du;
    tzG[i] = t * span + dz;
  }
  const cTpl = aggregate(sim, d, opt, byTpl, T);
  const cAll = aggregate(sim, d, opt, overallG, 1);
  const cUtc = aggregate(sim, d, opt, utcG, T * span);
  const cTz = aggregate(sim, d, opt, tzG, T * span);

  const sumDays = (arr: Int32Array, t: number): number => {
    let s = 0;
    for (let day = 0; day < D; day++) s += arr[t * D + day]!;
    return s;
  };
  const byTemplate: Row[] = [];
  const byDayUtc: DayRow[] = [];
  const byDayTz: DayRow[] = [];
  let allUrl = 0;
  let allUrlUnique = 0;
  let anyData = false;
  // The catalog is sorted by name then language, so rows come out in the required order.
  for (const tpl of templates) {
    const t = tpl.index;
    const has = analytics.hasData[t] === 1;
    if (has) {
      anyData = true;
      allUrl += sumDays(analytics.urlTotal, t);
      allUrlUnique += sumDays(analytics.urlUnique, t);
    }
    if (cTpl.attempted[t] === 0) continue;
    const cat = latestCategory(t);
    byTemplate.push(row(cTpl, t, tpl.name, tpl.language, cat, has ? sumDays(analytics.urlTotal, t) : null,
      has ? sumDays(analytics.urlUnique, t) : null));
    for (let day = 0; day < span; day++) {
      const g = t * span + day;
      if (cUtc.attempted[g]! > 0) {
        const inPeriod = has && day < D;
        byDayUtc.push({
          ...row(cUtc, g, tpl.name, tpl.language, cat, inPeriod ? analytics.urlTotal[t * D + day]! : null,
            inPeriod ? analytics.urlUnique[t * D + day]! : null),
          day: dayString(utcFirst + day),
        });
      }
      if (cTz.attempted[g]! > 0) {
        byDayTz.push({ ...row(cTz, g, tpl.name, tpl.language, cat, null, null), day: dayString(tzFirst + day) });
      }
    }
  }
  const overall = row(cAll, 0, null, null, null, anyData ? allUrl : null, anyData ? allUrlUnique : null);

  const failures = new Map<number, number>();
  for (let i = 0; i < N; i++) {
    if (!(d.state[i]! & D_FAILED)) continue;
    const key = m.template[i]! * ERROR_CODES.length + m.failCode[i]!;
    failures.set(key, (failures.get(key) ?? 0) + 1);
  }
  const failuresByCode = [...failures.entries()]
    .map(([key, count]) => {
      const tpl = templates[Math.floor(key / ERROR_CODES.length)]!;
      return { template: tpl.name, language: tpl.language, code: ERROR_CODES[key % ERROR_CODES.length]!, count, t: tpl.index };
    })
    .sort((a, b) => a.t - b.t || a.code - b.code)
    .map(({ template, language, code, count }) => ({ template, language, code, count }));

  let unattributed = 0;
  for (let i = 0; i < N; i++) if (m.join[i] === JOIN_NONE) unattributed++;

  const inb = sim.inbound;
  const keywordInboundWamids: string[] = [];
  const decoyInboundWamids: string[] = [];
  for (let k = 0; k < inb.count; k++) {
    const f = inb.flags[k]!;
    if (f & IF_KEYWORD) keywordInboundWamids.push(wamids.inbound(k, sim.users.phone(inb.user[k]!)));
    if (f & IF_DECOY) decoyInboundWamids.push(wamids.inbound(k, sim.users.phone(inb.user[k]!)));
  }
  keywordInboundWamids.sort();
  decoyInboundWamids.sort();
  let attributed = 0;
  const byKind = { user_preferences: 0, button: 0, keyword: 0 };
  for (let e = 0; e < opt.kind.length; e++) {
    if (opt.message[e] !== NONE) attributed++;
    const k = opt.kind[e];
    if (k === OPT_PREF) byKind.user_preferences++;
    else if (k === OPT_BUTTON) byKind.button++;
    else byKind.keyword++;
  }
  const truth: Truth = {
    byTemplate, overall, byDayUtc, byDayTz, failuresByCode, unattributed,
    optOuts: {
      events: opt.kind.length, attributed, unattributed: opt.kind.length - attributed, byKind,
      keywordInboundWamids, decoyInboundWamids,
    },
  };
  assertInvariants(sim, d, truth);
  return truth;
}

const ADDITIVE = ['attempted', 'sent', 'delivered', 'read', 'failed', 'clicked', 'replied'] as const;

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`generate: invariant violated: ${what}`);
}

/** Consistency of the tables and of the truth; a failure here is a generator bug, never written to disk. */
function assertInvariants(sim: Simulation, d: Derived, truth: Truth): void {
  const m = sim.messages;
  const H = sim.horizon;
  for (let i = 0; i < m.count; i++) {
    const s = m.sendAt[i]!;
    check(s >= 0 && s < sim.days * DAY, `send time of message ${i} inside the period`);
    for (const ts of [m.sentTs[i]!, m.deliveredTs[i]!, m.readTs[i]!, m.failedTs[i]!, m.extraTs[i]!]) {
      check(ts === NONE || (ts >= s && ts <= H), `status times of message ${i} in [sent_at, horizon]`);
    }
    check((m.failCode[i] === CODE_131050) === ((m.flags[i]! & M_FORCED_131050) !== 0) || m.failedTs[i] === NONE,
      `131050 exactly for sends to stopped users (message ${i})`);
    if (m.readTs[i] !== NONE && m.deliveredTs[i] !== NONE) check(m.readTs[i]! >= m.deliveredTs[i]!, `read after delivered (${i})`);
  }
  const inb = sim.inbound;
  for (let k = 0; k < inb.count; k++) {
    check(inb.ts[k]! >= 0 && inb.ts[k]! <= H, `inbound ${k} time inside the window`);
    const ctx = inb.context[k]!;
    if (ctx === NONE) continue;
    check(ctx >= 0 && ctx < m.count, `inbound ${k} context is a known wamid`);
    check(m.deliveredTs[ctx] !== NONE || m.readTs[ctx] !== NONE, `inbound ${k} replies to a delivered message`);
    check(m.user[ctx] === inb.user[k], `inbound ${k} comes from the recipient of its context`);
    if (inb.type[k] !== IN_REACTION) check((inb.flags[k]! & IF_CONTEXT) !== 0, `inbound ${k} context flag`);
  }
  for (let k = 0; k < sim.prefs.count; k++) check(sim.prefs.ts[k]! >= 0 && sim.prefs.ts[k]! <= H, `preference ${k} time`);

  const rowOk = (r: Row, where: string): void => {
    check(r.attempted >= r.sent && r.sent >= r.delivered && r.delivered >= r.read, `${where}: attempted >= sent >= delivered >= read`);
    check(r.delivered + r.failed <= r.attempted, `${where}: delivered + failed <= attempted`);
    check(r.clicked <= r.replied && r.replied <= r.delivered, `${where}: clicked <= replied <= delivered`);
    check(r.optedOut <= r.delivered, `${where}: optedOut <= delivered`);
    check(r.ttrP50Seconds === null || (r.ttrP50Seconds >= 0 && r.ttrP90Seconds! >= r.ttrP50Seconds), `${where}: ttr`);
    check((r.ttrP50Seconds === null) === (r.read === 0), `${where}: ttr null iff no reads`);
    check(r.urlClicksUnique === null || r.urlClicks! >= r.urlClicksUnique, `${where}: url clicks >= unique`);
  };
  const key = (r: Row): string => `${r.template}\u0000${r.language}`;
  const byTpl = new Map(truth.byTemplate.map((r) => [key(r), r]));
  rowOk(truth.overall, 'overall');
  for (const r of truth.byTemplate) rowOk(r, `${r.template}/${r.language}`);
  for (const f of ADDITIVE) {
    check(truth.byTemplate.reduce((a, r) => a + r[f], 0) === truth.overall[f], `sum of byTemplate.${f} = overall`);
    for (const [name, rows] of [['byDayUtc', truth.byDayUtc], ['byDayTz', truth.byDayTz]] as const) {
      const sums = new Map<string, number>();
      for (const r of rows) sums.set(key(r), (sums.get(key(r)) ?? 0) + r[f]);
      for (const [k, r] of byTpl) check((sums.get(k) ?? 0) === r[f], `${name}.${f} sums to byTemplate for ${k}`);
    }
  }
  for (const r of [...truth.byDayUtc, ...truth.byDayTz]) rowOk(r, `${r.template}/${r.language}/${r.day}`);
  check(truth.byTemplate.reduce((a, r) => a + r.optedOut, 0) >= truth.overall.optedOut, 'overall optedOut counts users once');
  const failedSum = truth.failuresByCode.reduce((a, f) => a + f.count, 0);
  check(failedSum === truth.overall.failed, 'failuresByCode sums to failed');
  const o = truth.optOuts;
  check(o.events === o.attributed + o.unattributed, 'opt-out events = attributed + unattributed');
  check(o.byKind.user_preferences + o.byKind.button + o.byKind.keyword === o.events, 'opt-out kinds sum to events');
  check(new Set([...o.keywordInboundWamids, ...o.decoyInboundWamids]).size === o.keywordInboundWamids.length + o.decoyInboundWamids.length,
    'keyword and decoy wamids distinct');
  let population = 0;
  for (let i = 0; i < m.count; i++) if (d.state[i]! & D_POP) population++;
  check(population === truth.overall.attempted, 'overall attempted = population');
  check(truth.unattributed + population === m.count, 'population + unattributed = all messages');
}
