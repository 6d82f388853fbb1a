import { describe, it } from 'vitest';
import rule from '../src/rules/param-adjacent.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    // words between parameters
    { code: draft('Hi {{1}}, your order {{2}} arrives on {{3}}.') },
    // punctuation between parameters is borderline but not reported
    { code: draft('Items: {{1}}, {{2}} and more are in your order.') },
    // named parameters with words between them
    { code: draft('Hi {{first_name}}, order {{order_id}} is ready.', 'parameter_format: named') },
  ],
  invalid: [
    // no separator at all
    { code: draft('Hi there {{1}}{{2}} is your code for the order.'), errors: [{ messageId: 'adjacent', line: 6, column: 10, endLine: 6, endColumn: 20 }] },
    // only whitespace
    { code: draft('Order {{1}} {{2}} is ready for pickup today.'), errors: [{ messageId: 'adjacent', line: 6, column: 7, endColumn: 18 }] },
    // a line break is whitespace too
    { code: draft('Order {{1}}\n{{2}} is ready for pickup today.'), errors: [{ messageId: 'adjacent', line: 6, column: 7, endLine: 7, endColumn: 6 }] },
    // three in a row: two findings
    { code: draft('Order {{1}} {{2}} {{3}} is ready for pickup.'), errors: [{ messageId: 'adjacent', column: 7 }, { messageId: 'adjacent', column: 13 }] },
    // Meta JSON: positions point into the JSON string
    {
      filename: 'order.json',
      code: '{"name":"x","language":"en","category":"UTILITY","components":[{"type":"BODY","text":"Hi {{1}}{{2}} there"}]}',
      errors: [{ messageId: 'adjacent', line: 1, column: 90, endColumn: 100 }],
    },
  ],
}, { describe, it });
