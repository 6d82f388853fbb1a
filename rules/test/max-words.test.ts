import { describe, it } from 'vitest';
import rule from '../src/rules/max-words.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const long = `Hi {{1}}, ${'your order is on its way to you today. '.repeat(7)}Thanks!`;

runRuleTests(rule, {
  valid: [
    // well under the default limit
    { code: draft('Hi {{1}}, your order {{2}} has shipped.') },
    // exactly at a custom limit: parameters count as words
    { code: draft('Hi {{1}}, order {{2}} shipped.'), options: { max: 5 } },
    // emoji and punctuation are not words
    { code: draft('Hi {{1}} 👋 order {{2}} shipped!!! 🚚'), options: { max: 5 } },
    // AUTHENTICATION is not checked
    { code: draft('{{1}} is your verification code.', '', { category: 'AUTHENTICATION' }), options: { max: 2 } },
  ],
  invalid: [
    // the default limit of 60 words (66 here)
    { code: draft(long), errors: [{ messageId: 'tooLong', message: 'body of 66 words (6 over the limit), expected at most 60' }] },
    // a custom limit: marks from the first word past it to the end
    { code: draft('Hi {{1}}, order {{2}} shipped today.'), options: { max: 5 }, errors: [{ messageId: 'tooLong', line: 6, column: 31, endLine: 6, endColumn: 36, message: '(1 over the limit)' }] },
    // Indonesian, across lines
    { code: draft('Halo {{1}}, pesanan {{2}} sudah dikirim.\nTerima kasih.', '', { language: 'id' }), options: { max: 6 }, errors: [{ messageId: 'tooLong', line: 7, column: 1, endLine: 7, endColumn: 13 }] },
    // Meta JSON
    {
      filename: 'x.json',
      code: '{"name":"x","language":"es_MX","category":"MARKETING","components":[{"type":"BODY","text":"Hola {{1}}, nuevas ofertas hoy.","example":{"body_text":[["Ana"]]}}]}',
      options: { max: 3 },
      errors: [{ messageId: 'tooLong', line: 1, column: 111, endColumn: 122 }],
    },
  ],
}, { describe, it });
