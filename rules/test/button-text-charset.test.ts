import { describe, it } from 'vitest';
import rule from '../src/rules/button-text-charset.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const BODY = 'Your order {{1}} has shipped and arrives on {{2}}. Thank you.';
const buttons = (...items: string[]): string => `buttons:\n${items.map((b) => `  - ${b}`).join('\n')}`;
/** Quick reply with the label as a double-quoted YAML string; the label starts at column 32 of line 6. */
const qr = (text: string): string => `{type: quick_reply, text: "${text}"}`;
const JSON_EMOJI = JSON.stringify({
  name: 'x', language: 'en_US', category: 'UTILITY',
  components: [{ type: 'BODY', text: BODY }, { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Yes ✅' }] }],
}).replace('✅', '\\u2705');

runRuleTests(rule, {
  valid: [
    // plain words with punctuation (Spanish)
    { code: draft('Hola {{1}}, su cita es el {{2}}. Responda para confirmar.', buttons(qr('Sí, confirmo')), { language: 'es_MX' }) },
    // an underscore inside a word is not italic
    { code: draft(BODY, buttons(qr('Order_id 2'))) },
    // a lone asterisk is not formatting
    { code: draft(BODY, buttons(qr('Rate us 5*'))) },
    // text-style symbols are not emoji
    { code: draft(BODY, buttons(qr('Brand™ help'))) },
    // Meta JSON, plain label
    { filename: 'x.json', code: JSON_EMOJI.replace(' \\u2705', '') },
  ],
  invalid: [
    // an emoji
    { code: draft(BODY, buttons(qr('Got it 👍'))), errors: [{ messageId: 'emoji', line: 6, column: 39, endColumn: 41, message: 'emoji `👍` in the label of QUICK_REPLY button 1' }] },
    // bold markers (Indonesian)
    { code: draft('Halo {{1}}, tagihan {{2}} jatuh tempo besok. Terima kasih.', buttons(qr('*Bayar* sekarang')), { language: 'id' }), errors: [{ messageId: 'formatting', column: 32, endColumn: 39, message: '`*Bayar*`' }] },
    // italic, strike and code markers in one label, each reported
    { code: draft(BODY, buttons(qr('_Now_ ~old~ `x`'))), errors: [{ messageId: 'formatting', column: 32 }, { messageId: 'formatting', column: 38 }, { messageId: 'formatting', column: 44 }] },
    // a line break written as an escape: the two characters \n are marked
    { code: draft(BODY, buttons(qr('Track\\npackage'))), errors: [{ messageId: 'newline', column: 37, endColumn: 39 }] },
    // flag emoji is one finding
    { code: draft(BODY, buttons(qr('Envíos 🇲🇽')), { language: 'es_MX' }), errors: [{ messageId: 'emoji', column: 39, endColumn: 43 }] },
    // Meta JSON: emoji written as a \u escape, the escape is marked
    {
      filename: 'x.json',
      code: JSON_EMOJI,
      errors: [{ messageId: 'emoji', line: 1, column: JSON_EMOJI.indexOf('\\u2705') + 1, endColumn: JSON_EMOJI.indexOf('\\u2705') + 7 }],
    },
  ],
}, { describe, it });
