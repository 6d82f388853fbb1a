import { describe, it } from 'vitest';
import rule from '../src/rules/header-plain-text.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const body = 'Your order {{1}} has shipped.';
const json = (text: string): string =>
  `{"name":"x","language":"en_US","category":"UTILITY","components":[{"type":"HEADER","format":"TEXT","text":"${text}"},{"type":"BODY","text":"Your order has shipped."}]}`;

runRuleTests(rule, {
  valid: [
    // plain text
    { code: draft(body, 'header: Your order is on its way') },
    // an underscore inside a named parameter is not italics
    { code: draft(body, 'parameter_format: named\nheader: Hi {{first_name}}') },
    // snake_case and a lone asterisk are not formatting WhatsApp would apply
    { code: draft(body, 'header: "Order ref_no 5* hotel"') },
    // text symbols (©, ™) are not emoji (Spanish)
    { code: draft('Tu pedido fue enviado.', 'header: Tienda Acme™', { language: 'es_MX' }) },
    // Meta JSON
    { filename: 'x.json', code: json('Your order is on its way') },
  ],
  invalid: [
    // bold markers: the whole span is marked
    { code: draft(body, 'header: "*Big sale*"'), errors: [{ messageId: 'format', line: 5, column: 10, endLine: 5, endColumn: 20, message: '`*Big sale*`' }] },
    // bold around a parameter, then an emoji (Indonesian)
    { code: draft('Pesanan sudah dikirim.', 'header: "Pesanan *{{1}}* 🚚"\nexamples:\n  header: [A-1]', { language: 'id' }), errors: [{ messageId: 'format', column: 18, endColumn: 25 }, { messageId: 'emoji', column: 26, endColumn: 28 }] },
    // italic and strikethrough
    { code: draft(body, 'header: _New_ price ~old~'), errors: [{ messageId: 'format', column: 9, endColumn: 14 }, { messageId: 'format', column: 21, endColumn: 26 }] },
    // monospace
    { code: draft(body, 'header: Code ```ABC```'), errors: [{ messageId: 'format', message: '```ABC```' }] },
    // Meta JSON: a newline escape is marked, then the emoji (Portuguese)
    {
      filename: 'x.json',
      code: json('Pedido enviado\\nHoje 🎉'),
      errors: [{ messageId: 'newline', line: 1, column: 122, endColumn: 124 }, { messageId: 'emoji', line: 1, column: 129, endColumn: 131 }],
    },
  ],
}, { describe, it });
