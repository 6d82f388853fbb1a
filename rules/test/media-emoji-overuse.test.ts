import { describe, it } from 'vitest';
import rule from '../src/rules/media-emoji-overuse.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    // no emoji
    { code: draft('Your order {{1}} has shipped.') },
    // two in a row and three in all are within the defaults
    { code: draft('Done ✅✅ Your order {{1}} ships today 🚚') },
    // text symbols do not count
    { code: draft('© Acme™ order {{1}} shipped ‼ today.') },
    // a custom run length
    { code: draft('🎉🎉🎉 Order {{1}} confirmed.'), options: { maxInARow: 3 } },
    // AUTHENTICATION is not checked
    { code: draft('{{1}} is your code 🎉🎉🎉🎉', '', { category: 'AUTHENTICATION' }) },
  ],
  invalid: [
    // a celebration cluster separated by spaces
    { code: draft('🎉 🎉 🔥 Order {{1}} is confirmed.'), errors: [{ messageId: 'run', line: 6, column: 1, endLine: 6, endColumn: 9, message: 'run of 3 emoji `🎉 🎉 🔥`' }] },
    // too many in all: marks from the 4th emoji to the last
    { code: draft('Hi 👋 order {{1}} 📦 ships 🚚 today 🙏 thanks ❤️'), errors: [{ messageId: 'tooMany', column: 37, endColumn: 49, message: '5 emoji in the body, expected at most 3' }] },
    // a cluster and too many: both findings
    { code: draft('🎉🎉🔥🥳 Pesanan {{1}} dikonfirmasi.', '', { language: 'id' }), errors: [{ messageId: 'run', column: 1, endColumn: 9 }, { messageId: 'tooMany', column: 7, endColumn: 9 }] },
    // zero allowed
    { code: draft('Tu pedido {{1}} salió 🚚', '', { language: 'es_MX' }), options: { max: 0 }, errors: [{ messageId: 'tooMany', column: 23, endColumn: 25 }] },
    // Meta JSON
    {
      filename: 'x.json',
      code: '{"name":"x","language":"pt_BR","category":"MARKETING","components":[{"type":"BODY","text":"Oferta 🔥🔥🔥 hoje"}]}',
      errors: [{ messageId: 'run', line: 1, column: 99, endColumn: 105 }],
    },
  ],
}, { describe, it });
