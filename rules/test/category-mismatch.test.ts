import { describe, it } from 'vitest';
import rule from '../src/rules/category-mismatch.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const SAVED_SEARCH = 'We found a {{1}} near {{2}} that meets your saved search. Take a look in the app to see photos and details.';

runRuleTests(rule, {
  valid: [
    // an order update with its details reads as UTILITY
    { code: draft('Hi {{1}}, your order {{2}} has shipped. Tracking number: {{3}}, expected delivery on {{4}}.', '', { name: 'order_shipped' }) },
    // Indonesian payment reminder: an amount and a due date are transaction facts
    { code: draft('Halo {{1}}, tagihan Rp {{2}} untuk nomor pelanggan {{3}} jatuh tempo {{4}}.', '', { name: 'pengingat_tagihan', language: 'id' }) },
    // the rule applies to UTILITY only: a saved-search alert declared MARKETING is fine
    { code: draft(SAVED_SEARCH, 'footer: "Reply STOP to unsubscribe"', { name: 'saved_search_match', category: 'MARKETING' }) },
    // no double reports: a discount is no-promotional-content's finding, even next to a win-back phrase
    { code: draft('Hi {{1}}, it has been a while! Get 20% off your next order.', '', { name: 'come_back' }) },
    // no double reports: a passcode is otp-outside-authentication's finding
    { code: draft('Your verification code is {{1}}. We found a {{2}} that meets your saved search.', '', { name: 'alerts' }) },
    // no double reports: unclear content is unclear-content's finding (Spanish)
    { code: draft('¡Felicidades!', '', { name: 'aviso', language: 'es_MX' }) },
    // one weak signal (app promotion, 2 points) stays below minScore 3
    { code: draft('Download our app for a faster checkout, {{1}}.', '', { name: 'app_news' }) },
    // a weak signal next to utility evidence: the use case and details hold it off
    { code: draft('Hi {{1}}, your order {{2}} has shipped and arrives on {{3}}. Follow us on Instagram for style tips.', '', { name: 'order_shipped' }) },
    // Portuguese order update that mentions the app to track it: no app promotion (guarded by the lexicon)
    { code: draft('Olá {{1}}, seu pedido {{2}} foi enviado. Baixe o app para rastrear o pedido {{2}}.', '', { name: 'pedido_enviado', language: 'pt_BR' }) },
    // negated intent: "no need to donate" asks for nothing
    { code: draft('No need to donate: your membership {{1}} is already active until {{2}}.', '', { name: 'membership' }) },
    // accepted vocabulary never counts
    { code: draft(SAVED_SEARCH, '', { name: 'alerts' }), settings: { vocabulary: { accept: ['saved search'], reject: [] } } },
    // a numeric copy code with order evidence (locker pickup) stays UTILITY
    { code: draft('Your locker pickup code for order {{1}} is below. Pick it up by {{2}}.', 'buttons:\n  - {type: copy_code, example: "4821"}', { name: 'locker_pickup' }) },
    // Meta JSON order confirmation
    {
      filename: 'x.json',
      code: '{"name":"order_confirmed","language":"en_US","category":"UTILITY","components":[{"type":"BODY","text":"Your order {{1}} is confirmed and ships on {{2}}.","example":{"body_text":[["A-1001","June 3"]]}}]}',
    },
  ],
  invalid: [
    // Meta's own example: a saved-search match has no promotional keyword but is MARKETING
    {
      code: draft(SAVED_SEARCH, '', { name: 'saved_search_match' }),
      errors: [
        {
          messageId: 'marketing',
          line: 6,
          column: 45,
          endLine: 6,
          endColumn: 57,
          message: 'score MARKETING 4 against UTILITY 1; signals: saved-search match `saved search` (+4)',
          suggestions: [draft(SAVED_SEARCH, '', { name: 'saved_search_match', category: 'MARKETING' })],
        },
      ],
    },
    // Indonesian saved-search match
    {
      code: draft('Kami menemukan {{1}} di {{2}} yang sesuai dengan pencarian tersimpan Anda. Lihat fotonya di aplikasi.', '', { name: 'rumah_cocok', language: 'id' }),
      errors: [{ messageId: 'marketing', line: 6, column: 36, endColumn: 59 }],
    },
    // Spanish win-back message
    {
      code: draft('¡Hace tiempo que no nos visitas, {{1}}! Nos encantaría verte de nuevo en Café Luna.', '', { name: 'te_esperamos', language: 'es_MX' }),
      errors: [{ messageId: 'marketing', line: 6, column: 2, endColumn: 20, message: 'win-back message `Hace tiempo que no` (+4)' }],
    },
    // Portuguese credit offer without the word "pré-aprovado"
    {
      code: draft('Olá {{1}}, você tem um empréstimo de até R$ {{2}} esperando por você. Simule agora no app.', '', { name: 'credito_disponivel', language: 'pt_BR' }),
      errors: [{ messageId: 'marketing', line: 6, column: 24, endColumn: 41 }],
    },
    // two weak signals add up (event invitation + celebration); the finding marks the first strongest one
    {
      code: draft('You are invited, {{1}}! Celebrate with us at our tenth anniversary party on {{2}}.', '', { name: 'party_invite' }),
      errors: [{ messageId: 'marketing', line: 6, column: 1, endColumn: 16, message: 'event invitation `You are invited` (+2), celebration greeting `Celebrate with us` (+2)' }],
    },
    // minScore lowered to 2: one weak signal is enough
    {
      code: draft('Download our app for a faster checkout, {{1}}.', '', { name: 'app_news' }),
      options: { minScore: 2 },
      errors: [{ messageId: 'marketing', line: 6, column: 1, endColumn: 17 }],
    },
    // a copy-code button that carries a numeric code reads as AUTHENTICATION; the example value is marked
    {
      code: draft('Tap the button below to copy your code.', 'buttons:\n  - {type: copy_code, example: "482913"}', { name: 'your_code' }),
      errors: [{ messageId: 'authentication', line: 6, column: 33, endLine: 6, endColumn: 39, message: 'score AUTHENTICATION 3 against UTILITY 1' }],
    },
    // Meta JSON: positions point into the JSON string
    {
      filename: 'x.json',
      code: '{"name":"saved_search","language":"en_US","category":"UTILITY","components":[{"type":"BODY","text":"We found a {{1}} that meets your saved search.","example":{"body_text":[["2019 Honda Civic"]]}}]}',
      errors: [{ messageId: 'marketing', line: 1, column: 134, endColumn: 146 }],
    },
  ],
}, { describe, it });
