import { describe, it } from 'vitest';
import rule from '../src/rules/url-contains-whatsapp.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';
import { at, buttons, metaJson } from './button-helpers.js';

const BODY = 'Your order {{1}} has shipped and arrives on {{2}}. Thank you.';
const urlButton = (url: string): string => buttons(`{type: url, text: "Open", url: "${url}"}`);

const PATH = draft(BODY, urlButton('https://shop.example.com/WhatsApp-offers'));
const WA_ME = draft('Halo {{1}}, pesanan {{2}} sudah dikirim. Tanya kurir di wa.me/6281234567890 kapan saja.', '', { language: 'id' });
const API = draft('Hola {{1}}, su pedido {{2}} salió. Escríbanos en https://api.whatsapp.com/send?phone=5215555501234 si tiene dudas.', '', { language: 'es_MX' });
const OTP_EXPORT = metaJson('{{1}} is your verification code.', [{ type: 'URL', text: 'Copy code', url: 'https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp{{1}}' }], 'AUTHENTICATION');
const JSON_WA = metaJson(BODY, [{ type: 'URL', text: 'Chat', url: 'https://wa.me/15550051310' }]);

runRuleTests(rule, {
  valid: [
    // ordinary links
    { code: draft(BODY, urlButton('https://shop.example.com/offers')) },
    // the word in prose is not a link (Portuguese)
    { code: draft('Olá {{1}}, seu pedido {{2}} foi enviado. Responda por WhatsApp se precisar.', '', { language: 'pt_BR' }) },
    // a host that only contains "wa.me" inside another word is not a wa.me link
    { code: draft('Hi {{1}}, order {{2}} is ready: https://shop.example.com/qa.me/x today.') },
    // the URL Meta gives an OTP button in exported authentication templates
    { filename: 'x.json', code: OTP_EXPORT },
  ],
  invalid: [
    // "whatsapp" in a button URL path, any case: the word is marked
    { code: PATH, errors: [{ messageId: 'containsWhatsapp', ...at(PATH, 'WhatsApp'), message: 'Unexpected "WhatsApp" in the URL button 1 link' }] },
    // a bare wa.me link in the body
    { code: WA_ME, errors: [{ messageId: 'waMe', ...at(WA_ME, 'wa.me/6281234567890'), message: 'in the body' }] },
    // api.whatsapp.com in the body: the word in the host is marked
    { code: API, errors: [{ messageId: 'containsWhatsapp', ...at(API, 'whatsapp') }] },
    // www.wa.me button
    { code: draft(BODY, urlButton('https://www.wa.me/15550051310')), errors: [{ messageId: 'waMe', line: 6 }] },
    // Meta JSON: wa.me button URL
    { filename: 'x.json', code: JSON_WA, errors: [{ messageId: 'waMe', line: 1, column: JSON_WA.indexOf('https://wa.me') + 1, endColumn: JSON_WA.indexOf('15550051310"') + 12 }] },
  ],
}, { describe, it });
