import { describe, it } from 'vitest';
import rule from '../src/rules/name-length.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const json = (name: string): string => `{"name":"${name}","language":"en_US","category":"UTILITY","components":[{"type":"BODY","text":"Your order {{1}} has shipped."}]}`;

runRuleTests(rule, {
  valid: [
    // a short name
    { code: draft('Your order {{1}} has shipped.', '', { name: 'order_shipped' }) },
    // exactly 512 characters
    { code: draft('Your order {{1}} has shipped.', '', { name: 'a'.repeat(512) }) },
    // a lower limit from options, met exactly (Indonesian draft)
    { code: draft('Pesanan {{1}} sudah dikirim.', '', { name: 'pesanan_dikirim', language: 'id' }), options: { max: 15 } },
    // Meta JSON
    { filename: 'x.json', code: json('order_shipped') },
  ],
  invalid: [
    // one character over: the finding marks the 513th character
    { code: draft('Your order {{1}} has shipped.', '', { name: 'a'.repeat(513) }), errors: [{ messageId: 'tooLong', line: 2, column: 519, endLine: 2, endColumn: 520, message: '513 characters' }] },
    // option max: the characters past 20 are marked (Indonesian draft)
    {
      code: draft('Pesanan {{1}} sudah dikirim.', '', { name: 'pemberitahuan_pengiriman_pesanan', language: 'id' }),
      options: { max: 20 },
      errors: [{ messageId: 'tooLong', line: 2, column: 27, endColumn: 39, message: 'shorten it by 12' }],
    },
    // Meta JSON: the position points into the JSON string
    { filename: 'x.json', code: json('a'.repeat(513)), errors: [{ messageId: 'tooLong', line: 1, column: 522, endColumn: 523 }] },
  ],
}, { describe, it });
