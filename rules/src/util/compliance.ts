import type { Draft, LintSettings, MappedText, Range } from '@pesan/core';
import { RecentDrafts } from './recent-drafts.js';
import { findTerms, languagesForCode, type LexiconMatch } from '../lexicon/index.js';

/**
 * Shared helpers of the compliance rules (promotional content, transaction details, opt-in/opt-out wording).
 * `findPromotions` is the single place where promotional signals and their false-positive guards live, so that
 * no-promotional-content and the category predictor agree.
 */

export type TextPart = 'header' | 'body' | 'footer' | 'button';

export interface DraftText {
  part: TextPart;
  /** `body`, `header`, `footer`, `button 2`. */
  label: string;
  text: MappedText;
}

/** Header text, body, footer and button labels of a draft, in reading order. */
export function draftTexts(draft: Draft): DraftText[] {
  const out: DraftText[] = [];
  if (draft.header?.text) out.push({ part: 'header', label: 'header', text: draft.header.text.text });
  if (draft.body) out.push({ part: 'body', label: 'body', text: draft.body.text });
  if (draft.footer) out.push({ part: 'footer', label: 'footer', text: draft.footer.text });
  for (const b of draft.buttons) if (b.text) out.push({ part: 'button', label: `button ${b.index + 1}`, text: b.text.text });
  return out;
}

/** Lexicon languages of a draft, from its language code (unknown or missing → every language). */
export function draftLanguages(draft: Draft): string[] {
  return languagesForCode(draft.language?.value);
}

/** Human name of a lexicon label, for messages (`call-to-buy` → `call to buy`). */
const LABEL_NAMES: Record<string, string> = {
  'free-incentive': 'free offer',
  'cashback-reward': 'cashback or reward',
  'call-to-buy': 'call to buy',
  'renewal-incentive': 'renewal incentive',
  'apology-credit': 'apology with a credit',
  'generic-greeting': 'generic greeting',
  'price-alert': 'price-drop alert',
  'restock-alert': 'back-in-stock alert',
  'abandoned-cart': 'abandoned-cart reminder',
  'pre-approved': 'pre-approved offer',
  'shop-page': 'shop page',
  'promo-page': 'promotion page',
};
export function labelName(label: string): string {
  return LABEL_NAMES[label] ?? label.replace(/[-_]/g, ' ');
}

/** Sentence of `text` around `[start, end)`: from after the previous `. ! ?` + space or line break to the next one. */
export function sentenceAround(text: string, start: number, end: number): [number, number] {
  let s = start;
  while (s > 0) {
    const c = text[s - 1]!;
    if (c === '\n') break;
    if (/\s/.test(c) && /[.!?]/.test(text[s - 2] ?? '') && !/\d/.test(text[s - 3] ?? '')) break;
    s--;
  }
  let e = end;
  while (e < text.length) {
    const c = text[e]!;
    if (c === '\n') break;
    if (/[.!?]/.test(c) && (e + 1 >= text.length || /\s/.test(text[e + 1]!))) {
      e++;
      break;
    }
    e++;
  }
  while (s < e && /\s/.test(text[s]!)) s++;
  return [s, e];
}

/** One promotional finding: the (widened) phrase in one text of the draft. */
export interface Promotion {
  where: DraftText;
  /** Value offsets of the marked phrase in `where.text`. */
  start: number;
  end: number;
  phrase: string;
  /** Lexicon label (`discount`, `urgency`...), or `rejected` for a `vocabulary.reject` term. */
  label: string;
  kind: string;
  /** The lexicon match that triggered it (before widening). */
  match: LexiconMatch;
}

const GAP = /^[\s*_~]*$/;
/** Labels whose occurrence makes negated terms count again ("no coupon needed: shop now"). */
const CALL_TO_BUY = 'call-to-buy';

/**
 * Promotional phrases of a draft, with the guards of template-rules.md §4.3 applied:
 * - lexicon guards (`requires_context`, `unless`) handle free-as-state, amounts as facts, renewal notices;
 * - negated terms ("no coupon needed", "sin costo adicional") count only when the draft also has a call to buy;
 * - terms in the same sentence as a safety/fraud/recall notice are warnings, not offers;
 * - accepted vocabulary never matches; rejected vocabulary is returned with label `rejected`.
 * Phrases are widened over an adjacent lead verb ("Dapatkan", "Get") and tail ("untuk pembelian berikutnya").
 */
export function findPromotions(draft: Draft, settings: LintSettings): Promotion[] {
  return promotionCache.get(draft, settings, () => computePromotions(draft, settings));
}
const promotionCache = new RecentDrafts<Promotion[]>();

function computePromotions(draft: Draft, settings: LintSettings): Promotion[] {
  const languages = draftLanguages(draft);
  const vocabulary = settings.vocabulary;
  const perText = draftTexts(draft).map((where) => {
    const all = findTerms(where.text.text, { languages, kinds: ['promotion', 'vocabulary'], vocabulary });
    return { where, all };
  });
  const hasCallToBuy = perText.some((t) => t.all.some((m) => m.label === CALL_TO_BUY && !m.negated));
  const out: Promotion[] = [];
  for (const { where, all } of perText) {
    if (all.length === 0) continue;
    const live = all.filter((m) => !m.negated || hasCallToBuy);
    if (live.length === 0) continue;
    const text = where.text.text;
    const safety = findTerms(text, { languages, kinds: ['safety-alert'] });
    const kept = live.filter((m) => m.kind === 'vocabulary' || !safety.some((s) => s.sentence === m.sentence));
    if (kept.length === 0) continue;
    const frames = findTerms(text, { languages, kinds: ['promo-frame'] });
    const spans = kept.map((m) => {
      let start = m.start;
      let end = m.end;
      if (m.kind !== 'vocabulary') {
        const lead = frames.filter((f) => f.label === 'lead' && f.end <= start && GAP.test(text.slice(f.end, start))).sort((a, b) => a.start - b.start)[0];
        if (lead) start = lead.start;
        const tail = frames.filter((f) => f.label === 'tail' && f.start >= end && GAP.test(text.slice(end, f.start))).sort((a, b) => b.end - a.end)[0];
        if (tail) end = tail.end;
      }
      return { m, start, end };
    });
    // Overlapping phrases become one finding named after the longest original match.
    spans.sort((a, b) => a.start - b.start || b.end - a.end);
    const merged: typeof spans = [];
    for (const s of spans) {
      const last = merged[merged.length - 1];
      if (last && s.start < last.end) {
        if (s.m.end - s.m.start > last.m.end - last.m.start && s.m.kind !== 'vocabulary') last.m = s.m;
        last.end = Math.max(last.end, s.end);
      } else merged.push({ ...s });
    }
    for (const s of merged) {
      out.push({ where, start: s.start, end: s.end, phrase: text.slice(s.start, s.end), label: s.m.kind === 'vocabulary' ? 'rejected' : s.m.label, kind: s.m.kind, match: s.m });
    }
  }
  return out;
}

/** File range of a value range in a draft text. */
export function rangeIn(where: DraftText, start: number, end: number): Range {
  return where.text.fileRange(start, end);
}

/** When name and body point to several use cases equally, the more specific one wins. */
const PRIORITY = ['opt_out_confirmation', 'opt_in_confirmation', 'refund', 'payment_received', 'payment_reminder', 'appointment_reminder', 'delivery_update', 'shipping_update', 'order_confirmation', 'feedback_survey', 'continue_conversation', 'account_alert'];

export interface InferredUseCase {
  useCase: string;
  source: string;
}

/**
 * The use case of a draft: front matter `use_case`, else the template name and the body wording (use-case lexicons).
 * Body wording alone needs a phrase of several words (or two words). `source` says where it came from, for messages.
 */
export function inferUseCase(draft: Draft, languages: readonly string[] = draftLanguages(draft), fromBody = true): InferredUseCase | undefined {
  const declared = draft.useCase?.value.trim();
  if (declared) return { useCase: declared, source: `\`use_case: ${declared}\`` };
  const scores = new Map<string, number>();
  const evidence = new Map<string, string>();
  const add = (label: string, points: number, why: string) => {
    scores.set(label, (scores.get(label) ?? 0) + points);
    if (!evidence.has(label)) evidence.set(label, why);
  };
  const name = draft.name?.value ?? '';
  // Names are often English whatever the template language.
  const nameLanguages = languages.includes('en') ? languages : [...languages, 'en'];
  if (name) for (const m of findTerms(name, { kinds: ['use-case'], languages: nameLanguages })) if (!m.negated) add(m.label, 2, `the name \`${name}\``);
  const nameHit = scores.size > 0;
  if (draft.body && (fromBody || nameHit)) {
    // A phrase of several words counts more than one word (`vence` alone may be a code that expires).
    for (const m of findTerms(draft.body.text.text, { kinds: ['use-case'], languages })) if (!m.negated) add(m.label, /\s/.test(m.text.trim()) ? 2 : 1, `the wording \`${m.text}\``);
  }
  if (scores.size === 0) return undefined;
  const best = Math.max(...scores.values());
  if (!nameHit && best < 2) return undefined;
  const top = [...scores].filter(([, s]) => s === best).map(([l]) => l).sort((a, b) => PRIORITY.indexOf(a) - PRIORITY.indexOf(b));
  const useCase = top[0]!;
  return { useCase, source: `inferred from ${evidence.get(useCase)}` };
}

