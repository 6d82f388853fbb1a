import { describe, it } from 'vitest';
import rule from '../src/rules/body-length-recommended.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const x = (n: number): string => 'x'.repeat(n);

runRuleTests(rule, {
  valid: [
    // exactly 550 characters
    { code: draft(x(550)) },
    // MARKETING at the limit, emoji count one each (Spanish)
    { code: draft('🎉'.repeat(550), '', { category: 'MARKETING', language: 'es_MX' }) },
    // AUTHENTICATION is not covered by the BSP-reported limit
    { code: draft(x(600), '', { category: 'AUTHENTICATION' }) },
    // a higher limit from options
    { code: draft(x(700)), options: { max: 1024 } },
  ],
  invalid: [
    // one over in a utility body: the 551st character is marked
    { code: draft(x(551)), errors: [{ messageId: 'tooLong', line: 6, column: 551, endLine: 6, endColumn: 552, message: 'UTILITY body of 551 characters' }] },
    // marketing body (Indonesian), the message says where the limit comes from
    {
      code: draft(`Halo {{1}}, ${'koleksi baru kami sudah tersedia di toko. '.repeat(14)}`, '', { category: 'MARKETING', language: 'id' }),
      errors: [{ messageId: 'tooLong', message: 'BSP-reported limit' }],
    },
    // lower-case category still counts as MARKETING
    { code: draft(x(560), '', { category: 'marketing' }), errors: [{ messageId: 'tooLong', message: 'shorten it by 10' }] },
    // option
    { code: draft(x(101)), options: { max: 100 }, errors: [{ messageId: 'tooLong', message: 'at most 100' }] },
    // Meta JSON
    {
      filename: 'x.json',
      code: `{"name":"x","language":"pt_BR","category":"UTILITY","components":[{"type":"BODY","text":"${x(551)}"}]}`,
      errors: [{ messageId: 'tooLong', line: 1, column: 640, endColumn: 641 }],
    },
  ],
}, { describe, it });
