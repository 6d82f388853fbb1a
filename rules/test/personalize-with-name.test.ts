import { describe, it } from 'vitest';
import rule from '../src/rules/personalize-with-name.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    // greeting followed by the name parameter
    { code: draft('Hi {{1}}, your order {{2}} has shipped.') },
    // thanks with punctuation between
    { code: draft('Thank you, {{1}}! We received your payment for invoice {{2}}.') },
    // a title between the greeting and the name
    { code: draft('Dear Mr. {{1}}, your policy {{2}} renews on {{3}}.') },
    // a named name parameter anywhere
    { code: draft('Your order {{order_id}} is ready, {{first_name}}.', 'parameter_format: named') },
    // opt-in confirmations are exempt
    { code: draft('You will now receive order updates from Northwind on WhatsApp.', 'use_case: opt_in_confirmation') },
    // Indonesian honorific after "Yth."
    { code: draft('Yth. Ibu {{1}}, cicilan {{2}} sudah kami terima.', '', { language: 'id' }) },
    // Spanish greeting with inverted exclamation mark
    { code: draft('¡Hola, {{1}}! Tu pedido {{2}} ya salió.', '', { language: 'es_MX' }) },
    // AUTHENTICATION templates are not checked
    { code: draft('{{1}} is your verification code.', '', { category: 'AUTHENTICATION' }) },
  ],
  invalid: [
    // no greeting, no name
    { code: draft('Your order {{1}} has shipped and arrives on {{2}}.'), errors: [{ messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 5 }] },
    // a greeting without a name
    { code: draft('Hi there, your order {{1}} has shipped.'), errors: [{ messageId: 'missing', column: 1, endColumn: 3 }] },
    // the parameter after the greeting is too far away to be a name
    { code: draft('Hello! Your order number {{1}} has shipped.'), errors: [{ messageId: 'missing' }] },
    // Portuguese greeting followed by an order number, not a name
    { code: draft('Olá, seu pedido {{1}} foi enviado.', '', { language: 'pt_BR' }), errors: [{ messageId: 'missing', column: 1, endColumn: 4 }] },
    // MARKETING is checked too; emoji before the first word
    { code: draft('🎉 Our spring sale starts today with 30% off.', '', { category: 'MARKETING' }), errors: [{ messageId: 'missing', column: 4, endColumn: 7 }] },
    // Meta JSON
    {
      filename: 'x.json',
      code: '{"name":"x","language":"id","category":"UTILITY","components":[{"type":"BODY","text":"Pesanan {{1}} sudah dikirim.","example":{"body_text":[["A-1"]]}}]}',
      errors: [{ messageId: 'missing', line: 1, column: 87, endColumn: 94 }],
    },
  ],
}, { describe, it });
