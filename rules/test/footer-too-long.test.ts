import { describe, it } from 'vitest';
import rule from '../src/rules/footer-too-long.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const body = 'Your order {{1}} has shipped.';
const json = (footer: string): string =>
  `{"name":"x","language":"es_MX","category":"UTILITY","components":[{"type":"BODY","text":"Tu pedido fue enviado."},{"type":"FOOTER","text":"${footer}"}]}`;

runRuleTests(rule, {
  valid: [
    // a short footer
    { code: draft(body, 'footer: Reply STOP to opt out') },
    // exactly 60 characters
    { code: draft(body, `footer: ${'x'.repeat(60)}`) },
    // no footer
    { code: draft(body) },
    // Meta JSON (Spanish)
    { filename: 'x.json', code: json('Responde BAJA para no recibir más mensajes') },
  ],
  invalid: [
    // one over: the 61st character is marked
    { code: draft(body, `footer: ${'x'.repeat(61)}`), errors: [{ messageId: 'tooLong', line: 5, column: 69, endLine: 5, endColumn: 70, message: '61 characters' }] },
    // Portuguese footer of 74 characters
    {
      code: draft('Seu pedido {{1}} foi enviado.', 'footer: Responda PARAR para não receber mais mensagens desta loja pelo WhatsApp', { language: 'pt_BR' }),
      errors: [{ messageId: 'tooLong', column: 69, endColumn: 80, message: 'remove 11' }],
    },
    // option
    { code: draft(body, 'footer: Reply STOP to opt out'), options: { max: 10 }, errors: [{ messageId: 'tooLong', message: 'at most 10' }] },
    // Meta JSON
    { filename: 'x.json', code: json('x'.repeat(61)), errors: [{ messageId: 'tooLong', line: 1, column: 200, endColumn: 201 }] },
  ],
}, { describe, it });
