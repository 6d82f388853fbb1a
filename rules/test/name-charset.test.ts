import { describe, it } from 'vitest';
import rule from '../src/rules/name-charset.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    // plain snake case
    { code: draft('Your order {{1}} has shipped.', '', { name: 'order_shipped' }) },
    // digits are allowed
    { code: draft('Your order {{1}} has shipped.', '', { name: 'order_shipped_2' }) },
  ],
  invalid: [
    // hyphen: the finding marks the first bad character, and suggests Meta's normalised name
    {
      code: draft('Your order {{1}} has shipped.', '', { name: 'order-shipped' }),
      errors: [{ messageId: 'invalid', line: 2, column: 12, endLine: 2, endColumn: 13, message: '`-`', suggestions: [draft('Your order {{1}} has shipped.', '', { name: 'order_shipped' })] }],
    },
    // capital letter at the start
    { code: draft('Your order {{1}} has shipped.', '', { name: 'Order' }), errors: [{ messageId: 'invalid', line: 2, column: 7 }] },
    // a space inside a quoted name is named in words, positions skip the quote
    { code: draft('Your order {{1}} has shipped.', '', { name: '"order shipped"' }), errors: [{ messageId: 'invalid', line: 2, column: 13, message: 'space' }] },
    // accented letters are not a-z
    { code: draft('Seu pedido {{1}} foi enviado.', '', { name: 'pedido_enviado_ção', language: 'pt_BR' }), errors: [{ messageId: 'invalid', column: 22 }] },
  ],
}, { describe, it });
