import { describe, it } from 'vitest';
import rule from '../src/rules/button-type-valid.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const BODY = 'Your order {{1}} has shipped and arrives on {{2}}. Thank you.';
const buttons = (...items: string[]): string => `buttons:\n${items.map((b) => `  - ${b}`).join('\n')}`;
const json = (...items: object[]): string =>
  JSON.stringify({ name: 'x', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: BODY }, { type: 'BUTTONS', buttons: items }] });

const PHONE_JSON = json({ type: 'PHONE', text: 'Call us', phone_number: '+15550051310' });

runRuleTests(rule, {
  valid: [
    // every valid type, lower case
    { code: draft(BODY, buttons(...['quick_reply', 'url', 'phone_number', 'copy_code', 'otp', 'flow', 'catalog', 'mpm', 'spm', 'voice_call'].map((t) => `{type: ${t}}`))) },
    // upper case in front matter is accepted too (Indonesian)
    { code: draft('Halo {{1}}, tagihan {{2}} jatuh tempo besok. Terima kasih.', buttons('{type: QUICK_REPLY, text: "Sudah bayar"}'), { language: 'id' }) },
    // Meta JSON with upper-case types
    { filename: 'x.json', code: json({ type: 'QUICK_REPLY', text: 'Yes' }, { type: 'URL', text: 'Track', url: 'https://shop.example.com' }) },
  ],
  invalid: [
    // `phone` → PHONE_NUMBER suggestion, keeping lower case; the finding marks the value
    {
      code: draft(BODY, buttons('{type: phone, text: "Call us", phone_number: "+15550051310"}')),
      errors: [{ messageId: 'invalid', line: 6, column: 12, endColumn: 17, message: 'did you mean `phone_number`?', suggestions: [draft(BODY, buttons('{type: phone_number, text: "Call us", phone_number: "+15550051310"}'))] }],
    },
    // hyphen instead of underscore (Spanish)
    {
      code: draft('Hola {{1}}, su cita es el {{2}}. Responda para confirmar.', buttons('{type: quick-reply, text: "Confirmar"}'), { language: 'es_MX' }),
      errors: [{ messageId: 'invalid', line: 6, column: 12, endColumn: 23, suggestions: [draft('Hola {{1}}, su cita es el {{2}}. Responda para confirmar.', buttons('{type: quick_reply, text: "Confirmar"}'), { language: 'es_MX' })] }],
    },
    // a typo one letter away, upper case kept
    { code: draft(BODY, buttons('{type: "COPY_COD", example: "SAVE10"}')), errors: [{ messageId: 'invalid', column: 13, endColumn: 21, message: '`COPY_CODE`' }] },
    // nothing close: no suggestion, the list of types is given
    { code: draft(BODY, buttons('{type: carousel}')), errors: [{ messageId: 'invalid', message: 'expected one of QUICK_REPLY, URL, PHONE_NUMBER', suggestions: [] }] },
    // written aliases and typos map to the type meant
    { code: draft(BODY, buttons('{type: Quick Reply}')), errors: [{ messageId: 'invalid', message: '(did you mean `quick_reply`?)' }] },
    { code: draft(BODY, buttons('{type: coupon}')), errors: [{ messageId: 'invalid', message: '(did you mean `copy_code`?)' }] },
    { code: draft(BODY, buttons('{type: one_tap}'), { category: 'AUTHENTICATION' }), errors: [{ messageId: 'invalid', message: '(did you mean `otp`?)' }] },
    { code: draft(BODY, buttons('{type: phone_numbr}')), errors: [{ messageId: 'invalid', message: '(did you mean `phone_number`?)' }] },
    // an empty type is reported without a suggestion
    { code: draft(BODY, buttons('{type: "", text: "Go"}')), errors: [{ messageId: 'invalid', column: 12, endColumn: 14, suggestions: [] }] },
    // second button only
    { code: draft(BODY, buttons('{type: url, text: "Track", url: "https://shop.example.com"}', '{type: link, text: "Help", url: "https://shop.example.com/help"}')), errors: [{ messageId: 'invalid', line: 7, message: 'in button 2' }] },
    // Meta JSON: suggestion in upper case inside the quotes
    {
      filename: 'x.json',
      code: PHONE_JSON,
      errors: [{ messageId: 'invalid', line: 1, column: PHONE_JSON.indexOf('PHONE"') + 1, endColumn: PHONE_JSON.indexOf('PHONE"') + 6, suggestions: [PHONE_JSON.replace('"PHONE"', '"PHONE_NUMBER"')] }],
    },
  ],
}, { describe, it });
