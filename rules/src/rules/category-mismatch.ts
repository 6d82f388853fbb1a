import { defineRule, type SuggestionDescriptor } from '@pesan/core';
import { z } from 'zod';
import { BSP, META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { mayHaveUnreportedSignal, predictCategory, type CategorySignal } from '../category/predict.js';

/** The strongest signals of the predicted category, for the message: "saved-search match `meets your saved search` (+3)". */
function describeSignals(signals: readonly CategorySignal[]): string {
  return signals
    .slice(0, 3)
    .map((s) => `${s.name} \`${s.text.length > 40 ? `${s.text.slice(0, 37)}…` : s.text}\` (+${s.weight})`)
    .join(', ');
}

export default defineRule({
  meta: {
    id: 'category-mismatch',
    description: 'A UTILITY template reads as UTILITY to the category predictor: its content does not score as MARKETING or AUTHENTICATION.',
    type: 'compliance',
    area: 'category',
    defaultSeverity: 'error',
    categories: ['UTILITY'],
    hasSuggestions: true,
    options: z.strictObject({
      minScore: z.number().int().min(1).default(3).describe('Lowest score of the predicted MARKETING or AUTHENTICATION category that is reported (a strong signal weighs 4, a weaker one 2, a numeric copy-code button 3).'),
    }),
    messages: {
      marketing:
        'Unexpected MARKETING content in a UTILITY template (score MARKETING {{score}} against UTILITY {{utility}}; signals: {{signals}}), expected a message about the user\'s own order, account or request: Meta categorises such content as MARKETING even without a discount or offer; declare the template MARKETING, or rewrite it around a specific transaction',
      authentication:
        'Unexpected one-time passcode content in a UTILITY template (score AUTHENTICATION {{score}} against UTILITY {{utility}}; signals: {{signals}}), expected no passcode: only AUTHENTICATION templates may deliver a login or verification code; send it with an authentication template',
      declareMarketing: 'Declare the template MARKETING',
    },
    docs: {
      rationale:
        'Meta classifies templates by intent, not by keywords: "We found a {{car}} that meets your saved search", an abandoned cart, a birthday greeting, a pre-approved credit offer, app promotion and relationship building are MARKETING even when they contain no discount or offer, and "retargeting messages are marketing even if requested by users". Since Apr 9, 2025 a template submitted as UTILITY that Meta judges to be MARKETING is approved as MARKETING (billed as marketing, subject to marketing opt-outs), and repeated miscategorisation restricts the account\'s utility messaging. This rule predicts the category from every signal the other compliance rules and the lexicons find, and reports a UTILITY template whose content scores as another category when no more specific rule already explains why.',
      details:
        'The predictor (`predictCategory` in `@pesan/rules`; `pesan explain <draft>` prints it) scores each category in points. Evidence for UTILITY is the use case (2 when inferred from the name or wording, 1 when only declared), each kind of transaction detail (1, at most 3 kinds), a fraud, security, recall or safety notice (3) and opt-in/opt-out confirmation wording (2); UTILITY starts at 1 and is capped at 3, because Meta requires a UTILITY template to be non-promotional as well as specific: evidence about an order holds off weak marketing signals but never outweighs promotional content (mixed content is MARKETING). MARKETING signals are the promotional phrases and structure of no-promotional-content (4; a celebration emoji cluster 2), unclear content (2) and marketing intents without a promotional keyword, from `rules/lexicons/<lang>/marketing-intent.yaml`: saved-search matches, win-back messages, credit offers and donation asks (4); product launches, app promotion, event and membership invitations and celebration greetings (2). AUTHENTICATION signals are a one-time passcode with its code parameter and an OTP button (5) and a COPY_CODE button whose example is a 4–8 digit number (3). Each kind of signal counts once per draft; negated wording does not count; ties go to UTILITY. The rule reports when the highest score is MARKETING or AUTHENTICATION and reaches `minScore` (3: one strong signal, or two weaker ones), on the strongest signal, naming the score and the top signals.\n\nNo double reports: a draft on which no-promotional-content, otp-outside-authentication, otp-button-category or unclear-content reports is left to that rule (its finding marks the phrase and says what to do), so this rule only reports drafts that no other rule explains, such as a saved-search alert. The check is on the signals, not on the other rules\' configured severities: when you turn one of those rules off, this rule does not take over its drafts. Lexicon terms accepted in the config (`vocabulary.accept`) never count.',
      sources: [META.categorization, META.utility, BSP.interaktUtility],
      valid: [
        { title: 'Order update with its details', draft: exampleDraft('Hi {{1}}, your order {{2}} has shipped. Tracking number: {{3}}, expected delivery on {{4}}.') },
        {
          title: 'Payment reminder (Indonesian)',
          draft: exampleDraft('Halo {{1}}, tagihan Rp {{2}} untuk nomor pelanggan {{3}} jatuh tempo {{4}}.', '', { name: 'pengingat_tagihan', language: 'id' }),
        },
        {
          title: 'A discount is reported by no-promotional-content, not twice',
          draft: exampleDraft('Hi {{1}}, it\'s been a while! Get 20% off your next order.', '', { name: 'come_back' }),
        },
      ],
      invalid: [
        { title: 'Saved-search match (Meta\'s example)', draft: exampleDraft('We found a {{1}} near {{2}} that meets your saved search. Take a look in the app to see photos and details.', '', { name: 'saved_search_match' }), messageIds: ['marketing'] },
        {
          title: 'Win-back message (Spanish)',
          draft: exampleDraft('¡Hace tiempo que no nos visitas, {{1}}! Nos encantaría verte de nuevo en Café Luna.', '', { name: 'te_esperamos', language: 'es_MX' }),
          messageIds: ['marketing'],
        },
        {
          title: 'Credit offer without the word "pre-approved" (Portuguese)',
          draft: exampleDraft('Olá {{1}}, você tem um empréstimo de até R$ {{2}} esperando por você. Simule agora no app.', '', { name: 'credito_disponivel', language: 'pt_BR' }),
          messageIds: ['marketing'],
        },
      ],
    },
  },
  check({ draft, options, settings, report }) {
    // Fast path: without a signal of its own (a marketing intent, a numeric copy code) the rule cannot report.
    if (!mayHaveUnreportedSignal(draft, settings)) return;
    const prediction = predictCategory(draft, settings);
    const { predicted, scores, signals } = prediction;
    if (predicted === 'UTILITY' || scores[predicted] < options.minScore) return;
    // No double reports: a signal that has its own rule is reported there (see docs.details).
    if (signals.some((s) => s.reportedBy)) return;
    const own = signals.filter((s) => s.category === predicted);
    const strongest = own[0];
    if (!strongest) return;
    const suggest: SuggestionDescriptor[] = [];
    if (predicted === 'MARKETING' && draft.category?.text.isExact) suggest.push({ messageId: 'declareMarketing', fix: { range: draft.category.text.range, text: 'MARKETING' } });
    report({
      messageId: predicted === 'MARKETING' ? 'marketing' : 'authentication',
      data: { score: scores[predicted], utility: scores.UTILITY, signals: describeSignals(own) },
      range: strongest.range,
      ...(suggest.length ? { suggest } : {}),
    });
  },
});
