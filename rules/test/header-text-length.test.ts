import { describe, it } from 'vitest';
import rule from '../src/rules/header-text-length.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const body = 'Your order {{1}} has shipped.';
const json = (text: string): string =>
  `{"name":"x","language":"es_MX","category":"UTILITY","components":[{"type":"HEADER","format":"TEXT","text":"${text}"},{"type":"BODY","text":"Tu pedido fue enviado."}]}`;

runRuleTests(rule, {
  valid: [
    // a short header
    { code: draft(body, 'header: Your order is on its way') },
    // exactly 60 characters
    { code: draft(body, `header: ${'x'.repeat(60)}`) },
    // 60 emoji are 60 code points
    { code: draft(body, `header: "${'📦'.repeat(60)}"`) },
    // the limit counts the placeholder, not its example
    { code: draft(body, `header: ${'x'.repeat(55)}{{1}}\nexamples:\n  header: ["${'y'.repeat(40)}"]`) },
    // a media header has no text to count
    { code: draft(body, 'header:\n  format: image\n  media_handle: 4::abc') },
    // a lower limit from options
    { code: draft(body, 'header: Pedido enviado', { language: 'es_MX' }), options: { max: 14 } },
  ],
  invalid: [
    // one over: the 61st character is marked
    { code: draft(body, `header: ${'x'.repeat(61)}`), errors: [{ messageId: 'tooLong', line: 5, column: 69, endLine: 5, endColumn: 70, message: '61 characters' }] },
    // Indonesian header of 71 characters: the last 11 are marked
    {
      code: draft('Pesanan {{1}} sudah dikirim.', 'header: Pesanan Anda sudah dikirim dari gudang kami dan sedang dalam perjalanan', { language: 'id' }),
      errors: [{ messageId: 'tooLong', line: 5, column: 69, endColumn: 80, message: 'remove 11' }],
    },
    // surrogate pairs: 61 emoji, the column counts UTF-16 units
    { code: draft(body, `header: "${'📦'.repeat(61)}"`), errors: [{ messageId: 'tooLong', column: 130, endColumn: 132 }] },
    // option
    { code: draft(body, 'header: Pedido enviado', { language: 'es_MX' }), options: { max: 10 }, errors: [{ messageId: 'tooLong', message: 'at most 10' }] },
    // Meta JSON
    { filename: 'x.json', code: json('x'.repeat(61)), errors: [{ messageId: 'tooLong', line: 1, column: 168, endColumn: 169 }] },
  ],
}, { describe, it });
