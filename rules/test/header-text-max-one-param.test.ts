import { describe, it } from 'vitest';
import rule from '../src/rules/header-text-max-one-param.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const body = 'Your order {{1}} has shipped.';
const json = (text: string): string =>
  `{"name":"x","language":"pt_BR","category":"UTILITY","components":[{"type":"HEADER","format":"TEXT","text":"${text}"},{"type":"BODY","text":"Seu pedido foi enviado."}]}`;

runRuleTests(rule, {
  valid: [
    // no parameter
    { code: draft(body, 'header: Your order is on its way') },
    // one positional parameter
    { code: draft(body, 'header: Order {{1}} shipped') },
    // one named parameter (Spanish)
    { code: draft('Tu pedido fue enviado.', 'parameter_format: named\nheader: Hola {{first_name}}', { language: 'es_MX' }) },
    // a malformed group is not a parameter here (param rules report it)
    { code: draft(body, 'header: Order {{1}} for { 2 }') },
    // Meta JSON
    { filename: 'x.json', code: json('Pedido {{1}}') },
  ],
  invalid: [
    // two parameters: the second is marked
    { code: draft(body, 'header: Hi {{1}}, order {{2}}'), errors: [{ messageId: 'tooMany', line: 5, column: 25, endLine: 5, endColumn: 30, message: '`{{2}}`' }] },
    // three parameters: two findings
    { code: draft(body, 'header: "{{1}} {{2}} {{3}}"'), errors: [{ messageId: 'tooMany', column: 16 }, { messageId: 'tooMany', column: 22 }] },
    // named parameters (Indonesian)
    { code: draft('Pesanan sudah dikirim.', 'parameter_format: named\nheader: Halo {{name}}, pesanan {{order_id}}', { language: 'id' }), errors: [{ messageId: 'tooMany', line: 6, message: '`{{order_id}}`' }] },
    // Meta JSON (Portuguese)
    { filename: 'x.json', code: json('Pedido {{1}} de {{2}}'), errors: [{ messageId: 'tooMany', line: 1, column: 124, endColumn: 129 }] },
  ],
}, { describe, it });
