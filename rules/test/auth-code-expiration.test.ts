import { describe, it } from 'vitest';
import rule from '../src/rules/auth-code-expiration.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const auth = { category: 'AUTHENTICATION', name: 'login_code' };
const body = '{{1}} is your verification code.';
const json = (minutes: string, category = 'AUTHENTICATION'): string =>
  `{"name":"x","language":"es_MX","category":"${category}","components":[{"type":"BODY","add_security_recommendation":true},{"type":"FOOTER","code_expiration_minutes":${minutes}}]}`;

runRuleTests(rule, {
  valid: [
    // the bounds
    { code: draft(body, 'code_expiration_minutes: 1', auth) },
    { code: draft(body, 'code_expiration_minutes: 90', auth) },
    // no expiry given
    { code: draft(body, '', auth) },
    // Indonesian draft
    { code: draft('{{1}} adalah kode verifikasi Anda.', 'code_expiration_minutes: 10', { ...auth, language: 'id' }) },
    // Meta JSON (Spanish)
    { filename: 'x.json', code: json('15') },
    // a non-authentication template is not checked
    { filename: 'x.json', code: json('120', 'UTILITY') },
  ],
  invalid: [
    // above 90: the value is marked
    { code: draft(body, 'code_expiration_minutes: 120', auth), errors: [{ messageId: 'outOfRange', line: 5, column: 26, endLine: 5, endColumn: 29, message: '120' }] },
    // zero
    { code: draft(body, 'code_expiration_minutes: 0', auth), errors: [{ messageId: 'outOfRange', message: 'from 1 to 90' }] },
    // a fraction
    { code: draft(body, 'code_expiration_minutes: 2.5', auth), errors: [{ messageId: 'outOfRange', message: '2.5' }] },
    // options narrow the range (Portuguese)
    { code: draft('{{1}} é seu código.', 'code_expiration_minutes: 30', { ...auth, language: 'pt_BR' }), options: { max: 15 }, errors: [{ messageId: 'outOfRange', message: 'from 1 to 15' }] },
    // Meta JSON: in the FOOTER component
    { filename: 'x.json', code: json('-5'), errors: [{ messageId: 'outOfRange', line: 1, column: 168, endColumn: 170 }] },
  ],
}, { describe, it });
