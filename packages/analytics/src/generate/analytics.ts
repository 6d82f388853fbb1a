// Meta's template_analytics as a business would download it: daily (UTC) aggregates per template id over the period.
// Meta sees every message of the template (also those missing from the send log), counts sent/delivered/read by send
// day, URL clicks by click day, and cost from a rate card. URL clicks exist nowhere else, so truth.ts takes
// urlClicks / urlClicksUnique from these same arrays.
import { RATE_CARD } from './lexicon.js';
import {
  IN_BUTTON, IN_INTERACTIVE, M_HELD, NONE, OPT_OUT_VARIANT, type Simulation,
} from './simulate.js';
import { CATEGORIES, type Template } from './templates.js';
import { DAY } from './time.js';

export interface Analytics {
  days: number;
  /** 1 when the template was sent at all (it then has a data point on every day of the period). */
  hasData: Uint8Array;
  sent: Int32Array; // [template * days + day]
  delivered: Int32Array;
  read: Int32Array;
  urlTotal: Int32Array;
  urlUnique: Int32Array;
  /** Cost in 1/10000 of the currency unit. */
  costUnits: Float64Array;
  /** Quick-reply taps [ (template * days + day) * slots + button ], the last slot is the opt-out button. */
  quickReplies: Int32Array;
  slots: number;
}

export function aggregateAnalytics(sim: Simulation): Analytics {
  const { templates } = sim.catalog;
  const D = sim.days;
  const T = templates.length;
  const slots = Math.max(0, ...templates.map((t) => t.quickReplies.length)) + 1;
  const a: Analytics = {
    days: D, hasData: new Uint8Array(T), sent: new Int32Array(T * D), delivered: new Int32Array(T * D),
    read: new Int32Array(T * D), urlTotal: new Int32Array(T * D), urlUnique: new Int32Array(T * D),
    costUnits: new Float64Array(T * D), quickReplies: new Int32Array(T * D * slots), slots,
  };
  const m = sim.messages;
  for (let i = 0; i < m.count; i++) {
    const t = m.template[i]!;
    a.hasData[t] = 1;
    if (m.flags[i]! & M_HELD) continue;
    const cell = t * D + Math.floor(m.sendAt[i]! / DAY);
    const delivered = m.deliveredTs[i] !== NONE || m.readTs[i] !== NONE;
    if (delivered || m.sentTs[i] !== NONE) a.sent[cell]!++;
    if (delivered) {
      a.delivered[cell]!++;
      a.costUnits[cell]! += RATE_CARD[CATEGORIES[m.category[i]!]!]!;
    }
    // Meta stops updating reads and clicks 7 days after the send.
    if (m.readTs[i] !== NONE && m.readTs[i]! - m.sendAt[i]! < 7 * DAY) a.read[cell]!++;
    const click = m.urlClickTs[i]!;
    if (click !== NONE && click < D * DAY) {
      const clickCell = t * D + Math.floor(click / DAY);
      a.urlUnique[clickCell]!++;
      a.urlTotal[clickCell]! += m.urlClicks[i]!;
    }
  }
  const inb = sim.inbound;
  for (let k = 0; k < inb.count; k++) {
    const type = inb.type[k]!;
    const ctx = inb.context[k]!;
    if ((type !== IN_BUTTON && type !== IN_INTERACTIVE) || ctx === NONE || inb.ts[k]! >= D * DAY) continue;
    const t = m.template[ctx]!;
    const v = inb.variant[k]!;
    const slot = v === OPT_OUT_VARIANT ? slots - 1 : v;
    a.quickReplies[(t * D + Math.floor(inb.ts[k]! / DAY)) * slots + slot]!++;
  }
  return a;
}

const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** One data point as a JSON text (fixed key order, so the two analytics files share byte-identical points). */
export function dataPointJson(a: Analytics, tpl: Template, day: number, startUnix: number): string {
  const cell = tpl.index * a.days + day;
  const start = startUnix + day * DAY;
  const clicked: string[] = [];
  if (tpl.url !== null) {
    const label = JSON.stringify(tpl.url);
    clicked.push(`{"type":"url_button","button_content":${label},"count":${a.urlTotal[cell]!}}`);
    clicked.push(`{"type":"unique_url_button","button_content":${label},"count":${a.urlUnique[cell]!}}`);
  }
  const labels = [...tpl.quickReplies.map((q) => q.text)];
  for (let s = 0; s < a.slots; s++) {
    const label = s === a.slots - 1 ? tpl.optOut?.text : labels[s];
    const count = a.quickReplies[cell * a.slots + s]!;
    if (label === undefined || count === 0) continue;
    clicked.push(`{"type":"quick_reply_button","button_content":${JSON.stringify(label)},"count":${count}}`);
  }
  const delivered = a.delivered[cell]!;
  const amount = a.costUnits[cell]! / 10000;
  const cost = [`{"type":"amount_spent","value":${round(amount, 2)}}`];
  if (delivered > 0) cost.push(`{"type":"cost_per_delivered","value":${round(amount / delivered, 4)}}`);
  return `{"template_id":"${tpl.id}","start":${start},"end":${start + DAY},"sent":${a.sent[cell]!},`
    + `"delivered":${delivered},"read":${a.read[cell]!},"clicked":[${clicked.join(',')}],"cost":[${cost.join(',')}]}`;
}

/** Data points of the sent templates for days [fromDay, days), ordered by template (catalog order) then day. */
export function dataPoints(a: Analytics, sim: Simulation, fromDay: number): string[] {
  const out: string[] = [];
  for (const tpl of sim.catalog.templates) {
    if (!a.hasData[tpl.index]) continue;
    for (let d = fromDay; d < a.days; d++) out.push(dataPointJson(a, tpl, d, sim.startUnix));
  }
  return out;
}

/** `GET /<WABA>/template_analytics` response. */
export function analyticsJson(points: readonly string[]): string {
  return `{"data":[{"granularity":"DAILY","product_type":"cloud_api","data_points":[\n${points.join(',\n')}\n]}],`
    + `"paging":{"cursors":{"before":"MAZDZD","after":"MjQZD"}}}\n`;
}

/** Field-expansion response `GET /<WABA>?fields=template_analytics...`: same points, other envelope. */
export function analyticsExpansionJson(points: readonly string[], waba: string): string {
  return `{"template_analytics":{"data":[{"granularity":"DAILY","product_type":"cloud_api","data_points":[\n${points.join(',\n')}\n]}],`
    + `"paging":{"cursors":{"before":"MAZDZD","after":"MjQZD"}}},"id":"${waba}"}\n`;
}
