import { describe, it } from 'vitest';
import rule from '../src/rules/auth-content-restriction.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const auth = { category: 'AUTHENTICATION', name: 'login_code' };
const code = '{{1}} is your verification code.';
const json = (components: string): string => `{"name":"x","language":"en_US","category":"AUTHENTICATION","components":[${components}]}`;

runRuleTests(rule, {
  valid: [
    // preset-style body with the security line and an expiry footer
    { code: draft(`${code} For your security, do not share this code.`, 'footer: This code expires in 10 minutes.\nexamples:\n  body: ["123456"]', auth) },
    // Spanish and Indonesian bodies
    { code: draft('{{1}} es tu código de verificación.', '', { ...auth, language: 'es_MX' }) },
    { code: draft('{{1}} adalah kode verifikasi Anda.', '', { ...auth, language: 'id' }) },
    // an e-mail address and a version number are not links; ™ is not an emoji
    { code: draft(`${code} Questions: help@acme.com. App v2.1. Acme™`, '', auth) },
    // the same content in a UTILITY template is not this rule's business
    { code: draft('Your order shipped 🚚 track at https://acme.com/t') },
    // Meta JSON
    { filename: 'x.json', code: json('{"type":"BODY","add_security_recommendation":true},{"type":"FOOTER","code_expiration_minutes":10}') },
  ],
  invalid: [
    // a link in the body: the URL is marked, without the final period
    { code: draft(`${code} Help: https://acme.com/help.`, '', auth), errors: [{ messageId: 'url', line: 6, column: 40, endLine: 6, endColumn: 61, message: '`https://acme.com/help`' }] },
    // an emoji and a bare domain (Indonesian)
    {
      code: draft('{{1}} adalah kode Anda 🔐 Bantuan: contoh.co.id', '', { ...auth, language: 'id' }),
      errors: [{ messageId: 'emoji', column: 24, endColumn: 26 }, { messageId: 'url', column: 36, endColumn: 48, message: 'in the body' }],
    },
    // an image header
    { code: draft(code, 'header:\n  format: image\n  media_handle: 4::abc', auth), errors: [{ messageId: 'media', line: 6, column: 11, endColumn: 16 }] },
    // a link in the header text and an emoji in the footer (Portuguese)
    {
      code: draft('{{1}} é seu código de verificação.', 'header: Acesse www.acme.com.br\nfooter: Obrigado 😊', { ...auth, language: 'pt_BR' }),
      errors: [{ messageId: 'url', line: 5, column: 16, endColumn: 31, message: 'in the header' }, { messageId: 'emoji', line: 6, column: 18, message: 'footer' }],
    },
    // a link in a body example value
    { code: draft(code, 'examples:\n  body: ["https://acme.com/otp"]', auth), errors: [{ messageId: 'url', line: 6, column: 11, message: 'body example' }] },
    // lower-case declared category still counts
    { code: draft(`${code} 🔑`, '', { ...auth, category: 'authentication' }), errors: [{ messageId: 'emoji' }] },
    // Meta JSON: emoji as an escape in the body text
    { filename: 'x.json', code: json('{"type":"BODY","text":"{{1}} is your code \\ud83d\\udd11"}'), errors: [{ messageId: 'emoji', line: 1, column: 116, endColumn: 128 }] },
  ],
}, { describe, it });
