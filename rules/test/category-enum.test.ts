import { describe, it } from 'vitest';
import rule from '../src/rules/category-enum.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const body = 'Your order {{1}} has shipped.';
const cat = (category: string): string => draft(body, '', { category });
const json = (category: string): string => `{"name":"x","language":"pt_BR","category":"${category}","components":[{"type":"BODY","text":"Seu pedido {{1}} foi enviado."}]}`;

runRuleTests(rule, {
  valid: [
    // the three categories
    { code: cat('UTILITY') },
    { code: cat('MARKETING') },
    { code: draft('{{1}} es tu código de verificación.', '', { category: 'AUTHENTICATION', language: 'es_MX' }) },
    // Meta JSON
    { filename: 'x.json', code: json('UTILITY') },
  ],
  invalid: [
    // lower case: safe fix
    { code: cat('utility'), output: cat('UTILITY'), errors: [{ messageId: 'wrongCase', line: 3, column: 11, endLine: 3, endColumn: 18, message: '`UTILITY`' }] },
    // mixed case (Indonesian draft)
    { code: draft('Halo {{1}}, koleksi baru sudah tersedia.', '', { category: 'Marketing', language: 'id' }), output: draft('Halo {{1}}, koleksi baru sudah tersedia.', '', { category: 'MARKETING', language: 'id' }), errors: [{ messageId: 'wrongCase' }] },
    // a misspelling: suggestion only
    { code: cat('MARKETTING'), errors: [{ messageId: 'invalid', column: 11, endColumn: 21, suggestions: [cat('MARKETING')] }] },
    // the older TRANSACTIONAL name: suggest UTILITY
    { code: cat('TRANSACTIONAL'), errors: [{ messageId: 'invalid', suggestions: [cat('UTILITY')] }] },
    // OTP: suggest AUTHENTICATION
    { code: cat('otp'), errors: [{ messageId: 'invalid', suggestions: [cat('AUTHENTICATION')] }] },
    // something unrelated: no suggestion
    { code: cat('NEWSLETTER'), errors: [{ messageId: 'invalid', message: '`NEWSLETTER`', suggestions: [] }] },
    // Meta JSON: the fix rewrites the JSON string (Portuguese)
    { filename: 'x.json', code: json('marketing'), output: json('MARKETING'), errors: [{ messageId: 'wrongCase', line: 1, column: 44, endColumn: 53 }] },
  ],
}, { describe, it });
