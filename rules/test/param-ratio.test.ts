import { describe, it } from 'vitest';
import rule from '../src/rules/param-ratio.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    // exactly 2n+1: 5 fixed words for 2 parameters
    { code: draft('Hi {{1}}, your order {{2}} has shipped.') },
    // no parameters
    { code: draft('Thanks!') },
    // one parameter needs three fixed words
    { code: draft('{{1}} is your code.') },
    // numbers and abbreviations count as words (Indonesian)
    { code: draft('Tagihan {{1}} Rp 150.000 jatuh tempo {{2}}.', '', { language: 'id' }) },
    // malformed placeholders count neither as parameters nor as words
    { code: draft('Hi {{1}}, your {{ 2 }} {{$x}} order.') },
    // a lower requirement from options
    { code: draft('Dear {{1}}, order {{2}} ships {{3}} today.'), options: { minWordsPerParam: 1 } },
  ],
  invalid: [
    // three parameters, four fixed words: 7 needed, the finding spans the parameters
    {
      code: draft('Dear {{1}}, order {{2}} ships {{3}} today.'),
      errors: [{ messageId: 'tooManyParams', line: 6, column: 6, endLine: 6, endColumn: 36, message: 'Unexpected 3 parameters for 4 fixed words in the body, expected at least 7 fixed words (add 3 more' }],
    },
    // repeated parameters count every time they occur
    { code: draft('Hi {{1}} {{1}}, code {{2}}.'), errors: [{ messageId: 'tooManyParams', message: '3 parameters for 2 fixed words' }] },
    // emoji and punctuation are not words (Spanish)
    { code: draft('¡{{1}} 🎉 {{2}}! Gracias.', '', { language: 'es_MX' }), errors: [{ messageId: 'tooManyParams', message: 'for 1 fixed words' }] },
    // a stricter option
    { code: draft('Hi {{1}}, your order {{2}} has shipped.'), options: { minWordsPerParam: 3 }, errors: [{ messageId: 'tooManyParams', message: 'at least 7' }] },
    // Meta JSON
    {
      filename: 'x.json',
      code: '{"name":"x","language":"en_US","category":"UTILITY","components":[{"type":"BODY","text":"Hi {{1}} {{2}} {{3}}"}]}',
      errors: [{ messageId: 'tooManyParams', line: 1, column: 93, endColumn: 110 }],
    },
  ],
}, { describe, it });
