import { describe, it } from 'vitest';
import rule from '../src/rules/param-leading-trailing.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    // words on both sides
    { code: draft('Your flight boards at gate {{1}} at {{2}}. Have a good trip!') },
    // no parameters at all
    { code: draft('Your order has shipped.') },
    // a word right after the last parameter
    { code: draft('Hi {{1}}, your code is {{2}} today') },
    // AUTHENTICATION bodies are Meta's preset text, which starts with the code
    { code: draft('*{{1}}* adalah kode verifikasi Anda.', '', { category: 'AUTHENTICATION', language: 'id', name: 'kode_verifikasi' }) },
    // malformed placeholders are left to the syntax rules
    { code: draft('Your order has shipped {{ 1 }}.') },
    // digits count as text
    { code: draft('Hi {{1}}, your order ships in 2 days, tracking {{2}} 2026') },
  ],
  invalid: [
    // trailing parameter followed by a full stop
    { code: draft('Your flight to Jakarta boards at gate {{1}}.'), errors: [{ messageId: 'trailing', line: 6, column: 39, endLine: 6, endColumn: 44 }] },
    // leading parameter after a greeting emoji and a comma after it
    { code: draft('👋 {{1}}, your order has shipped today.'), errors: [{ messageId: 'leading', line: 6, column: 4, endColumn: 9, message: 'at the start of the body' }] },
    // both ends, in bold
    {
      code: draft('*{{1}}* is the status of order {{2}} 🎉'),
      errors: [{ messageId: 'leading', column: 2, endColumn: 7 }, { messageId: 'trailing', column: 32, endColumn: 37 }],
    },
    // a body that is only a parameter
    { code: draft('{{1}}'), errors: [{ messageId: 'only', line: 6, column: 1, endColumn: 6 }] },
    // Spanish: trailing parameter on the last line after a line break
    { code: draft('Hola, su pedido fue enviado.\nNúmero de seguimiento:\n{{1}}', '', { language: 'es_MX' }), errors: [{ messageId: 'trailing', line: 8, column: 1, endColumn: 6 }] },
    // Meta JSON: a trailing named parameter
    {
      filename: 'x.json',
      code: '{"name":"x","language":"pt_BR","category":"UTILITY","parameter_format":"NAMED","components":[{"type":"BODY","text":"Seu pedido foi enviado para {{endereco}}!"}]}',
      errors: [{ messageId: 'trailing', line: 1, column: 145, endColumn: 157 }],
    },
  ],
}, { describe, it });
