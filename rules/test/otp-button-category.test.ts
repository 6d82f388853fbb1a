import { describe, it } from 'vitest';
import rule from '../src/rules/otp-button-category.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';
import { at, buttons, metaJson } from './button-helpers.js';

const AUTH_BODY = '{{1}} is your verification code.';
const AUTH = { name: 'login_code', category: 'AUTHENTICATION' };
const OTP = '{type: otp, otp_type: copy_code, text: "Copy code"}';

const NO_BUTTONS = draft(AUTH_BODY, '', AUTH);
const QR_ONLY = draft(AUTH_BODY, buttons('{type: quick_reply, text: "Not me"}'), AUTH);
const JSON_UTILITY = metaJson('Your code is {{1}}. Do not share it.', [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy code' }], 'UTILITY');
const JSON_AUTH_NONE = metaJson(AUTH_BODY, [{ type: 'QUICK_REPLY', text: 'Not me' }], 'AUTHENTICATION');

runRuleTests(rule, {
  valid: [
    // one copy-code OTP button in an authentication template
    { code: draft(AUTH_BODY, buttons(OTP), AUTH) },
    // one-tap, Indonesian, category written in lower case
    { code: draft('{{1}} adalah kode verifikasi Anda.', buttons('{type: otp, otp_type: one_tap, text: "Isi otomatis", package_name: "com.example.app", signature_hash: "K8a/AINcGX7"}'), { category: 'authentication', language: 'id' }) },
    // a utility template without OTP buttons
    { code: draft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.', buttons('{type: quick_reply, text: "Got it"}')) },
    // no declared category: nothing to compare against
    { code: '---\nname: x\nlanguage: en_US\ncategory: ""\nbuttons:\n  - {type: otp, otp_type: copy_code}\n---\n{{1}} is your code.\n' },
    // Meta JSON read back from the API: the OTP button is a URL button to whatsapp.com/otp/
    { filename: 'x.json', code: metaJson(AUTH_BODY, [{ type: 'URL', text: 'Copy code', url: 'https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp{{1}}' }], 'AUTHENTICATION') },
  ],
  invalid: [
    // OTP button in a UTILITY template (Portuguese): the type value is marked
    {
      code: draft('Olá {{1}}, seu código de acesso é {{2}}. Não compartilhe.', buttons('{type: otp, otp_type: copy_code, text: "Copiar código"}'), { language: 'pt_BR' }),
      errors: [{ messageId: 'otpOutsideAuth', line: 6, column: 12, endColumn: 15, message: 'OTP button 1 in a UTILITY template' }],
    },
    // OTP button in a MARKETING template (Spanish)
    { code: draft('Hola {{1}}, su código de descuento es {{2}}.', buttons('{type: quick_reply, text: "Parar"}', '{type: OTP, otp_type: copy_code}'), { category: 'MARKETING', language: 'es_MX' }), errors: [{ messageId: 'otpOutsideAuth', line: 7, message: 'MARKETING' }] },
    // authentication template without buttons: the category value is marked
    { code: NO_BUTTONS, errors: [{ messageId: 'missingOtp', ...at(NO_BUTTONS, 'AUTHENTICATION') }] },
    // authentication template with only a quick reply: the buttons list is marked
    { code: QR_ONLY, errors: [{ messageId: 'missingOtp', line: 6, column: 3 }] },
    // two OTP buttons: the second is extra
    { code: draft(AUTH_BODY, buttons(OTP, '{type: otp, otp_type: one_tap, text: "Autofill"}'), AUTH), errors: [{ messageId: 'extraOtp', line: 7, column: 5, message: 'OTP button 2' }] },
    // Meta JSON: OTP button in a UTILITY template, upper-case type
    { filename: 'x.json', code: JSON_UTILITY, errors: [{ messageId: 'otpOutsideAuth', line: 1, column: JSON_UTILITY.indexOf('OTP"') + 1, endColumn: JSON_UTILITY.indexOf('OTP"') + 4 }] },
    // Meta JSON: AUTHENTICATION with no OTP button, the buttons array is marked
    { filename: 'x.json', code: JSON_AUTH_NONE, errors: [{ messageId: 'missingOtp', line: 1, column: JSON_AUTH_NONE.indexOf('[{"type":"QUICK_REPLY"') + 1 }] },
  ],
}, { describe, it });
