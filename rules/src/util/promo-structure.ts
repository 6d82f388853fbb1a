import { findEmoji, type Draft, type LintSettings, type Range } from '@pesan/core';
import { findTerms, type LexiconMatch } from '../lexicon/index.js';
import { draftLanguages, findPromotions } from './compliance.js';
import { RecentDrafts } from './recent-drafts.js';

/**
 * Structural promotion signals of a draft (template-rules.md §4.2): celebration emoji clusters in the body, a COPY_CODE
 * button with a coupon, a catalogue button and a URL button to a shop or promotion page. no-promotional-content
 * reports them and the category predictor counts them, so both read the same list.
 */

/** Emoji that read as a celebration or a sales push; two or more in a row are a marketing signal (Chattigo). */
export const CELEBRATION_EMOJI: ReadonlySet<string> = new Set(['🎉', '🎊', '🥳', '🔥', '💥', '🛍', '🛍️', '🤑', '💸', '💰', '🎁', '⚡', '⚡️', '✨', '🏷', '🏷️', '💯', '🚀', '🤩', '😍', '🛒', '📣', '📢']);
const COUPONISH = new Set(['coupon', 'discount', 'offer']);
const CATALOG_TYPES = new Set(['catalog', 'mpm', 'spm']);

export type PromoStructure =
  | { kind: 'emoji-cluster'; range: Range; phrase: string }
  | { kind: 'coupon-button'; range: Range; code: string; button: number }
  | { kind: 'catalog-button'; range: Range; type: string; button: number }
  | { kind: 'shop-link'; range: Range; url: string; link: LexiconMatch; button: number };

const cache = new RecentDrafts<PromoStructure[]>();

/** The structural promotion signals of a draft in file order (cached per draft, like findPromotions). */
export function findPromoStructures(draft: Draft, settings: LintSettings): PromoStructure[] {
  return cache.get(draft, settings, () => compute(draft, settings));
}

function compute(draft: Draft, settings: LintSettings): PromoStructure[] {
  const out: PromoStructure[] = [];
  const body = draft.body;
  if (body) {
    const text = body.text.text;
    const emoji = findEmoji(text).filter((e) => CELEBRATION_EMOJI.has(e.text) || CELEBRATION_EMOJI.has(e.text.replace(/\uFE0F/g, '')));
    for (let i = 0; i < emoji.length; ) {
      let j = i;
      while (j + 1 < emoji.length && text.slice(emoji[j]!.end, emoji[j + 1]!.start).trim() === '') j++;
      if (j > i) {
        const start = emoji[i]!.start;
        const end = emoji[j]!.end;
        out.push({ kind: 'emoji-cluster', range: body.text.fileRange(start, end), phrase: text.slice(start, end) });
      }
      i = j + 1;
    }
  }
  const couponInText = findPromotions(draft, settings).some((p) => p.label === 'coupon' || p.label === 'discount');
  // URLs are read with the draft's languages, as its text (every language when the code is unknown): each
  // language's promo-link list carries the English URL words too (shop, sale, promo...), and compiling the other
  // languages' lexicons for one URL cost more than the rest of a one-file lint. A coupon code is read in every
  // language: codes mix them (`DISKON50` in an English template), and COPY_CODE buttons are rare in utility drafts.
  const languages = draftLanguages(draft);
  for (const button of draft.buttons) {
    const type = button.type.value;
    if (CATALOG_TYPES.has(type)) {
      out.push({ kind: 'catalog-button', range: button.type.range, type: type.toUpperCase(), button: button.index });
    } else if (type === 'copy_code') {
      const code = button.examples[0]?.value ?? '';
      const couponCode = code !== '' && findTerms(code, { kinds: ['promotion'] }).some((m) => COUPONISH.has(m.label) && !m.negated);
      if (couponCode || couponInText) out.push({ kind: 'coupon-button', range: button.type.range, code, button: button.index });
    } else if (type === 'url' && button.url) {
      const url = button.url.value;
      // A URL that ends in a parameter points at one customer's order, booking or account (`shop.example/t/{{1}}`),
      // not at a shop page, even on a `shop.` host; promotion paths (`/promo/{{1}}`) still count.
      const perCustomer = /\{\{[^{}]*\}\}\s*$/.test(url);
      const link = findTerms(url, { languages, kinds: ['promo-link'] }).find((m) => !m.negated && !(perCustomer && m.label === 'shop-page'));
      if (link) out.push({ kind: 'shop-link', range: button.url.text.fileRange(link.start, link.end), url, link, button: button.index });
    }
  }
  return out;
}
