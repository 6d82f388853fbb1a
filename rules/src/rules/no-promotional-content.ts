import { defineRule, fixedWordCount, type Draft, type SuggestionDescriptor } from '@pesan/core';
import { BSP, META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { findPromotions, labelName, sentenceAround, type DraftText } from '../util/compliance.js';
import { findPromoStructures } from '../util/promo-structure.js';

const ALERT_LABELS = new Set(['price-alert', 'restock-alert']);

function declareMarketing(draft: Draft): SuggestionDescriptor[] {
  const category = draft.category;
  if (!category || !category.text.isExact) return [];
  return [{ messageId: 'declareMarketing', fix: { range: category.text.range, text: 'MARKETING' } }];
}

/**
 * Longest body for which "remove the sentence" is offered (4× Meta's 1,024-character limit). Past it the body is
 * rejected for its length anyway, and finding each sentence and re-counting the words left would cost time
 * proportional to the body for every finding: quadratic on a huge body full of promotional words.
 */
const MAX_SUGGESTION_BODY = 4096;

/** "Remove the sentence" when the sentence is not the whole text and what is left still says something. */
function removeSentence(where: DraftText, start: number, end: number): SuggestionDescriptor[] {
  if (where.part !== 'body' || !where.text.isExact || where.text.text.length > MAX_SUGGESTION_BODY) return [];
  const text = where.text.text;
  const [s, e] = sentenceAround(text, start, end);
  let from = s;
  let to = e;
  while (to < text.length && (text[to] === ' ' || text[to] === '\t')) to++;
  if (to === text.length) while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
  const rest = text.slice(0, from) + text.slice(to);
  if (fixedWordCount(rest) < 3) return [];
  const sentence = text.slice(s, e);
  return [{ messageId: 'removeSentence', data: { sentence: sentence.length > 80 ? `${sentence.slice(0, 77)}…` : sentence }, fix: { range: where.text.fileRange(from, to), text: '' } }];
}

export default defineRule({
  meta: {
    id: 'no-promotional-content',
    description: 'A UTILITY template carries no promotional content: discounts, offers, coupons, free incentives, urgency, calls to buy, upsell, greetings.',
    type: 'compliance',
    area: 'content',
    defaultSeverity: 'error',
    categories: ['UTILITY'],
    hasSuggestions: true,
    messages: {
      promotional: 'Unexpected {{kind}} `{{phrase}}` in a UTILITY template, expected no promotional content: remove it, or declare the template MARKETING',
      alert: 'Unexpected {{kind}} `{{phrase}}` in a UTILITY template: even when the user subscribed to it, an alert about a lower price or a restock invites a purchase, so Meta categorises it as MARKETING; declare the template MARKETING',
      rejected: 'Unexpected rejected term `{{phrase}}` (listed in `vocabulary.reject` of the config) in a UTILITY template, expected none: remove it, or declare the template MARKETING',
      emojiCluster: 'Unexpected celebration emoji cluster `{{phrase}}` in a UTILITY template, expected at most one celebration emoji: a cluster such as 🎉🔥 reads as promotion; remove it, or declare the template MARKETING',
      couponButton: 'Unexpected coupon code button (COPY_CODE with `{{code}}`) in a UTILITY template, expected no coupon: coupons are marketing; remove the button, or declare the template MARKETING',
      catalogButton: 'Unexpected {{type}} button in a UTILITY template, expected none: product catalogues are marketing; remove the button, or declare the template MARKETING',
      shopLink: 'Unexpected link to a {{kind}} `{{url}}` in a UTILITY template, expected a link to the user\'s own order, account or booking: remove it, or declare the template MARKETING',
      removeSentence: 'Remove the sentence `{{sentence}}`',
      declareMarketing: 'Declare the template MARKETING',
    },
    docs: {
      rationale:
        'Meta re-categorises a UTILITY template with "promotional or persuasive intent" as MARKETING (since Apr 9, 2025 at creation, and later by its recurring checks): the template is billed at the marketing price, is subject to marketing opt-outs, and repeated misuse restricts the account\'s utility messaging. Order-management and account-update templates "should not promote, recommend, upsell, or cross-sell products; include offers; or attempt to secure renewals". Meta lists renewal with a saving, a delay apology with a credit, "valued customer" and birthday greetings, abandoned carts and pre-approved offers among marketing examples. The term lists are BSP-reported signals (Interakt, egrow, Treble, Chattigo, Leadster, maxchat); Meta publishes no keyword list and classifies by intent, so the lists are signals, not proof.',
      details:
        'Terms come from the lexicons in `rules/lexicons/<lang>/promotion.yaml`, chosen from the template language (`en_US` → English; an unknown language uses every lexicon). Matching is case-, accent- and width-insensitive, on word boundaries, with the language\'s affixes and endings (Indonesian `berdiskon`, `penawaran`; Spanish and Portuguese plurals and genders). Guards: an amount as a transaction fact (`Tagihan Rp {{1}} jatuh tempo {{2}}`, `refund for ${{1}}`) is not a discount; "free" counts only with a next-purchase context; a term negated within 3 words of the same clause ("no coupon needed", "sin costo adicional"; negation words are in `language.yaml`) counts only when the draft also has a call to buy; terms in the sentence of a fraud, security, recall or safety notice are ignored; a renewal notice counts only with an incentive. Structure: two or more celebration emoji in a row, a COPY_CODE button with a coupon, a catalogue button, and a URL button to a shop or promotion page. Each finding marks the phrase (widened over an adjacent "get"/"dapatkan" and "on your next order"/"untuk pembelian berikutnya") and names its kind. The `vocabulary` setting of the config adds terms (`reject`, reported as rejected terms) and removes them (`accept`, never reported). Price-drop and back-in-stock alerts are reported with their own message: the source guide lists them as utility use cases, but they invite a purchase.',
      sources: [META.categorization, META.utility, BSP.interaktUtility, BSP.chattigo, BSP.leadster, BSP.maxchat],
      valid: [
        { title: 'Payment reminder with an amount (Indonesian)', draft: exampleDraft('Halo {{1}}, tagihan Rp {{2}} untuk nomor pelanggan {{3}} jatuh tempo {{4}}. Abaikan pesan ini jika sudah membayar.', '', { name: 'pengingat_tagihan', language: 'id' }) },
        { title: 'Refund processed', draft: exampleDraft('Hi {{1}}, your refund for ${{2}} on order {{3}} has been processed and will reach your card in 5 days.') },
        { title: 'Negation: no coupon needed (Spanish)', draft: exampleDraft('Hola {{1}}, cambiamos la talla de tu pedido {{2}} sin costo adicional para ti. No necesitas cupón.', '', { name: 'cambio_talla', language: 'es_MX' }) },
      ],
      invalid: [
        { title: 'Order update with a discount for the next purchase (Indonesian)', draft: exampleDraft('Halo {{1}}, pesanan {{2}} sudah dikirim. Dapatkan diskon 20% untuk pembelian berikutnya.', '', { name: 'pesanan_dikirim', language: 'id' }), messageIds: ['promotional'] },
        { title: 'Call to buy and urgency (Portuguese)', draft: exampleDraft('Olá {{1}}, seu pedido {{2}} foi entregue. Compre já, só hoje!', '', { name: 'pedido_entregue', language: 'pt_BR' }), messageIds: ['promotional', 'promotional'] },
        { title: 'Back-in-stock alert', draft: exampleDraft('Hi {{1}}, good news: the {{2}} you saved is back in stock at our {{3}} store.', '', { name: 'stock_alert' }), messageIds: ['alert'] },
      ],
    },
  },
  check({ draft, settings, report }) {
    const marketing = declareMarketing(draft);
    const promotions = findPromotions(draft, settings);
    for (const p of promotions) {
      const messageId = p.label === 'rejected' ? 'rejected' : ALERT_LABELS.has(p.label) ? 'alert' : 'promotional';
      const suggest = messageId === 'alert' ? marketing : [...removeSentence(p.where, p.start, p.end), ...marketing];
      report({
        messageId,
        data: { kind: labelName(p.label), phrase: p.phrase },
        range: p.where.text.fileRange(p.start, p.end),
        ...(suggest.length ? { suggest } : {}),
      });
    }

    // Structural signals: celebration emoji clusters, coupon COPY_CODE, catalogue and shop-link buttons.
    const withMarketing = marketing.length ? { suggest: marketing } : {};
    for (const s of findPromoStructures(draft, settings)) {
      if (s.kind === 'emoji-cluster') report({ messageId: 'emojiCluster', data: { phrase: s.phrase }, range: s.range, ...withMarketing });
      else if (s.kind === 'catalog-button') report({ messageId: 'catalogButton', data: { type: s.type }, range: s.range, ...withMarketing });
      else if (s.kind === 'coupon-button') report({ messageId: 'couponButton', data: { code: s.code || 'a code' }, range: s.range, ...withMarketing });
      else report({ messageId: 'shopLink', data: { kind: labelName(s.link.label), url: s.url }, range: s.range, ...withMarketing });
    }
  },
});
