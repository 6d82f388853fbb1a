import { defineRule, USE_CASES, validParameters, type Draft, type Range } from '@pesan/core';
import { z } from 'zod';
import { BSP, META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { draftLanguages, findPromotions, inferUseCase } from '../util/compliance.js';
import { findTerms, valueShape } from '../lexicon/index.js';

/** Kinds of detail, from the `transaction-detail` lexicon labels and from the shape of parameter examples. */
type Detail = 'order' | 'reference' | 'tracking' | 'amount' | 'date' | 'time' | 'account' | 'location';

const DETAIL_OF_LABEL: Record<string, Detail> = {
  'order-number': 'order',
  'reference-number': 'reference',
  'tracking-number': 'tracking',
  amount: 'amount',
  'due-date': 'date',
  date: 'date',
  eta: 'date',
  time: 'time',
  'account-identifier': 'account',
  location: 'location',
};
/** (Maps: a label or use case looked up in an object would first be internalized, a slow global lookup.) */
const FROM_LABEL = new Map(Object.entries(DETAIL_OF_LABEL));

const NAMES: Record<Detail, string> = {
  order: 'an order number',
  reference: 'a reference (booking, invoice, case…)',
  tracking: 'a tracking number',
  amount: 'an amount',
  date: 'a date',
  time: 'a time',
  account: 'an account identifier',
  location: 'a location',
};

/** Template-rules.md §5: each inner list is "one of these", every inner list is required. */
const REQUIRED_BY_USE_CASE: Partial<Record<string, Detail[][]>> = {
  order_confirmation: [['order', 'reference']],
  shipping_update: [['order', 'reference', 'tracking'], ['tracking', 'date', 'time', 'location']],
  delivery_update: [['order', 'reference', 'tracking']],
  refund: [['amount', 'order', 'reference']],
  appointment_reminder: [['date'], ['time']],
  payment_reminder: [['amount'], ['date']],
  payment_received: [['amount', 'reference', 'order']],
  account_alert: [['account', 'reference', 'amount', 'date', 'order', 'tracking']],
  feedback_survey: [['order', 'reference', 'date', 'tracking']],
  continue_conversation: [['reference', 'order', 'date']],
};
const REQUIRED = new Map(Object.entries(REQUIRED_BY_USE_CASE));

function details(draft: Draft, languages: string[], required: Detail[][]): Set<Detail> {
  const found = new Set<Detail>();
  const texts: string[] = [];
  if (draft.body) texts.push(draft.body.text.text);
  if (draft.header?.text) texts.push(draft.header.text.value);
  for (const b of draft.buttons) if (b.url) texts.push(b.url.value.replace(/[/?=&]+/g, ' '));
  for (const text of texts) {
    for (const m of findTerms(text, { kinds: ['transaction-detail'], languages })) {
      const detail = m.negated ? undefined : FROM_LABEL.get(m.label);
      if (detail) found.add(detail);
    }
  }
  if (draft.header?.format.value === 'location') found.add('location');
  // A link with a parameter points at this user's own order, booking or account.
  if (draft.buttons.some((b) => b.url && validParameters(b.url.value).length > 0)) found.add('reference');
  if (required.every((group) => group.some((d) => found.has(d)))) return found;
  // Parameter examples that look like a date, a time, an amount or an identifier.
  const examples = [...draft.bodyExamples.positional, ...draft.bodyExamples.named.values(), ...(draft.header?.examples ?? [])];
  for (const ex of examples) {
    const shape = valueShape(ex.value, languages);
    if (shape.date) found.add('date');
    if (shape.time) found.add('time');
    if (shape.amount) found.add('amount');
    if (shape.id) found.add('reference');
  }
  return found;
}

function article(list: Detail[]): string {
  return list.map((d) => NAMES[d]).join(' or ');
}

/** The body's first line, where the details are expected. */
function firstLine(draft: Draft): Range | undefined {
  const body = draft.body;
  if (!body) return undefined;
  const text = body.text.text;
  const end = text.indexOf('\n');
  return body.text.fileRange(0, end === -1 ? text.length : end);
}

export default defineRule({
  meta: {
    id: 'transaction-detail-required',
    description: 'A UTILITY body carries the specific details of its use case (order number, tracking number or date, amount and due date, date and time...).',
    type: 'compliance',
    area: 'content',
    defaultSeverity: 'warn',
    categories: ['UTILITY'],
    options: z.strictObject({
      inferFromBody: z.boolean().default(true).describe('Infer the use case from the body wording when neither `use_case` nor the name reveals it.'),
    }),
    messages: {
      missing: 'Missing {{missing}} in a {{useCase}} template (use case {{source}}), expected {{expected}}: Meta requires specific order or transaction details in a UTILITY body',
    },
    docs: {
      rationale:
        'Meta: order-management utility templates must use "specific order or transaction details in the body", account updates must be about a purchased or subscribed product, and "a general/generic survey or request for feedback will not be approved as utility". 360dialog restates it: "an order confirmation must contain an order number". A utility draft without the detail reads as generic and risks being categorised as MARKETING or rejected. YCloud flags "We have an important update for you. Tap below." as too little visible context.',
      details:
        'The use case comes from the front matter `use_case`, else from the template name and the body wording (lexicons `rules/lexicons/<lang>/use-case.yaml`, in any of the four languages); the message says which. Required details (template-rules.md §5): order confirmation — an order number or a reference; shipping update — an order number, reference or tracking number, and a tracking number, date, time or location; delivery update (including "delivered") — an order number, reference or tracking number; refund — an amount or a reference; appointment — a date and a time; payment reminder — an amount and a due date; payment received — an amount or a reference; account alert — any specific detail (account identifier, reference, amount, date); feedback survey — the order, visit or interaction it is about; continue conversation — the case or request. A detail is a label from `transaction-detail.yaml` next to a value (a parameter, `#123`, `BK-55102`, an amount with a currency, a date, a time: `pesanan {{1}}`, `Rp {{2}}`, `jatuh tempo {{3}}`, `at 7:30`), a location header, a URL button with a parameter, or a parameter whose example looks like a date, time or amount. A draft that no-promotional-content already reports is skipped (it will be MARKETING whatever its details). Opt-in and opt-out confirmations are checked by their own rules. Severity is `warn` in `recommended`: the reference rates it a warning (a heuristic; Meta gives no list).',
      sources: [META.categorization, META.utility, BSP.dialog360Utility, BSP.ycloudUtility],
      valid: [
        { title: 'Payment reminder with amount and due date (Indonesian)', draft: exampleDraft('Halo {{1}}, tagihan Rp {{2}} untuk nomor pelanggan {{3}} jatuh tempo {{4}}.', 'use_case: payment_reminder', { name: 'pengingat_tagihan', language: 'id' }) },
        { title: 'Shipping update with order number and date', draft: exampleDraft('Hi {{1}}, your order {{2}} has shipped and arrives on {{3}}.', 'use_case: shipping_update', { name: 'order_shipped' }) },
      ],
      invalid: [
        { title: 'Payment reminder without a due date', draft: exampleDraft('Hi {{1}}, you have an outstanding balance of ${{2}} on your account. Please pay as soon as possible.', 'use_case: payment_reminder', { name: 'balance_reminder' }), messageIds: ['missing'] },
        { title: 'Shipping update inferred from the name, without an order number (Spanish)', draft: exampleDraft('Hola {{1}}, buenas noticias: tu paquete ya fue enviado y va camino a tu dirección.', '', { name: 'paquete_enviado', language: 'es_MX' }), messageIds: ['missing'] },
      ],
    },
  },
  check({ draft, options, settings, report }) {
    if (!draft.body) return;
    // A promotional draft is reported by no-promotional-content; it will be MARKETING whatever its details.
    if (findPromotions(draft, settings).length > 0) return;
    const languages = draftLanguages(draft);
    const inferred = inferUseCase(draft, languages, options.inferFromBody);
    if (!inferred || !(USE_CASES as readonly string[]).includes(inferred.useCase)) return;
    const required = REQUIRED.get(inferred.useCase);
    if (!required) return;
    const found = details(draft, languages, required);
    const missing = required.filter((group) => !group.some((d) => found.has(d)));
    if (missing.length === 0) return;
    const range = firstLine(draft);
    if (!range) return;
    report({
      messageId: 'missing',
      range,
      data: {
        missing: missing.map(article).join(' and '),
        useCase: inferred.useCase.replace(/_/g, ' '),
        source: inferred.source,
        expected: required.map(article).join(' and '),
      },
    });
  },
});
