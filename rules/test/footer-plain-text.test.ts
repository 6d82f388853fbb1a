import { describe, it } from 'vitest';
import rule from '../src/rules/footer-plain-text.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const body = 'Your order {{1}} has shipped.';
const json = (footer: string): string =>
  `{"name":"x","language":"pt_BR","category":"UTILITY","components":[{"type":"BODY","text":"Seu pedido foi enviado."},{"type":"FOOTER","text":"${footer}"}]}`;

runRuleTests(rule, {
  valid: [
    // plain text
    { code: draft(body, 'footer: Reply STOP to opt out') },
    // an asterisk WhatsApp would not pair (a footnote)
    { code: draft(body, 'footer: "*Terms apply"') },
    // an underscore inside a word or a URL
    { code: draft(body, 'footer: See acme.com/terms_and_conditions') },
    // Meta JSON (Portuguese)
    { filename: 'x.json', code: json('Responda PARAR para sair') },
  ],
  invalid: [
    // an emoji: marked (Spanish)
    { code: draft('Tu pedido fue enviado.', 'footer: Gracias por tu compra 🙏', { language: 'es_MX' }), errors: [{ messageId: 'emoji', line: 5, column: 31, endLine: 5, endColumn: 33, message: '🙏' }] },
    // italics
    { code: draft(body, 'footer: _Acme Store_'), errors: [{ messageId: 'format', column: 9, endColumn: 21, message: '`_Acme Store_`' }] },
    // a line break in a double-quoted YAML string, then strikethrough
    { code: draft(body, 'footer: "Acme\\n~Old~ Store"'), errors: [{ messageId: 'newline', column: 14, endColumn: 16 }, { messageId: 'format', column: 16, endColumn: 21 }] },
    // Meta JSON: bold
    { filename: 'x.json', code: json('*Loja Acme*'), errors: [{ messageId: 'format', line: 1, column: 141, endColumn: 152 }] },
  ],
}, { describe, it });
