import { describe, it } from 'vitest';
import rule from '../src/rules/footer-variable.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const body = 'Your order {{1}} has shipped.';
const json = (footer: string): string =>
  `{"name":"x","language":"id","category":"UTILITY","components":[{"type":"BODY","text":"Pesanan sudah dikirim."},{"type":"FOOTER","text":"${footer}"}]}`;

runRuleTests(rule, {
  valid: [
    // fixed text
    { code: draft(body, 'footer: Reply STOP to opt out') },
    // braces that are not a parameter
    { code: draft(body, 'footer: "Use code {SAVE} at checkout"') },
    // Meta JSON (Indonesian)
    { filename: 'x.json', code: json('Balas STOP untuk berhenti') },
  ],
  invalid: [
    // positional parameter: marked
    { code: draft(body, 'footer: Sent by {{1}}'), errors: [{ messageId: 'variable', line: 5, column: 17, endLine: 5, endColumn: 22, message: '`{{1}}`' }] },
    // two named parameters: two findings (Spanish)
    { code: draft('Tu pedido fue enviado.', 'parameter_format: named\nfooter: "{{store}} - {{city}}"', { language: 'es_MX' }), errors: [{ messageId: 'variable', line: 6, column: 10 }, { messageId: 'variable', line: 6, column: 22 }] },
    // Meta JSON
    { filename: 'x.json', code: json('Toko {{1}}'), errors: [{ messageId: 'variable', line: 1, column: 142, endColumn: 147 }] },
  ],
}, { describe, it });
