import { declaredCategory, fixedWordCount, validParameters, type Draft, type LintSettings, type Range } from '@pesan/core';
import { findTerms } from '../lexicon/index.js';
import { draftLanguages, draftTexts, findPromotions, inferUseCase, labelName } from '../util/compliance.js';
import { findPromoStructures } from '../util/promo-structure.js';
import { policyMatches, searchedTexts } from '../util/policy-content.js';
import { RecentDrafts } from '../util/recent-drafts.js';
import { isOtpButton } from '../util/buttons.js';

/**
 * Category predictor: scores UTILITY / MARKETING / AUTHENTICATION for a draft from signals that other rules and the
 * lexicons already compute, so it stays explainable (every point comes from a signal with a position) and cheap (it
 * reuses the per-draft caches of findPromotions / findPromoStructures and the per-text lexicon scans).
 *
 * Scoring (points, not probabilities), after Meta's definitions (template-rules.md §2.1):
 * - Each signal adds its weight to its category; each kind of signal (`kind` + `label`) counts once per draft, at its
 *   first occurrence, so a template that repeats "saved search" does not score twice.
 * - UTILITY starts at UTILITY_PRIOR (1) and is capped at UTILITY_CAP (3): a UTILITY template must be non-promotional
 *   AND specific, so evidence that the message is about an order (use case, order number, date...) holds off weak
 *   marketing signals (2: a product launch, an emoji cluster) but never outweighs promotional content or a strong
 *   marketing intent (4: a discount, a saved-search match), nor a one-time passcode (5: only AUTHENTICATION may carry
 *   one). Mixed content is MARKETING, as Meta says.
 * - The prediction is the highest score; ties go to UTILITY, then AUTHENTICATION.
 * Weights are in WEIGHTS below.
 */

export type PredictedCategory = 'UTILITY' | 'MARKETING' | 'AUTHENTICATION';
export const PREDICTED_CATEGORIES: readonly PredictedCategory[] = ['UTILITY', 'MARKETING', 'AUTHENTICATION'];

/** Score UTILITY starts with. */
export const UTILITY_PRIOR = 1;
/** Highest UTILITY score: utility evidence holds off weak marketing signals only. */
export const UTILITY_CAP = 3;

export type SignalKind =
  | 'promotion'
  | 'promo-structure'
  | 'marketing-intent'
  | 'unclear-content'
  | 'use-case'
  | 'transaction-detail'
  | 'safety-alert'
  | 'opt-in'
  | 'opt-out-confirmation'
  | 'otp'
  | 'otp-button'
  | 'numeric-copy-code';

export interface CategorySignal {
  kind: SignalKind;
  /** Lexicon label (`discount`, `saved-search`, `order-number`...) or structural kind (`coupon-button`...). */
  label: string;
  /** Human name of the signal for messages (`saved-search match`, `coupon code button`). */
  name: string;
  weight: number;
  category: PredictedCategory;
  /** The marked text (phrase, button type, URL word, use case). */
  text: string;
  /** File offsets `[start, end)` of the marked text. */
  range: Range;
  /** Draft part the signal is in: `body`, `header`, `footer`, `button 2`, `name`, `use_case`. */
  where: string;
  /**
   * The rule that reports this signal on its own in a UTILITY template (no-promotional-content,
   * otp-outside-authentication, otp-button-category, unclear-content). category-mismatch stays silent on such drafts
   * so a draft gets one report, from the most specific rule.
   */
  reportedBy: string | undefined;
}

export interface CategoryPrediction {
  /** Declared category (upper case), if any. */
  declared: string | undefined;
  predicted: PredictedCategory;
  /** Scores after the UTILITY cap: what the prediction compares. */
  scores: Record<PredictedCategory, number>;
  /** Sums of the signal weights (UTILITY with its prior) before the cap. */
  evidence: Record<PredictedCategory, number>;
  /** Share of the predicted category in the sum of the scores (0–1). */
  confidence: number;
  /** Signals that scored, strongest first (then in file order). */
  signals: CategorySignal[];
}

/** Weights per signal kind and label; `*` is the default of a kind. */
export const WEIGHTS: Readonly<Record<SignalKind, Readonly<Record<string, number>>>> = {
  promotion: { '*': 4 },
  'promo-structure': { '*': 4, 'emoji-cluster': 2 },
  'marketing-intent': { '*': 4, 'product-launch': 2, 'app-promotion': 2, 'event-invite': 2, celebration: 2, 'membership-invite': 2 },
  'unclear-content': { '*': 2 },
  'use-case': { '*': 2, declared: 1 },
  'transaction-detail': { '*': 1 },
  'safety-alert': { '*': 3 },
  'opt-in': { '*': 2 },
  'opt-out-confirmation': { '*': 2 },
  otp: { '*': 5 },
  'otp-button': { '*': 5 },
  'numeric-copy-code': { '*': 3 },
};

/** Kinds of transaction detail counted at most (the rest add no evidence: a template is not "more utility" with 6). */
const MAX_DETAIL_KINDS = 3;
/** Fewest fixed words before a body counts as clear (unclear-content's default `minWords`). */
const MIN_CLEAR_WORDS = 3;

const INTENT_NAMES: Record<string, string> = {
  'saved-search': 'saved-search match',
  'product-launch': 'product launch',
  'app-promotion': 'app promotion',
  'win-back': 'win-back message',
  'event-invite': 'event invitation',
  celebration: 'celebration greeting',
  'credit-offer': 'credit offer',
  'donation-ask': 'donation ask',
  'membership-invite': 'membership invitation',
};
const STRUCTURE_NAMES: Record<string, string> = {
  'emoji-cluster': 'celebration emoji cluster',
  'coupon-button': 'coupon code button',
  'catalog-button': 'catalogue button',
  'shop-link': 'link to a shop or promotion page',
};
const SIGNAL_CATEGORY: Record<SignalKind, PredictedCategory> = {
  promotion: 'MARKETING',
  'promo-structure': 'MARKETING',
  'marketing-intent': 'MARKETING',
  'unclear-content': 'MARKETING',
  'use-case': 'UTILITY',
  'transaction-detail': 'UTILITY',
  'safety-alert': 'UTILITY',
  'opt-in': 'UTILITY',
  'opt-out-confirmation': 'UTILITY',
  otp: 'AUTHENTICATION',
  'otp-button': 'AUTHENTICATION',
  'numeric-copy-code': 'AUTHENTICATION',
};

function weightOf(kind: SignalKind, label: string): number {
  const table = WEIGHTS[kind];
  return table[label] ?? table['*'] ?? 0;
}

const cache = new RecentDrafts<CategoryPrediction>();

/**
 * Predicts the category of a draft and explains it. Cached per draft and settings: category-mismatch and
 * `pesan explain` share one computation.
 */
export function predictCategory(draft: Draft, settings: LintSettings = {}): CategoryPrediction {
  return cache.get(draft, settings, () => compute(draft, settings));
}

/**
 * Cheap pre-check for category-mismatch: whether the draft may have a MARKETING or AUTHENTICATION signal that no
 * other rule reports (a marketing intent, a numeric copy code) and no signal that one does (promotional phrases or
 * structure). Most drafts have neither, and then the full prediction is not needed. Negated intents and accepted
 * vocabulary are left to predictCategory, so this can say yes when the prediction finds nothing.
 */
export function mayHaveUnreportedSignal(draft: Draft, settings: LintSettings): boolean {
  if (findPromotions(draft, settings).length > 0 || findPromoStructures(draft, settings).length > 0) return false;
  for (const b of draft.buttons) if (b.type.value === 'copy_code' && /^\d{4,8}$/.test(b.examples[0]?.value.trim() ?? '')) return true;
  const languages = draftLanguages(draft);
  for (const where of draftTexts(draft)) if (findTerms(where.text.text, { languages, kinds: INTENT_KIND }).length > 0) return true;
  return false;
}

/**
 * One signal, always built with the same property order (one object shape: this runs on every draft, and object
 * spreads or optional properties would make V8 fall back to slow dictionary objects).
 */
function signal(kind: SignalKind, label: string, name: string, text: string, range: Range, where: string, reportedBy: string | undefined): CategorySignal {
  return { kind, label, name, weight: weightOf(kind, label), category: SIGNAL_CATEGORY[kind], text, range, where, reportedBy };
}

function compute(draft: Draft, settings: LintSettings): CategoryPrediction {
  const languages = draftLanguages(draft);
  const candidates: CategorySignal[] = [];

  // MARKETING: promotional phrases (with no-promotional-content's guards), structure, intents, unclear content.
  for (const p of findPromotions(draft, settings)) {
    candidates.push(signal('promotion', p.label, nameOf('promotion', p.label), p.phrase, p.where.text.fileRange(p.start, p.end), p.where.label, 'no-promotional-content'));
  }
  const structures = findPromoStructures(draft, settings);
  for (const st of structures) {
    const text = st.kind === 'emoji-cluster' ? st.phrase : st.kind === 'coupon-button' ? st.code || 'COPY_CODE' : st.kind === 'catalog-button' ? st.type : st.link.text;
    const where = st.kind === 'emoji-cluster' ? 'body' : `button ${st.button + 1}`;
    candidates.push(signal('promo-structure', st.kind, STRUCTURE_NAMES[st.kind]!, text, st.range, where, 'no-promotional-content'));
  }
  for (const where of draftTexts(draft)) {
    // Utility evidence is read in the header and body; marketing intents anywhere (a footer or a button says it too).
    const kinds = where.part === 'header' || where.part === 'body' ? TERM_KINDS : INTENT_KIND;
    for (const m of findTerms(where.text.text, { languages, kinds, vocabulary: settings.vocabulary })) {
      if (m.negated) continue;
      const kind = TERM_SIGNAL[m.kind];
      if (!kind || (kind === 'opt-in' && m.label !== 'subscribed') || (kind === 'opt-out-confirmation' && m.label !== 'stop-confirmed')) continue;
      candidates.push(signal(kind, m.label, nameOf(kind, m.label), m.text, where.text.fileRange(m.start, m.end), where.label, undefined));
    }
  }
  const body = draft.body;
  if (body) {
    const text = body.text.text;
    const words = fixedWordCount(text);
    if (words < MIN_CLEAR_WORDS) {
      const onlyParams = words === 0 && validParameters(text).length > 0;
      candidates.push(signal('unclear-content', onlyParams ? 'only-parameters' : 'too-few-words', onlyParams ? 'body made only of parameters' : `body with ${words} fixed word(s)`, text, body.text.fileRange(0, text.length), 'body', 'unclear-content'));
    }
  }

  // UTILITY: the use case (declared, or inferred from the name and wording).
  const useCase = inferUseCase(draft, languages);
  if (useCase) candidates.push(useCaseSignal(draft, useCase.useCase, languages));

  // AUTHENTICATION: a passcode with its code parameter, an OTP button, a copy-code button with a numeric code.
  const [otp] = policyMatches(draft, settings, ['otp'], searchedTexts(draft, { footer: false, buttons: false }));
  if (otp) candidates.push(signal('otp', otp.match.label, 'one-time passcode', otp.match.text, otp.where.text.fileRange(otp.match.start, otp.match.end), otp.where.label, 'otp-outside-authentication'));
  for (const button of draft.buttons) {
    if (isOtpButton(button)) {
      candidates.push(signal('otp-button', 'otp-button', 'OTP button', button.type.value, button.type.range, `button ${button.index + 1}`, 'otp-button-category'));
    } else if (button.type.value === 'copy_code' && !structures.some((st) => st.kind === 'coupon-button' && st.button === button.index)) {
      const example = button.examples[0];
      if (example && /^\d{4,8}$/.test(example.value.trim())) {
        candidates.push(signal('numeric-copy-code', 'numeric-copy-code', 'copy-code button with a numeric code', example.value, example.text.fileRange(0, example.text.text.length), `button ${button.index + 1}`, undefined));
      }
    }
  }

  // Each kind of signal counts once, at its first occurrence in the file; transaction details at most 3 kinds.
  candidates.sort(byPosition);
  const seen = new Set<string>();
  let detailKinds = 0;
  const signals: CategorySignal[] = [];
  for (const c of candidates) {
    const key = c.kind + '\0' + c.label;
    if (seen.has(key)) continue;
    if (c.kind === 'transaction-detail' && detailKinds++ >= MAX_DETAIL_KINDS) continue;
    seen.add(key);
    signals.push(c);
  }
  signals.sort(byWeight);

  const evidence: Record<PredictedCategory, number> = { UTILITY: UTILITY_PRIOR, MARKETING: 0, AUTHENTICATION: 0 };
  for (const sg of signals) evidence[sg.category] += sg.weight;
  const scores: Record<PredictedCategory, number> = { UTILITY: Math.min(UTILITY_CAP, evidence.UTILITY), MARKETING: evidence.MARKETING, AUTHENTICATION: evidence.AUTHENTICATION };
  let predicted: PredictedCategory = 'UTILITY';
  for (const c of PREDICTED_CATEGORIES) if (scores[c] > scores[predicted]) predicted = c;
  const total = scores.UTILITY + scores.MARKETING + scores.AUTHENTICATION;
  return { declared: declaredCategory(draft), predicted, scores, evidence, confidence: total > 0 ? scores[predicted] / total : 0, signals };
}

const TERM_KINDS = ['marketing-intent', 'transaction-detail', 'safety-alert', 'opt-in', 'opt-out-confirmation'];
const INTENT_KIND = ['marketing-intent'];
/** Lexicon kind → signal kind. */
const TERM_SIGNAL: Partial<Record<string, SignalKind>> = {
  'marketing-intent': 'marketing-intent',
  'transaction-detail': 'transaction-detail',
  'safety-alert': 'safety-alert',
  'opt-in': 'opt-in',
  'opt-out-confirmation': 'opt-out-confirmation',
};
const names = new Map<string, string>();
/** Human name of a lexicon signal, built once per kind and label. */
function nameOf(kind: SignalKind, label: string): string {
  const key = `${kind}\0${label}`;
  let name = names.get(key);
  if (name === undefined) {
    if (kind === 'marketing-intent') name = INTENT_NAMES[label] ?? labelName(label);
    else if (kind === 'transaction-detail') name = `transaction detail (${labelName(label)})`;
    else if (kind === 'safety-alert') name = `${labelName(label)} notice`;
    else if (kind === 'opt-in') name = 'opt-in confirmation';
    else if (kind === 'opt-out-confirmation') name = 'opt-out confirmation';
    else name = labelName(label);
    names.set(key, name);
  }
  return name;
}
const byPosition = (a: CategorySignal, b: CategorySignal): number => a.range[0] - b.range[0] || b.range[1] - a.range[1];
const byWeight = (a: CategorySignal, b: CategorySignal): number => b.weight - a.weight || a.range[0] - b.range[0];

function useCaseSignal(draft: Draft, useCase: string, languages: readonly string[]): CategorySignal {
  const declared = draft.useCase;
  if (declared && declared.value.trim()) return signal('use-case', 'declared', 'declared use case', useCase, declared.text.fileRange(0, declared.text.text.length), 'use_case', undefined);
  const name = `use case ${useCase}`;
  const field = draft.name;
  if (field) {
    const nameLanguages = languages.includes('en') ? languages : [...languages, 'en'];
    const m = findTerms(field.text.text, { kinds: USE_CASE_KIND, languages: nameLanguages }).find((x) => x.label === useCase && !x.negated);
    if (m) return signal('use-case', 'inferred', name, m.text, field.text.fileRange(m.start, m.end), 'name', undefined);
  }
  if (draft.body) {
    const m = findTerms(draft.body.text.text, { kinds: USE_CASE_KIND, languages }).find((x) => x.label === useCase && !x.negated);
    if (m) return signal('use-case', 'inferred', name, m.text, draft.body.text.fileRange(m.start, m.end), 'body', undefined);
  }
  return signal('use-case', 'inferred', name, useCase, draft.range, 'draft', undefined);
}
const USE_CASE_KIND = ['use-case'];
