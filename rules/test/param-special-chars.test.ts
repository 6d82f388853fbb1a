import { describe, it } from 'vitest';
import rule from '../src/rules/param-special-chars.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const NAMED = 'parameter_format: named';

runRuleTests(rule, {
  valid: [
    // currency symbols next to the placeholder (Meta's own "${{amount}}" example)
    { code: draft('Your refund for ${{amount}} is on its way.', NAMED) },
    // Indonesian rupiah and Brazilian real before the parameter
    { code: draft('Tagihan Rp {{1}} dan R$ {{2}} sudah dibayar.', '', { language: 'id' }) },
    // percent and hash outside the braces
    { code: draft('Get {{1}}% off order #{{2}} today.') },
    // hyphens and capitals in a name are named-param-syntax's
    { code: draft('Hi {{first-name}}, your order is ready.', NAMED) },
    // brace mistakes around a symbol are positional-param-syntax's
    { code: draft('Your refund of {$amount} is on its way.') },
  ],
  invalid: [
    // a dollar sign inside the braces: the suggestion moves it out
    {
      code: draft('Your refund for {{$amount}} is on its way.', NAMED),
      errors: [{ messageId: 'special', line: 7, column: 17, endLine: 7, endColumn: 28, message: 'Unexpected `$` inside `{{$amount}}` in the body', suggestions: [draft('Your refund for ${{amount}} is on its way.', NAMED)] }],
    },
    // a hash before a number and a percent after one (Spanish)
    {
      code: draft('Su pedido {{#1}} tiene {{2%}} de descuento.', '', { language: 'es_MX' }),
      errors: [
        { messageId: 'special', column: 11, endColumn: 17, suggestions: [draft('Su pedido #{{1}} tiene {{2%}} de descuento.', '', { language: 'es_MX' })] },
        { messageId: 'special', column: 24, endColumn: 30, suggestions: [draft('Su pedido {{#1}} tiene {{2}}% de descuento.', '', { language: 'es_MX' })] },
      ],
    },
    // a dot inside a name: no suggestion, since the rest is not one name
    { code: draft('Hi {{user.name}}, your order is ready.', NAMED), errors: [{ messageId: 'special', message: 'Unexpected `.`', suggestions: [] }] },
    // several symbols are listed once each
    { code: draft('Your code is {{@#@1}} for today.'), errors: [{ messageId: 'special', message: 'Unexpected `@#`' }] },
    // a header parameter
    { code: draft('Your order has shipped today.', 'header: "Total {{$1}}"'), errors: [{ messageId: 'special', line: 5, column: 16, message: 'in the header' }] },
    // Meta JSON
    {
      filename: 'x.json',
      code: '{"name":"x","language":"pt_BR","category":"UTILITY","components":[{"type":"BODY","text":"Reembolso de {{R$1}} processado."}]}',
      errors: [{ messageId: 'special', line: 1, column: 103, endColumn: 110, suggestions: ['{"name":"x","language":"pt_BR","category":"UTILITY","components":[{"type":"BODY","text":"Reembolso de R${{1}} processado."}]}'] }],
    },
  ],
}, { describe, it });
