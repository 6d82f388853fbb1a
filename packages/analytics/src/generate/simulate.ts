// The truth table: one row per outbound template message (struct of typed arrays), plus the inbound messages and
// user_preferences events the simulated users produce. Every timestamp stored here is one that will be emitted
// (NONE = not emitted), so truth.ts can apply the ingest's rules to these tables directly, without parsing files.
//
// Messages are simulated in send order, so a user's marketing stop is known before any later send to that user
// (131050 is forced exactly when the stop is active at send time).
import { int32, uint8, uint16 } from './columns.js';
import { CODE_131050, ERROR_MIX, LANGUAGES, REACTION_EMOJI } from './lexicon.js';
import type { Rng } from './prng.js';
import { CAT_MARKETING, CATEGORIES, type Catalog } from './templates.js';
import { DAY, type ZoneOffsets } from './time.js';
import { MULTI_DEVICE, RECEIPTS_OFF, Users } from './users.js';

export const NONE = -1;

/** How a message can be tied to its template. */
export const JOIN_LOGGED = 0; // in send_log.csv (wins over biz_opaque_callback_data)
export const JOIN_KV = 1; // absent from the log, statuses carry `tpl=<name>;lang=<code>;camp=<x>`
export const JOIN_JSON = 2; // absent from the log, statuses carry JSON {"template","language","campaign"}
export const JOIN_NONE = 3; // absent from the log, no callback data: unattributed

/** biz_opaque_callback_data carried by the statuses of a message. */
export const OPAQUE_NONE = 0;
export const OPAQUE_KV = 1;
export const OPAQUE_JSON = 2;

/** Message flags. */
export const M_HELD = 1; // accepted as held_for_quality_assessment and never gets a status
export const M_DELIVERED_AFTER_FAILED = 2; // multi-device: failed, then delivered
export const M_SENT_SKIPPED = 4; // no `sent` status although delivered
export const M_DELIVERED_SKIPPED = 8; // read within 5 s, `delivered` not emitted
export const M_FORCED_131050 = 16; // marketing send to a user with an active stop

/** Extra statuses that must not change any metric. */
export const EXTRA_NONE = 0;
export const EXTRA_PLAYED = 1;
export const EXTRA_DELETED = 2;

/** Inbound message types. */
export const IN_BUTTON = 0;
export const IN_INTERACTIVE = 1;
export const IN_TEXT = 2;
export const IN_REACTION = 3;
export const IN_WELCOME = 4;
export const IN_UNSUPPORTED = 5;
export const OPT_OUT_VARIANT = 0xffff; // button variant: the template's opt-out quick reply

/** Inbound flags. */
export const IF_OPT_OUT_BUTTON = 1;
export const IF_KEYWORD = 2;
export const IF_DECOY = 4;
export const IF_CONTEXT = 8; // emitted with `context` (for reactions: besides reaction.message_id)

export const UNSUPPORTED_TYPES = ['poll_creation', 'edit', 'unknown'] as const;

export interface Messages {
  count: number;
  template: Uint16Array;
  user: Int32Array;
  /** Send API time (send_log `sent_at`), seconds from the period start. */
  sendAt: Int32Array;
  phone: Uint8Array;
  /** Category index at send time. */
  category: Uint8Array;
  join: Uint8Array;
  opaque: Uint8Array;
  /** Emitted status timestamps (NONE when that status is not emitted). */
  sentTs: Int32Array;
  deliveredTs: Int32Array;
  readTs: Int32Array;
  failedTs: Int32Array;
  /** Index into ERROR_CODES of the failed status. */
  failCode: Uint8Array;
  extra: Uint8Array;
  extraTs: Int32Array;
  /** First URL-button click (NONE when none) and total clicks (>= 1 when clicked); only template_analytics sees them. */
  urlClickTs: Int32Array;
  urlClicks: Uint8Array;
  flags: Uint8Array;
}

export interface Inbound {
  count: number;
  ts: Int32Array;
  user: Int32Array;
  /** Message index of context.id (or reaction.message_id), NONE when not tied to a template message. */
  context: Int32Array;
  type: Uint8Array;
  /** button/interactive: quick-reply index or OPT_OUT_VARIANT; text: index into texts; reaction: emoji; unsupported: type. */
  variant: Uint16Array;
  flags: Uint8Array;
  phone: Uint8Array;
}

export interface Prefs {
  count: number;
  ts: Int32Array;
  user: Int32Array;
  /** 0 = stop, 1 = resume. */
  value: Uint8Array;
  phone: Uint8Array;
}

export const TEXT_REPLY = 0;
export const TEXT_KEYWORD = 1;
export const TEXT_DECOY = 2;

export interface Texts {
  body: string[];
  kind: number[];
  byLang: { replies: number[]; keywords: number[]; decoys: number[] }[];
}

export interface Lifecycle {
  approvedAt: Int32Array; // per template, before the period
  recategorised: { template: number; at: number };
  paused: { template: number; from: number; to: number };
  quality: { template: number; at: number };
  rejected: { name: string; language: string; id: string; at: number };
}

export interface Simulation {
  startUnix: number;
  days: number;
  /** Last allowed timestamp (relative): every message/status/inbound/preference time is in [0, horizon]. */
  horizon: number;
  catalog: Catalog;
  users: Users;
  messages: Messages;
  inbound: Inbound;
  prefs: Prefs;
  texts: Texts;
  lifecycle: Lifecycle;
}

function buildTexts(): Texts {
  const texts: Texts = { body: [], kind: [], byLang: [] };
  const add = (s: string, kind: number): number => {
    texts.body.push(s);
    texts.kind.push(kind);
    return texts.body.length - 1;
  };
  for (const lang of LANGUAGES) {
    texts.byLang.push({
      replies: lang.replies.map((s) => add(s, TEXT_REPLY)),
      keywords: lang.keywords.map((s) => add(s, TEXT_KEYWORD)),
      decoys: lang.decoys.map((s) => add(s, TEXT_DECOY)),
    });
  }
  return texts;
}

function planLifecycle(catalog: Catalog, days: number, rng: Rng): Lifecycle {
  const { templates } = catalog;
  const utility = templates.filter((t) => CATEGORIES[t.category] === 'UTILITY');
  const generated = templates.filter((t) => t.source === 'generated');
  if (utility.length === 0 || generated.length === 0) throw new Error('generate: need a UTILITY and a generated MARKETING template');
  const recat = rng.pick(utility);
  const paused = rng.pick(generated);
  const pausedFrom = Math.floor(days * 0.4) * DAY + 14 * 3600;
  // A template variant that was submitted and rejected: never sent, only seen in one status webhook.
  const rejectedBase = generated[0]!;
  const usedLangs = new Set(templates.filter((t) => t.name === rejectedBase.name).map((t) => t.language));
  const rejectedLang = LANGUAGES.find((l) => !usedLangs.has(l.code))?.code ?? 'fr';
  const ids = new Set(templates.map((t) => t.id));
  let rejectedId: string;
  do rejectedId = String(100000000000000 + Math.floor(rng.float() * 899999999999999)); while (ids.has(rejectedId));
  const approvedAt = new Int32Array(templates.length);
  for (let i = 0; i < templates.length; i++) approvedAt[i] = -rng.int(3 * DAY, 25 * DAY);
  return {
    approvedAt,
    recategorised: { template: recat.index, at: Math.floor(days / 2) * DAY + 10 * 3600 + rng.int(0, 3599) },
    paused: { template: paused.index, from: pausedFrom, to: pausedFrom + 3 * 3600 },
    quality: { template: paused.index, at: Math.max(0, pausedFrom - 6 * 3600) },
    rejected: { name: rejectedBase.name, language: rejectedLang, id: rejectedId, at: Math.floor(days * 0.6) * DAY + 9 * 3600 },
  };
}

/** Send-time weight by local hour in the reporting zone: peaks around 10:00 and 19:00. */
function diurnal(hour: number): number {
  return 0.15 + Math.exp(-((hour - 10) ** 2) / 8) + 0.9 * Math.exp(-((hour - 19) ** 2) / 4.5);
}

export interface SimulateOptions {
  messages: number;
  days: number;
  startUnix: number;
  zone: ZoneOffsets;
}

export function simulate(opts: SimulateOptions, catalog: Catalog, rngRoot: Rng): Simulation {
  const { days, startUnix } = opts;
  const N = opts.messages;
  const horizon = (days + 8) * DAY - 1;
  const rngLife = rngRoot.fork();
  const rngUsers = rngRoot.fork();
  const rngTimes = rngRoot.fork();
  const rngPick = rngRoot.fork();
  const rngOut = rngRoot.fork();
  const rngNoise = rngRoot.fork();
  const { templates, weights } = catalog;
  const T = templates.length;
  const texts = buildTexts();
  const lifecycle = planLifecycle(catalog, days, rngLife);

  // Users speak one language each; language shares follow the templates' sending weights so every user gets a
  // similar number of messages.
  const langWeights = LANGUAGES.map(() => 0);
  for (const t of templates) langWeights[t.langIdx]! += weights[t.index]!;
  // At least one user per sent language, even for tiny runs.
  const users = new Users(Math.max(Math.ceil(N / 3), langWeights.filter((w) => w > 0).length), langWeights, rngUsers);
  const U = users.count;

  // Send times (diurnal in the reporting zone, by rejection), sorted: message index order = send order. The last
  // 10 minutes of the period stay empty so `sent` statuses (cohort times) fall inside the period; only an unlogged
  // message without `sent` can have its cohort (first delivered/read) after the period.
  const sendAt = new Int32Array(N);
  const span = days * DAY - 600;
  const wMax = 0.15 + 1 + 0.9;
  for (let i = 0; i < N; i++) {
    let t: number;
    do t = rngTimes.int(0, span - 1); while (rngTimes.float() * wMax >= diurnal(opts.zone.hour(startUnix + t)));
    sendAt[i] = t;
  }
  sendAt.sort();

  const m: Messages = {
    count: N,
    template: new Uint16Array(N), user: new Int32Array(N), sendAt, phone: new Uint8Array(N),
    category: new Uint8Array(N), join: new Uint8Array(N), opaque: new Uint8Array(N),
    sentTs: new Int32Array(N).fill(NONE), deliveredTs: new Int32Array(N).fill(NONE),
    readTs: new Int32Array(N).fill(NONE), failedTs: new Int32Array(N).fill(NONE), failCode: new Uint8Array(N),
    extra: new Uint8Array(N), extraTs: new Int32Array(N).fill(NONE),
    urlClickTs: new Int32Array(N).fill(NONE), urlClicks: new Uint8Array(N), flags: new Uint8Array(N),
  };

  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const { paused, recategorised } = lifecycle;
  for (let i = 0; i < N; i++) {
    const s = sendAt[i]!;
    const inPause = s >= paused.from && s < paused.to;
    // The first T messages cycle through the catalog so every template has traffic (and analytics data points)
    // even in small runs; they are always logged.
    let t = i < T ? i : rngPick.weighted(weights, totalWeight);
    for (let k = 0; inPause && t === paused.template && k < 64; k++) t = rngPick.weighted(weights, totalWeight);
    const tpl = templates[t]!;
    m.template[i] = t;
    const pool = users.byLang[tpl.langIdx]!;
    m.user[i] = pool[rngPick.int(0, pool.length - 1)]!;
    m.phone[i] = tpl.phone;
    m.category[i] = t === recategorised.template && s >= recategorised.at ? CAT_MARKETING : tpl.category;
    const r = rngPick.float();
    const join = i < T || r < 0.94 ? JOIN_LOGGED : r < 0.96 ? JOIN_KV : r < 0.97 ? JOIN_JSON : JOIN_NONE;
    m.join[i] = join;
    if (join === JOIN_KV) m.opaque[i] = OPAQUE_KV;
    else if (join === JOIN_JSON) m.opaque[i] = OPAQUE_JSON;
    else if (join === JOIN_LOGGED && rngPick.chance(0.5)) m.opaque[i] = rngPick.chance(2 / 3) ? OPAQUE_KV : OPAQUE_JSON;
    if (join === JOIN_LOGGED && rngPick.chance(0.01)) m.flags[i]! |= M_HELD;
  }

  const cap = Math.ceil(N / 4);
  const inbound = {
    ts: int32(cap), user: int32(cap), context: int32(cap), type: uint8(cap), variant: uint16(cap), flags: uint8(cap),
    phone: uint8(cap),
  };
  const addInbound = (ts: number, user: number, context: number, type: number, variant: number, flags: number, phone: number): void => {
    inbound.ts.push(Math.min(ts, horizon));
    inbound.user.push(user);
    inbound.context.push(context);
    inbound.type.push(type);
    inbound.variant.push(variant);
    inbound.flags.push(flags | (context !== NONE && type !== IN_REACTION ? IF_CONTEXT : 0));
    inbound.phone.push(phone);
  };
  const prefs = { ts: int32(), user: int32(), value: uint8(), phone: uint8() };
  // At most one stop (and one later resume) per user: the 131050 rule needs an unambiguous "active stop" state.
  const userStop = new Int32Array(U).fill(NONE);
  const userResume = new Int32Array(U).fill(NONE);
  const addStop = (user: number, ts: number, phone: number, rng: Rng, resumeP: number, forceResume = false): void => {
    const at = Math.min(ts, horizon);
    userStop[user] = at;
    prefs.ts.push(at);
    prefs.user.push(user);
    prefs.value.push(0);
    prefs.phone.push(phone);
    if (rng.chance(resumeP) || forceResume) {
      const back = at + rng.int(DAY, 10 * DAY);
      if (back <= horizon) {
        userResume[user] = back;
        prefs.ts.push(back);
        prefs.user.push(user);
        prefs.value.push(1);
        prefs.phone.push(phone);
      }
    }
  };

  // Standalone stops (chat menu, not after a recent template) are drawn before the sends they may block: half at
  // random (the first always resumes later, so small exports contain a resume), half shortly before a marketing
  // send to that user (so small exports contain 131050 failures).
  const standalone = Math.max(1, Math.round(N * 0.0005));
  for (let k = 0; k < standalone; k++) {
    const user = rngNoise.int(0, U - 1);
    const ts = rngNoise.int(0, (days + 3) * DAY);
    const phone = rngNoise.int(0, 1);
    if (userStop[user] === NONE) addStop(user, ts, phone, rngNoise, 0.3, k === 0);
  }
  for (let k = 0; k < standalone; k++) {
    const i = rngNoise.int(0, N - 1);
    for (let j = i; j < N; j++) {
      if (m.category[j] !== CAT_MARKETING || m.flags[j]! & M_HELD || m.join[j] === JOIN_NONE) continue;
      const user = m.user[j]!;
      const at = sendAt[j]! - rngNoise.int(600, 2 * DAY);
      if (userStop[user] === NONE && at >= 0) addStop(user, at, m.phone[j]!, rngNoise, 0);
      break;
    }
  }

  const clamp = (t: number): number => Math.min(t, horizon);
  const delay = (median: number, sigma: number, lo: number, hi: number): number =>
    Math.min(hi, Math.max(lo, Math.round(rngOut.lognormal(median, sigma))));
  const failMixTotal = ERROR_MIX.reduce((a, b) => a + b, 0);
  let extras = 0;
  let doubleSignal = false;

  for (let i = 0; i < N; i++) {
    if (m.flags[i]! & M_HELD) continue;
    const t = m.template[i]!;
    const tpl = templates[t]!;
    const u = m.user[i]!;
    const s = sendAt[i]!;
    const phone = m.phone[i]!;
    const marketing = m.category[i] === CAT_MARKETING;
    const uflags = users.flags[u]!;

    const stop = userStop[u]!;
    if (marketing && stop !== NONE && stop <= s && (userResume[u] === NONE || userResume[u]! > s)) {
      // Meta refuses marketing to a stopped user: failed 131050, no `sent` first.
      m.failedTs[i] = s + rngOut.int(1, 30);
      m.failCode[i] = CODE_131050;
      m.flags[i]! |= M_FORCED_131050;
      continue;
    }
    if (rngOut.chance(tpl.rates.fail)) {
      m.failCode[i] = rngOut.weighted(ERROR_MIX, failMixTotal);
      let failed = s + rngOut.int(1, 120);
      if (rngOut.chance(0.6)) {
        m.sentTs[i] = s + rngOut.int(1, 5);
        failed = Math.max(failed, m.sentTs[i]! + 1);
      }
      m.failedTs[i] = failed;
      // Multi-device recipients: a later `delivered` overrides the failure (positive evidence wins).
      if (uflags & MULTI_DEVICE && rngOut.chance(0.5)) {
        m.deliveredTs[i] = failed + rngOut.int(1, 600);
        m.flags[i]! |= M_DELIVERED_AFTER_FAILED;
      }
      continue;
    }

    const sent = s + rngOut.int(1, 5);
    const delivered = clamp(sent + (rngOut.chance(0.95) ? delay(8, 0.8, 1, 600) : rngOut.int(60, 2 * DAY)));
    let read = NONE;
    if (!(uflags & RECEIPTS_OFF) && rngOut.chance(tpl.rates.read)) {
      // Some users have the chat open: read within seconds, and Meta then skips the `delivered` webhook.
      read = clamp(delivered + (rngOut.chance(0.04) ? rngOut.int(0, 5) : delay(1500, 1.6, 6, 5 * DAY)));
    }
    m.sentTs[i] = sent;
    m.deliveredTs[i] = delivered;
    m.readTs[i] = read;
    if (read !== NONE && read - delivered <= 5) {
      m.deliveredTs[i] = NONE;
      m.flags[i]! |= M_DELIVERED_SKIPPED;
    } else if (rngOut.chance(0.01)) {
      m.sentTs[i] = NONE;
      m.flags[i]! |= M_SENT_SKIPPED;
    }
    // The first two eligible messages get one of each, so even small exports show both.
    if (m.sentTs[i] !== NONE && (extras < 2 || rngOut.chance(0.003))) {
      m.extra[i] = extras === 0 ? EXTRA_PLAYED : extras === 1 ? EXTRA_DELETED : rngOut.chance(0.7) ? EXTRA_PLAYED : EXTRA_DELETED;
      extras++;
      m.extraTs[i] = clamp(Math.max(delivered, read) + rngOut.int(5, 3600));
    }

    // Engagement happens on delivery whether or not a read receipt is emitted (receipts-off users still tap).
    const seen = read !== NONE ? read : delivered;
    const act = (): number => clamp(seen + delay(600, 1.5, 2, 3 * DAY));
    const lang = texts.byLang[tpl.langIdx]!;
    if (tpl.quickReplies.length > 0 && rngOut.chance(tpl.rates.quickReply)) {
      const taps = rngOut.chance(0.05) ? 2 : 1;
      let at = act();
      for (let k = 0; k < taps; k++) {
        const type = rngOut.chance(0.9) ? IN_BUTTON : IN_INTERACTIVE;
        addInbound(at, u, i, type, rngOut.int(0, tpl.quickReplies.length - 1), 0, phone);
        at = clamp(at + rngOut.int(1, 600));
      }
    }
    if (tpl.url !== null && rngOut.chance(tpl.rates.url)) {
      // Clicks within the 7 days Meta keeps counting them.
      m.urlClickTs[i] = Math.min(clamp(seen + delay(900, 1.5, 2, 3 * DAY)), s + 7 * DAY - 1);
      m.urlClicks[i] = Math.min(255, 1 + rngOut.geometric(0.7));
    }
    if (rngOut.chance(tpl.rates.reply)) {
      addInbound(act(), u, rngOut.chance(0.5) ? i : NONE, IN_TEXT, rngOut.pick(lang.replies), 0, phone);
    }
    if (rngOut.chance(tpl.rates.reaction)) {
      addInbound(act(), u, i, IN_REACTION, rngOut.int(0, REACTION_EMOJI.length - 1), rngOut.chance(0.5) ? IF_CONTEXT : 0, phone);
    }
    if (rngOut.chance(tpl.rates.keyword)) {
      addInbound(act(), u, rngOut.chance(0.6) ? i : NONE, IN_TEXT, rngOut.pick(lang.keywords), IF_KEYWORD, phone);
    }
    if (rngOut.chance(tpl.rates.decoy)) {
      addInbound(act(), u, rngOut.chance(0.5) ? i : NONE, IN_TEXT, rngOut.pick(lang.decoys), IF_DECOY, phone);
    }
    if (marketing) {
      if (tpl.optOut && rngOut.chance(tpl.rates.optOutButton)) {
        const at = act();
        addInbound(at, u, i, IN_BUTTON, OPT_OUT_VARIANT, IF_OPT_OUT_BUTTON, phone);
        // Whether Meta also sends user_preferences for the tap is unverified: do it for some (always for the first
        // tap), so the ingest must count the user once.
        if (userStop[u] === NONE && (rngOut.chance(0.3) || !doubleSignal)) {
          addStop(u, at + rngOut.int(0, 5), phone, rngOut, 0.1);
          doubleSignal = true;
        }
      }
      if (userStop[u] === NONE && rngOut.chance(tpl.rates.prefStop)) {
        // Mostly within the 7-day attribution window; some later (then attributed elsewhere or not at all).
        const after = rngOut.chance(0.9) ? delay(7200, 1.5, 30, 6 * DAY) : rngOut.int(7 * DAY + 1, 9 * DAY);
        addStop(u, seen + after, phone, rngOut, 0.1);
      }
    }
  }

  // Inbound traffic not tied to templates.
  const anyDelivered = (): number => {
    for (let k = 0; k < 64; k++) {
      const i = rngNoise.int(0, N - 1);
      if (m.deliveredTs[i] !== NONE || m.readTs[i] !== NONE) return i;
    }
    return NONE;
  };
  const period = days * DAY - 1;
  const randomUser = (): number => rngNoise.int(0, U - 1);
  for (let k = Math.max(1, Math.round(N * 0.002)); k > 0; k--) {
    addInbound(rngNoise.int(0, period), randomUser(), NONE, IN_WELCOME, 0, 0, rngNoise.int(0, 1));
  }
  for (let k = Math.max(1, Math.round(N * 0.002)); k > 0; k--) {
    const variant = rngNoise.int(0, UNSUPPORTED_TYPES.length - 1);
    const ctx = rngNoise.chance(0.3) ? anyDelivered() : NONE;
    if (ctx === NONE) {
      addInbound(rngNoise.int(0, period), randomUser(), NONE, IN_UNSUPPORTED, variant, 0, rngNoise.int(0, 1));
    } else {
      const seen = m.readTs[ctx] !== NONE ? m.readTs[ctx]! : m.deliveredTs[ctx]!;
      addInbound(seen + rngNoise.int(60, DAY), m.user[ctx]!, ctx, IN_UNSUPPORTED, variant, 0, m.phone[ctx]!);
    }
  }
  for (let k = Math.max(1, Math.round(N * 0.003)); k > 0; k--) {
    const u = randomUser();
    addInbound(rngNoise.int(0, period), u, NONE, IN_TEXT, rngNoise.pick(texts.byLang[users.lang[u]!]!.replies), 0, rngNoise.int(0, 1));
  }
  // A delivered message matching `ok`, scanning from a random position (NONE when there is none).
  const findDelivered = (ok: (i: number) => boolean): number => {
    if (N === 0) return NONE;
    const from = rngNoise.int(0, N - 1);
    for (let k = 0; k < N; k++) {
      const i = (from + k) % N;
      if ((m.deliveredTs[i] === NONE && m.readTs[i] === NONE) || m.flags[i]! & M_DELIVERED_AFTER_FAILED) continue;
      if (ok(i)) return i;
    }
    return NONE;
  };
  const seenAt = (i: number): number => (m.readTs[i] !== NONE ? m.readTs[i]! : m.deliveredTs[i]!);
  // Coverage for small exports (negligible at scale): one more opt-out tap per template with the button (taps without
  // an accompanying user_preferences event), and a keyword and a decoy sent as replies with context.
  for (const tpl of templates) {
    if (!tpl.optOut) continue;
    const i = findDelivered((j) => m.template[j] === tpl.index && m.category[j] === CAT_MARKETING);
    if (i !== NONE) addInbound(seenAt(i) + rngNoise.int(30, DAY), m.user[i]!, i, IN_BUTTON, OPT_OUT_VARIANT, IF_OPT_OUT_BUTTON, m.phone[i]!);
  }
  for (const flag of [IF_KEYWORD, IF_DECOY]) {
    const i = findDelivered(() => true);
    if (i === NONE) continue;
    const lang = texts.byLang[templates[m.template[i]!]!.langIdx]!;
    const variant = rngNoise.pick(flag === IF_KEYWORD ? lang.keywords : lang.decoys);
    addInbound(seenAt(i) + rngNoise.int(30, DAY), m.user[i]!, i, IN_TEXT, variant, flag, m.phone[i]!);
  }
  // Every keyword variant and every decoy at least once, unsolicited (no context), from a user of that language.
  for (let l = 0; l < LANGUAGES.length; l++) {
    const pool = users.byLang[l]!;
    if (pool.length === 0) continue;
    const { keywords, decoys } = texts.byLang[l]!;
    for (const v of keywords) addInbound(rngNoise.int(0, period), pool[rngNoise.int(0, pool.length - 1)]!, NONE, IN_TEXT, v, IF_KEYWORD, rngNoise.int(0, 1));
    for (const v of decoys) addInbound(rngNoise.int(0, period), pool[rngNoise.int(0, pool.length - 1)]!, NONE, IN_TEXT, v, IF_DECOY, rngNoise.int(0, 1));
  }

  const inboundCount = inbound.ts.length;
  return {
    startUnix, days, horizon, catalog, users, messages: m, texts, lifecycle,
    inbound: {
      count: inboundCount, ts: inbound.ts.view(), user: inbound.user.view(), context: inbound.context.view(),
      type: inbound.type.view(), variant: inbound.variant.view(), flags: inbound.flags.view(), phone: inbound.phone.view(),
    },
    prefs: { count: prefs.ts.length, ts: prefs.ts.view(), user: prefs.user.view(), value: prefs.value.view(), phone: prefs.phone.view() },
  };
}
