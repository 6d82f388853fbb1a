import { describe, it } from 'vitest';
import rule from '../src/rules/auth-param-length.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const AUTH = { category: 'AUTHENTICATION', name: 'login_code' };
const BODY = '{{1}} is your verification code.';

runRuleTests(rule, {
  valid: [
    // a six-digit code
    { code: draft(BODY, 'examples:\n  body: ["482913"]', AUTH) },
    // exactly 15 characters
    { code: draft(BODY, 'examples:\n  body: ["ABCDEFGHIJ12345"]', AUTH) },
    // a numeric YAML example is read as written
    { code: draft(BODY, 'examples:\n  body: [482913]', AUTH) },
    // other categories are not limited
    { code: draft('Your voucher {{1}} is ready to use today.', 'examples:\n  body: ["WELCOME-2026-SPRING-SALE"]') },
    // Indonesian code within the limit
    { code: draft('{{1}} adalah kode verifikasi Anda.', 'examples:\n  body: ["KX-4821"]', { ...AUTH, language: 'id' }) },
  ],
  invalid: [
    // 20 characters: the five past the limit are marked
    {
      code: draft(BODY, 'examples:\n  body: ["A1B2C3D4E5F6G7H8I9J0"]', AUTH),
      errors: [{ messageId: 'tooLong', line: 6, column: 26, endLine: 6, endColumn: 31, message: 'Unexpected example `A1B2C3D4E5F6G7H8I9J0` of 20 characters for `{{1}}`, expected at most 15 in an AUTHENTICATION template (remove 5)' }],
    },
    // 16 characters, one over (Spanish)
    { code: draft('{{1}} es su código de verificación.', 'examples:\n  body: ["1234567890123456"]', { ...AUTH, language: 'es_MX' }), errors: [{ messageId: 'tooLong', column: 26, endColumn: 27 }] },
    // a lower limit from options
    { code: draft(BODY, 'examples:\n  body: ["48291367"]', AUTH), options: { max: 6 }, errors: [{ messageId: 'tooLong', message: 'at most 6' }] },
    // Meta JSON
    {
      filename: 'x.json',
      code: '{"name":"x","language":"en_US","category":"AUTHENTICATION","components":[{"type":"BODY","text":"{{1}} is your verification code.","example":{"body_text":[["A1B2C3D4E5F6G7H8"]]}}]}',
      errors: [{ messageId: 'tooLong', line: 1, column: 172, endColumn: 173 }],
    },
  ],
}, { describe, it });
