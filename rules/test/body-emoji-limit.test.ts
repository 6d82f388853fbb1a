import { describe, it } from 'vitest';
import rule from '../src/rules/body-emoji-limit.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    // exactly 10 emoji
    { code: draft(`Your order shipped ${'📦'.repeat(10)}`) },
    // a ZWJ sequence, a skin tone and a flag count one each (Spanish)
    { code: draft(`Hola 👩‍💻👍🏽🇲🇽 ${'🎉'.repeat(7)}`, '', { category: 'MARKETING', language: 'es_MX' }) },
    // text symbols ™ and © are not emoji
    { code: draft(`Acme™ © 2026 ${'🎉'.repeat(10)}`) },
    // AUTHENTICATION is not covered
    { code: draft(`${'🔐'.repeat(12)} {{1}}`, '', { category: 'AUTHENTICATION' }) },
    // a higher limit from options
    { code: draft('🎉'.repeat(12)), options: { max: 12 } },
  ],
  invalid: [
    // eleven emoji in a row: the 11th is marked
    { code: draft('🎉'.repeat(11)), errors: [{ messageId: 'tooMany', line: 6, column: 21, endLine: 6, endColumn: 23, message: '11 emoji' }] },
    // spread over lines: the finding spans from the 11th emoji to the last (Indonesian)
    {
      code: draft(`Halo {{1}} ${'🎉'.repeat(10)}\nPromo 🔥 hari ini 🛍️`, '', { category: 'MARKETING', language: 'id' }),
      errors: [{ messageId: 'tooMany', line: 7, column: 7, endLine: 7, endColumn: 22, message: 'remove 2' }],
    },
    // option
    { code: draft('Hi 👋 there 😀 and 🎉'), options: { max: 2 }, errors: [{ messageId: 'tooMany', column: 20, endColumn: 22, message: 'at most 2' }] },
    // Meta JSON with escaped emoji: the position covers the escape
    {
      filename: 'x.json',
      code: `{"name":"x","language":"pt_BR","category":"MARKETING","components":[{"type":"BODY","text":"Oi ${'🎉'.repeat(10)}\\ud83d\\udd25"}]}`,
      errors: [{ messageId: 'tooMany', line: 1, column: 115, endColumn: 127 }],
    },
  ],
}, { describe, it });
