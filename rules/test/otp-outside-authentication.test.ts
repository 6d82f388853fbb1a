import { describe, it } from 'vitest';
import rule from '../src/rules/otp-outside-authentication.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    // the same code in an AUTHENTICATION template is what Meta expects
    { code: draft('{{1}} is your verification code.', '', { category: 'AUTHENTICATION' }) },
    // fraud warning: mentions the code but sends none and says "never"
    { code: draft('Fraud alert for account {{1}}: we will never ask for your verification code.') },
    // code words without a parameter in the sentence
    { code: draft('Do not share your OTP with anyone. Your order {{1}} has shipped.') },
    // booking confirmation code and tracking code are not passcodes
    { code: draft('Your booking confirmation code is {{1}}. Show it at the front desk.') },
    // door access code is excluded
    { code: draft('Your door access code for unit {{1}} is {{2}}, valid during your stay.') },
    // card security code (CVV) is not an OTP
    { code: draft('The security code of your card ending in {{1}} did not match, please try again in the app.') },
    // Portuguese tracking code
    { code: draft('Seu pedido {{1}} foi enviado. Código de rastreio: {{2}}.', '', { language: 'pt_BR' }) },
    // Indonesian fraud warning
    { code: draft('Bank Sejahtera tidak pernah meminta kode OTP Anda. Rekening {{1}} aman.', '', { language: 'id' }) },
  ],
  invalid: [
    // the typical OTP body in UTILITY
    {
      code: draft('Your verification code is {{1}}. It expires in 10 minutes.'),
      errors: [{ messageId: 'otp', line: 6, column: 6, endLine: 6, endColumn: 23, message: 'in a UTILITY template' }],
    },
    // code before the phrase, with formatting markers
    { code: draft('*{{1}}* is your login code.'), errors: [{ messageId: 'otp', line: 6, column: 17, endColumn: 27 }] },
    // MARKETING templates are covered too
    { code: draft('Your login code is {{1}}. Check out our deals!', '', { category: 'MARKETING' }), errors: [{ messageId: 'otp', message: 'in a MARKETING template' }] },
    // one finding per draft even with two phrases
    { code: draft('Use the one-time password {{1}} to confirm the transfer. Never share this one-time password {{1}}.'), errors: [{ messageId: 'otp', column: 9, endColumn: 26 }] },
    // Indonesian, with inflection-free phrase
    { code: draft('Kode verifikasi Anda adalah {{1}}. Jangan berikan kode ini kepada siapa pun.', '', { language: 'id' }), errors: [{ messageId: 'otp', line: 6, column: 1, endColumn: 16 }] },
    // Spanish "clave dinámica", accent-insensitive
    { code: draft('Usa la CLAVE DINAMICA {{1}} para confirmar tu transferencia.', '', { language: 'es_CO' }), errors: [{ messageId: 'otp', column: 8, endColumn: 22 }] },
    // Portuguese, in a text header
    { code: draft('Use o código para entrar no app.', 'header: "Seu token é {{1}}"\nexamples:\n  header: ["5521"]', { language: 'pt_BR' }), errors: [{ messageId: 'otp', line: 5, column: 14, endColumn: 19 }] },
    // unknown language: every lexicon is tried
    { code: draft('Votre code: {{1}}. Your OTP is {{1}}.', '', { language: 'fr' }), errors: [{ messageId: 'otp', column: 25, endColumn: 28 }] },
    // Meta JSON: positions point into the JSON string
    {
      filename: 'otp.json',
      code: '{"name":"x","language":"en_US","category":"UTILITY","components":[{"type":"BODY","text":"Your OTP is {{1}}.","example":{"body_text":[["1234"]]}}]}',
      errors: [{ messageId: 'otp', line: 1, column: 95, endColumn: 98 }],
    },
  ],
}, { describe, it });
