import { describe, it } from 'vitest';
import rule from '../src/rules/header-format-enum.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const body = 'Your order {{1}} has shipped.';
const header = (format: string, category = 'UTILITY', language = 'en_US'): string => draft(body, `header:\n  format: ${format}\n  media_handle: 4::abc`, { category, language });
const json = (format: string, category = 'UTILITY'): string =>
  `{"name":"x","language":"id","category":"${category}","components":[{"type":"HEADER","format":"${format}","example":{"header_handle":["4::abc"]}},{"type":"BODY","text":"Pesanan {{1}} sudah dikirim."}]}`;

runRuleTests(rule, {
  valid: [
    // a text header written as a string
    { code: draft(body, 'header: Your order is on its way') },
    // media formats in a utility template
    { code: header('image') },
    { code: header('video') },
    { code: header('document', 'UTILITY', 'pt_BR') },
    // location in utility and marketing
    { code: draft(body, 'header:\n  format: location') },
    { code: draft(body, 'header:\n  format: location', { category: 'MARKETING' }) },
    // gif in a marketing template (Spanish)
    { code: header('gif', 'MARKETING', 'es_MX') },
    // upper case, as Meta JSON writes it
    { filename: 'x.json', code: json('IMAGE') },
    // an unknown category: the category checks are left to category-enum
    { code: header('gif', 'NEWSLETTER') },
  ],
  invalid: [
    // unknown format: the finding marks the format value
    { code: header('audio'), errors: [{ messageId: 'invalid', line: 6, column: 11, endLine: 6, endColumn: 16, message: '`audio`' }] },
    // gif outside marketing (Spanish draft)
    { code: header('gif', 'UTILITY', 'es_MX'), errors: [{ messageId: 'gifNotMarketing', line: 6, column: 11, endColumn: 14, message: 'UTILITY template' }] },
    // gif in an authentication template: only the gif message
    { code: header('gif', 'AUTHENTICATION'), errors: [{ messageId: 'gifNotMarketing', message: 'AUTHENTICATION' }] },
    // location in an authentication template
    { code: draft('{{1}} is your code.', 'header:\n  format: location', { category: 'AUTHENTICATION' }), errors: [{ messageId: 'locationCategory', line: 6, column: 11, endColumn: 19 }] },
    // lower-case declared category still counts as UTILITY
    { code: header('gif', 'utility'), errors: [{ messageId: 'gifNotMarketing' }] },
    // Meta JSON (Indonesian): the position points into the JSON string
    { filename: 'x.json', code: json('AUDIO'), errors: [{ messageId: 'invalid', line: 1, column: 90, endColumn: 97 }] },
  ],
}, { describe, it });
