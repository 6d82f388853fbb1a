import { describe, it } from 'vitest';
import rule from '../src/rules/body-blank-lines.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const json = (text: string): string => `{"name":"x","language":"es_MX","category":"UTILITY","components":[{"type":"BODY","text":"${text}"}]}`;

runRuleTests(rule, {
  valid: [
    // one blank line between paragraphs
    { code: draft('Your order {{1}} has shipped.\n\nThank you.') },
    // two blank lines is the default maximum
    { code: draft('Your order {{1}} has shipped.\n\n\nThank you.') },
    // Meta JSON with two blank lines (Spanish)
    { filename: 'x.json', code: json('Tu pedido fue enviado.\\n\\n\\nGracias.') },
    // a higher limit from options
    { code: draft('A\n\n\n\n\nB'), options: { maxBlankLines: 4 } },
  ],
  invalid: [
    // three blank lines: the third is marked and removed
    {
      code: draft('Your order {{1}} has shipped.\n\n\n\nThank you.'),
      output: draft('Your order {{1}} has shipped.\n\n\nThank you.'),
      errors: [{ messageId: 'tooMany', line: 9, column: 1, endLine: 10, endColumn: 1, message: '3 consecutive blank lines' }],
    },
    // whitespace-only lines are blank too (Indonesian)
    {
      code: draft('Pesanan {{1}} sudah dikirim.\n  \n\t\n \n\nTerima kasih.', '', { language: 'id' }),
      output: draft('Pesanan {{1}} sudah dikirim.\n  \n\t\nTerima kasih.', '', { language: 'id' }),
      errors: [{ messageId: 'tooMany', line: 9, column: 1, endLine: 11, endColumn: 1, message: 'remove 2' }],
    },
    // two separate runs: two findings
    { code: draft('A\n\n\n\nB\n\n\n\nC'), output: draft('A\n\n\nB\n\n\nC'), errors: [{ messageId: 'tooMany', line: 9 }, { messageId: 'tooMany', line: 13 }] },
    // option maxBlankLines 0
    { code: draft('A\n\nB'), options: { maxBlankLines: 0 }, output: draft('A\nB'), errors: [{ messageId: 'tooMany', line: 7, message: 'at most 0' }] },
    // CRLF line endings stay intact
    {
      code: draft('A\n\n\n\nB').replace(/\n/g, '\r\n'),
      output: draft('A\n\n\nB').replace(/\n/g, '\r\n'),
      errors: [{ messageId: 'tooMany', line: 9, column: 1, endLine: 10, endColumn: 1 }],
    },
    // Meta JSON: the fix removes one `\n` escape
    {
      filename: 'x.json',
      code: json('Tu pedido fue enviado.\\n\\n\\n\\nGracias.'),
      output: json('Tu pedido fue enviado.\\n\\n\\nGracias.'),
      errors: [{ messageId: 'tooMany', line: 1, column: 118, endColumn: 120 }],
    },
  ],
}, { describe, it });
