import { describe, it } from 'vitest';
import rule from '../src/rules/button-text-length.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const BODY = 'Your order {{1}} has shipped and arrives on {{2}}. Thank you.';
const buttons = (...items: string[]): string => `buttons:\n${items.map((b) => `  - ${b}`).join('\n')}`;
const qr = (text: string): string => `{type: quick_reply, text: "${text}"}`;
const JSON_LONG = JSON.stringify({
  name: 'x', language: 'en_US', category: 'UTILITY',
  components: [{ type: 'BODY', text: BODY }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track your package right now', url: 'https://shop.example.com' }] }],
});

runRuleTests(rule, {
  valid: [
    // exactly 25 characters
    { code: draft(BODY, buttons(qr('a'.repeat(25)))) },
    // 25 emoji are 25 code points (50 UTF-16 units)
    { code: draft(BODY, buttons(qr('👍'.repeat(25)))) },
    // accented letters count once (Spanish)
    { code: draft('Hola {{1}}, su cita es el {{2}}. Responda para confirmar.', buttons(qr('Llamar a la clínica ahora')), { language: 'es_MX' }) },
    // a longer limit from options
    { code: draft(BODY, buttons(qr('a'.repeat(30)))), options: { max: 30 } },
    // Meta JSON, short label
    { filename: 'x.json', code: JSON_LONG.replace('Track your package right now', 'Track package') },
  ],
  invalid: [
    // 26 characters: the 26th is marked (the label starts at column 32, after `  - {type: quick_reply, text: "`)
    { code: draft(BODY, buttons(qr('a'.repeat(26)))), errors: [{ messageId: 'tooLong', line: 6, column: 57, endColumn: 58, message: 'label of 26 characters on QUICK_REPLY button 1, expected at most 25 (shorten it by 1)' }] },
    // the finding marks every character past 25 (Indonesian, 40 characters)
    {
      code: draft('Halo {{1}}, tagihan {{2}} jatuh tempo besok. Terima kasih.', buttons('{type: url, text: "Bayar sekarang lewat aplikasi resmi kami", url: "https://tagihan.example.co.id"}'), { language: 'id' }),
      errors: [{ messageId: 'tooLong', line: 6, column: 49, endColumn: 64, message: 'URL button 1' }],
    },
    // emoji past the limit: columns are UTF-16 units
    { code: draft(BODY, buttons(qr('👍'.repeat(26)))), errors: [{ messageId: 'tooLong', column: 82, endColumn: 84 }] },
    // option
    { code: draft(BODY, buttons(qr('a'.repeat(21)))), options: { max: 20 }, errors: [{ messageId: 'tooLong', message: 'at most 20' }] },
    // two long labels, two findings
    { code: draft(BODY, buttons(qr('a'.repeat(30)), qr('b'.repeat(30)))), errors: [{ messageId: 'tooLong', line: 6 }, { messageId: 'tooLong', line: 7 }] },
    // Meta JSON: 28 characters, the last 3 are marked
    {
      filename: 'x.json',
      code: JSON_LONG,
      errors: [{ messageId: 'tooLong', line: 1, column: JSON_LONG.indexOf('Track your') + 26, endColumn: JSON_LONG.indexOf('Track your') + 29 }],
    },
  ],
}, { describe, it });
