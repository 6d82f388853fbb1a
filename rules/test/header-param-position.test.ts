import { describe, it } from 'vitest';
import rule from '../src/rules/header-param-position.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const body = 'Your order has shipped.';
const json = (text: string): string =>
  `{"name":"x","language":"id","category":"UTILITY","components":[{"type":"HEADER","format":"TEXT","text":"${text}"},{"type":"BODY","text":"Pesanan sudah dikirim."}]}`;

runRuleTests(rule, {
  valid: [
    // no parameter
    { code: draft(body, 'header: Your order is on its way') },
    // parameter in the middle
    { code: draft(body, 'header: Order {{1}} has shipped') },
    // trailing punctuation counts as fixed text (Spanish)
    { code: draft('Tu pedido fue enviado.', 'header: "¡Hola {{1}}!"', { language: 'es_MX' }) },
    // a malformed group is not a parameter
    { code: draft(body, 'header: "{ 1 } is ready"') },
    // Meta JSON
    { filename: 'x.json', code: json('Pesanan {{1}} dikirim') },
  ],
  invalid: [
    // ends with a parameter
    { code: draft(body, 'header: Order {{1}}'), errors: [{ messageId: 'trailing', line: 5, column: 15, endLine: 5, endColumn: 20 }] },
    // starts with a parameter (Portuguese)
    { code: draft('Seu pedido foi enviado.', 'header: "{{1}}, seu pedido"', { language: 'pt_BR' }), errors: [{ messageId: 'leading', column: 10, endColumn: 15 }] },
    // only a parameter
    { code: draft(body, 'header: "{{1}}"'), errors: [{ messageId: 'alone', column: 10, endColumn: 15, message: 'only of parameter `{{1}}`' }] },
    // starts and ends with different parameters
    { code: draft(body, 'header: "{{1}} and {{2}}"'), errors: [{ messageId: 'leading', column: 10 }, { messageId: 'trailing', column: 20 }] },
    // Meta JSON (Indonesian)
    { filename: 'x.json', code: json('Pesanan {{1}}'), errors: [{ messageId: 'trailing', line: 1, column: 113, endColumn: 118 }] },
  ],
}, { describe, it });
