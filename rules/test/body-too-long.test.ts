import { describe, it } from 'vitest';
import rule from '../src/rules/body-too-long.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const words = (n: number): string => 'x'.repeat(n);

runRuleTests(rule, {
  valid: [
    // exactly at the limit
    { code: draft(words(1024)) },
    // emoji count as one code point each: 1024 of them is still within the limit
    { code: draft('👍'.repeat(1024)) },
    // trailing blank lines are trimmed, not counted
    { code: draft(`${words(1024)}\n\n\n`) },
    // a lower limit from options
    { code: draft(words(100)), options: { max: 100 } },
  ],
  invalid: [
    // one over: the finding marks the extra character
    { code: draft(words(1025)), errors: [{ messageId: 'tooLong', line: 6, column: 1025, endColumn: 1026, message: '1025 characters' }] },
    // surrogate pairs: 1025 emoji are 1025 code points (2050 UTF-16 units); the column is in UTF-16 units
    { code: draft('👍'.repeat(1025)), errors: [{ messageId: 'tooLong', column: 2049, endColumn: 2051 }] },
    // option
    { code: draft(words(101)), options: { max: 100 }, errors: [{ messageId: 'tooLong', message: 'at most 100' }] },
  ],
}, { describe, it });
