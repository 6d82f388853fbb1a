import { describe, it } from 'vitest';
import rule from '../src/rules/unclear-content.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    // enough fixed words
    { code: draft('Your order {{1}} has shipped.') },
    // Indonesian, three fixed words
    { code: draft('Tagihan {{1}} jatuh tempo.', '', { language: 'id' }) },
    // MARKETING is out of scope
    { code: draft('{{1}}', 'examples:\n  body: ["Big sale"]', { category: 'MARKETING' }) },
    // option: a lower minimum
    { code: draft('Congratulations, {{1}}!'), options: { minWords: 1 } },
  ],
  invalid: [
    // only a parameter
    { code: draft('{{1}}', 'examples:\n  body: ["Your order has shipped"]'), errors: [{ messageId: 'onlyParameters', line: 8, column: 1, endColumn: 6 }] },
    // only parameters and punctuation
    { code: draft('{{1}}: {{2}}', 'examples:\n  body: ["Status", "ok"]'), errors: [{ messageId: 'onlyParameters' }] },
    // Meta's example
    { code: draft('Congratulations!'), errors: [{ messageId: 'tooFewWords', message: '1 fixed word(s)' }] },
    // Spanish, two words
    { code: draft('¡Hola {{1}}! Novedades: {{2}}', 'examples:\n  body: ["Ana", "x"]', { language: 'es_MX' }), errors: [{ messageId: 'tooFewWords' }] },
    // Meta JSON
    { filename: 'x.json', code: '{"name":"x","language":"en","category":"UTILITY","components":[{"type":"BODY","text":"{{1}}","example":{"body_text":[["hi"]]}}]}', errors: [{ messageId: 'onlyParameters', line: 1 }] },
  ],
}, { describe, it });
