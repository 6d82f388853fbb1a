import { defineRule } from '@pesan/core';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { policyMatches, searchedTexts } from '../util/policy-content.js';

export default defineRule({
  meta: {
    id: 'otp-outside-authentication',
    description: 'A one-time passcode (verification code, OTP) is sent only in an AUTHENTICATION template, never in UTILITY or MARKETING.',
    type: 'compliance',
    area: 'content',
    defaultSeverity: 'error',
    categories: ['UTILITY', 'MARKETING'],
    messages: {
      otp: 'Unexpected one-time passcode (`{{phrase}}` with a code parameter) in a {{category}} template, expected an AUTHENTICATION template: only authentication templates may carry a one-time passcode',
    },
    docs: {
      rationale:
        'Meta: "Only authentication templates can be used to send a one-time passcode." Since October 1, 2024 a UTILITY or MARKETING template that Meta finds to carry an OTP gets advance notice and is then REJECTED with reason INCORRECT_CATEGORY on the first day of the next month; no category review is possible. Send codes with an authentication template (preset text plus an OTP button) instead.',
      details:
        'The rule looks for one-time passcode wording in the body and a text header, in the template\'s language (lexicon `rules/lexicons/<lang>/otp.yaml`: "verification code", "one-time password", "kode verifikasi", "kode OTP", "código de verificación", "clave dinámica", "código de segurança", "token"...; every language when the language code has no lexicon). Matching ignores case, accents and width and follows the language\'s inflections. A phrase counts only when a parameter (the code) is in the same sentence, so fraud warnings such as "we will never ask for your verification code" are not reported; negated phrases are ignored, and so are door, Wi-Fi or card-security codes. One finding per draft, on the first phrase.',
      sources: [META.categorization],
      valid: [
        { title: 'A fraud warning that mentions codes without sending one', draft: exampleDraft('Fraud alert for your account ending in {{1}}: we will never ask for your verification code or PIN by phone.', 'examples:\n  body: ["4821"]') },
        {
          title: 'Indonesian booking reference, not a passcode',
          draft: exampleDraft('Kode booking perjalanan Anda adalah {{1}}. Tunjukkan kode ini saat check-in di bandara.', 'examples:\n  body: ["XK7P2Q"]', { name: 'kode_booking', language: 'id' }),
        },
      ],
      invalid: [
        { title: 'A verification code in a UTILITY template', draft: exampleDraft('Your verification code is {{1}}. It expires in 10 minutes.', 'examples:\n  body: ["481920"]'), messageIds: ['otp'] },
        {
          title: 'Spanish login code in a MARKETING template',
          draft: exampleDraft('Tu código de acceso es {{1}}. ¡Mira también las ofertas de la semana!', 'footer: "Responde BAJA para darte de baja"\nexamples:\n  body: ["5521"]', {
            name: 'codigo_acceso_promo',
            category: 'MARKETING',
            language: 'es_MX',
          }),
          messageIds: ['otp'],
        },
      ],
    },
  },
  check({ draft, category, settings, report }) {
    const [first] = policyMatches(draft, settings, ['otp'], searchedTexts(draft, { footer: false, buttons: false }));
    if (!first) return;
    report({
      messageId: 'otp',
      data: { phrase: first.match.text, category: category ?? 'UTILITY' },
      range: first.where.text.fileRange(first.match.start, first.match.end),
    });
  },
});
