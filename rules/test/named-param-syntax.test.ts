import { describe, it } from 'vitest';
import rule from '../src/rules/named-param-syntax.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const NAMED = 'parameter_format: named';

runRuleTests(rule, {
  valid: [
    // snake case names
    { code: draft('Hi {{first_name}}, your order {{order_id}} is ready.', NAMED) },
    // digits after the first character are tolerated
    { code: draft('Your items {{item1}} and {{item_2}} have shipped.', NAMED) },
    // the same name used twice in the text
    { code: draft('Hi {{name}}, thanks for your order. See you soon, {{name}}.', NAMED) },
    // spaces around a valid name are positional-param-syntax's
    { code: draft('Hi {{ first_name }}, your order is ready.', NAMED) },
    // symbols inside the braces are param-special-chars'
    { code: draft('Your refund of {{$amount}} is on its way.', NAMED) },
    // a malformed number is positional-param-syntax's
    { code: draft('Your order {{1a}} is on its way.') },
    // Meta JSON with distinct names in body_text_named_params
    {
      filename: 'x.json',
      code: '{"name":"x","language":"en_US","category":"UTILITY","parameter_format":"NAMED","components":[{"type":"BODY","text":"Hi {{first_name}}, order {{order_id}} is ready.","example":{"body_text_named_params":[{"param_name":"first_name","example":"Ana"},{"param_name":"order_id","example":"A-1"}]}}]}',
    },
  ],
  invalid: [
    // camelCase with a snake case suggestion
    {
      code: draft('Hi {{firstName}}, your order is ready.', NAMED),
      errors: [{ messageId: 'invalid', line: 7, column: 4, endLine: 7, endColumn: 17, message: '`firstName`', suggestions: [draft('Hi {{first_name}}, your order is ready.', NAMED)] }],
    },
    // capitals and a hyphen
    {
      code: draft('Hi {{First_Name}}, order {{order-id}} is ready.', NAMED),
      errors: [
        { messageId: 'invalid', column: 4, endColumn: 18, suggestions: [draft('Hi {{first_name}}, order {{order-id}} is ready.', NAMED)] },
        { messageId: 'invalid', column: 26, endColumn: 38, suggestions: [draft('Hi {{First_Name}}, order {{order_id}} is ready.', NAMED)] },
      ],
    },
    // a space inside the name
    { code: draft('Hi {{first name}}, your order is ready.', NAMED), errors: [{ messageId: 'invalid', message: '(`first_name`)' }] },
    // Portuguese name with an accent: the suggestion drops it
    {
      code: draft('Olá {{nome}}, seu pedido {{número}} foi enviado.', NAMED, { language: 'pt_BR' }),
      errors: [{ messageId: 'invalid', column: 26, suggestions: [draft('Olá {{nome}}, seu pedido {{numero}} foi enviado.', NAMED, { language: 'pt_BR' })] }],
    },
    // a header parameter is checked too
    { code: draft('Hi {{name}}, your order is ready.', `${NAMED}\nheader: "Order {{orderId}}"`), errors: [{ messageId: 'invalid', line: 6, column: 16, endColumn: 27, message: 'in the header' }] },
    // Meta JSON: the same name declared twice in body_text_named_params
    {
      filename: 'x.json',
      code: '{"name":"x","language":"en_US","category":"UTILITY","parameter_format":"NAMED","components":[{"type":"BODY","text":"Hi {{first_name}}, your order is ready.","example":{"body_text_named_params":[{"param_name":"first_name","example":"Ana"},{"param_name":"first_name","example":"Budi"}]}}]}',
      errors: [{ messageId: 'duplicateExample', line: 1, column: 253, endColumn: 265, message: 'body_text_named_params' }],
    },
  ],
}, { describe, it });
