import { describe, it } from 'vitest';
import rule from '../src/rules/quick-reply-grouping.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const BODY = 'Your order {{1}} has shipped and arrives on {{2}}. Thank you.';
const buttons = (...items: string[]): string => `buttons:\n${items.map((b) => `  - ${b}`).join('\n')}`;
const QR = '{type: quick_reply, text: "Got it"}';
const URL_BUTTON = '{type: url, text: "Track", url: "https://shop.example.com/track"}';
const PHONE = '{type: phone_number, text: "Call us", phone_number: "+15550051310"}';
const json = (...types: string[]): string =>
  JSON.stringify({
    name: 'x', language: 'en_US', category: 'UTILITY',
    components: [{ type: 'BODY', text: BODY }, { type: 'BUTTONS', buttons: types.map((type, i) => (type === 'URL' ? { type, text: `L${i}`, url: 'https://shop.example.com' } : { type, text: `Q${i}` })) }],
  });

const JSON_BAD = json('QUICK_REPLY', 'URL', 'QUICK_REPLY');

runRuleTests(rule, {
  valid: [
    // quick replies first
    { code: draft(BODY, buttons(QR, QR, URL_BUTTON, PHONE)) },
    // quick replies last
    { code: draft(BODY, buttons(URL_BUTTON, PHONE, QR, QR)) },
    // only quick replies (Indonesian)
    { code: draft('Halo {{1}}, tagihan {{2}} jatuh tempo besok. Terima kasih.', buttons('{type: quick_reply, text: "Sudah bayar"}', '{type: quick_reply, text: "Hubungi CS"}', '{type: quick_reply, text: "Nanti"}'), { language: 'id' }) },
    // no quick replies
    { code: draft(BODY, buttons(URL_BUTTON, PHONE, URL_BUTTON)) },
    // two buttons can always be grouped
    { code: draft(BODY, buttons(URL_BUTTON, QR)) },
    // Meta JSON, upper-case types, grouped
    { filename: 'x.json', code: json('URL', 'QUICK_REPLY', 'QUICK_REPLY') },
  ],
  invalid: [
    // QR, URL, QR: the second quick reply is outside the group
    { code: draft(BODY, buttons(QR, URL_BUTTON, QR)), errors: [{ messageId: 'quickReplyOutOfGroup', line: 8, column: 5, endLine: 8, endColumn: 40, message: 'QUICK_REPLY button 3 after a URL button' }] },
    // URL, QR, URL: the second URL is outside the group
    { code: draft(BODY, buttons(URL_BUTTON, QR, URL_BUTTON)), errors: [{ messageId: 'otherOutOfGroup', line: 8, message: 'URL button 3 after the quick replies, expected all quick replies in one group after the other buttons' }] },
    // QR, QR, URL, QR, PHONE: only the first break is reported (Portuguese)
    {
      code: draft('Olá {{1}}, seu pedido {{2}} foi enviado. Obrigado pela compra.', buttons('{type: quick_reply, text: "Recebi"}', '{type: quick_reply, text: "Ajuda"}', URL_BUTTON, '{type: quick_reply, text: "Trocar"}', PHONE), { language: 'pt_BR' }),
      errors: [{ messageId: 'quickReplyOutOfGroup', line: 9, message: 'before the other buttons' }],
    },
    // PHONE, QR, URL, QR
    { code: draft(BODY, buttons(PHONE, QR, URL_BUTTON, QR)), errors: [{ messageId: 'otherOutOfGroup', line: 8 }] },
    // Meta JSON: QUICK_REPLY, URL, QUICK_REPLY
    {
      filename: 'x.json',
      code: JSON_BAD,
      errors: [{ messageId: 'quickReplyOutOfGroup', line: 1, column: JSON_BAD.indexOf('{"type":"QUICK_REPLY","text":"Q2"}') + 1, endColumn: JSON_BAD.indexOf('{"type":"QUICK_REPLY","text":"Q2"}') + 35 }],
    },
  ],
}, { describe, it });
