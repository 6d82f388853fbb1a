import { describe, it } from 'vitest';
import rule from '../src/rules/button-count-limits.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const BODY = 'Your order {{1}} has shipped and arrives on {{2}}. Thank you.';
/** Front-matter `buttons:` list; the first button is on line 6, each one line. */
const buttons = (...items: string[]): string => `buttons:\n${items.map((b) => `  - ${b}`).join('\n')}`;
const qr = (n: number): string[] => Array.from({ length: n }, (_, i) => `{type: quick_reply, text: "Option ${i + 1}"}`);
const url = (n: number): string[] => Array.from({ length: n }, (_, i) => `{type: url, text: "Link ${i + 1}", url: "https://shop.example.com/${i + 1}"}`);
const phone = '{type: phone_number, text: "Call us", phone_number: "+15550051310"}';
const copy = '{type: copy_code, example: "SAVE10"}';

const JSON_THREE_URLS =
  '{"name":"x","language":"en_US","category":"UTILITY","components":[{"type":"BODY","text":"Hi"},{"type":"BUTTONS","buttons":[{"type":"URL","text":"A","url":"https://a.example.com"},{"type":"URL","text":"B","url":"https://b.example.com"},{"type":"URL","text":"C","url":"https://c.example.com"}]}]}';

runRuleTests(rule, {
  valid: [
    // no buttons at all
    { code: draft(BODY) },
    // exactly at every limit: 10 buttons = 2 URL + 1 phone + 1 copy code + 6 quick replies
    { code: draft(BODY, buttons(...qr(6), ...url(2), phone, copy), { category: 'MARKETING' }) },
    // ten quick replies
    { code: draft(BODY, buttons(...qr(10))) },
    // a catalog button alone (Indonesian)
    { code: draft('Halo {{1}}, lihat katalog terbaru kami. Balas BERHENTI untuk berhenti.', buttons('{type: catalog, text: "Lihat katalog"}'), { category: 'MARKETING', language: 'id' }) },
    // a higher URL limit from options
    { code: draft(BODY, buttons(...url(3))), options: { maxUrl: 3 } },
    // Meta JSON at the limits, upper-case types
    {
      filename: 'x.json',
      code: JSON.stringify({ name: 'x', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: BODY }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'A', url: 'https://a.example.com' }, { type: 'URL', text: 'B', url: 'https://b.example.com' }, { type: 'PHONE_NUMBER', text: 'Call', phone_number: '+15550051310' }] }] }),
    },
  ],
  invalid: [
    // eleven buttons: the 11th is marked, whole line of the button
    { code: draft(BODY, buttons(...qr(11))), errors: [{ messageId: 'tooManyButtons', line: 16, column: 5, endLine: 16, endColumn: 43, message: '11 buttons, expected at most 10' }, { messageId: 'tooManyQuickReply', line: 16 }] },
    // three URL buttons: the third URL is marked
    { code: draft(BODY, buttons(...qr(1), ...url(3))), errors: [{ messageId: 'tooManyUrl', line: 9, column: 5, message: 'remove 1, from button 4 on' }] },
    // two phone buttons (Spanish)
    { code: draft('Hola {{1}}, su cita es el {{2}}. Llame si necesita cambiarla.', buttons(phone, '{type: phone_number, text: "Llamar", phone_number: "+525555501234"}'), { language: 'es_MX' }), errors: [{ messageId: 'tooManyPhone', line: 7 }] },
    // two copy-code buttons
    { code: draft(BODY, buttons(copy, '{type: copy_code, example: "SAVE20"}'), { category: 'MARKETING' }), errors: [{ messageId: 'tooManyCopyCode', line: 7, column: 5, endColumn: 41 }] },
    // option: a team allows one URL button only
    { code: draft(BODY, buttons(...url(2))), options: { maxUrl: 1 }, errors: [{ messageId: 'tooManyUrl', line: 7, message: 'at most 1' }] },
    // option: lower quick-reply limit
    { code: draft(BODY, buttons(...qr(4))), options: { maxQuickReply: 3 }, errors: [{ messageId: 'tooManyQuickReply', line: 9 }] },
    // MPM with a quick reply: the second button is marked
    { code: draft(BODY, buttons('{type: mpm, text: "View items"}', ...qr(1)), { category: 'MARKETING' }), errors: [{ messageId: 'singleButtonOnly', line: 7, message: 'MPM button to be the only button' }] },
    // a catalog button after a quick reply (Portuguese)
    { code: draft('Olá {{1}}, veja o nosso catálogo novo. Responda SAIR para sair.', buttons(...qr(1), '{type: CATALOG, text: "Ver catálogo"}'), { category: 'MARKETING', language: 'pt_BR' }), errors: [{ messageId: 'singleButtonOnly', line: 7, message: 'CATALOG' }] },
    // Meta JSON: three URL buttons with upper-case types; the third object is marked
    {
      filename: 'x.json',
      code: JSON_THREE_URLS,
      errors: [{ messageId: 'tooManyUrl', line: 1, column: JSON_THREE_URLS.indexOf('{"type":"URL","text":"C"') + 1, endColumn: JSON_THREE_URLS.indexOf('}]}]}') + 2 }],
    },
  ],
}, { describe, it });
