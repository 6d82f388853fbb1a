import { describe, it } from 'vitest';
import rule from '../src/rules/phone-number-format.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';
import { at, buttons, metaJson } from './button-helpers.js';

const BODY = 'Your order {{1}} has shipped and arrives on {{2}}. Thank you.';
const phone = (number: string): string => buttons(`{type: phone_number, text: "Call us", phone_number: ${number}}`);

const SPACED = draft(BODY, phone('"+62 21-555.000"'));
const LOCAL = draft('Halo {{1}}, tagihan {{2}} jatuh tempo besok. Terima kasih.', phone('"021 555 000"'), { language: 'id' });
const VANITY = draft(BODY, phone('"+1800FLOWERS"'));
const LONG = draft(BODY, phone('"+123456789012345678901234"'));
const JSON_SPACED = metaJson(BODY, [{ type: 'PHONE_NUMBER', text: 'Call', phone_number: '+1 (555) 005-1310' }]);
const JSON_ESCAPED = metaJson(BODY, [{ type: 'PHONE_NUMBER', text: 'Call', phone_number: '+1\u001b555-0051' }]);

runRuleTests(rule, {
  valid: [
    // international format with +
    { code: draft(BODY, phone('"+15550051310"')) },
    // digits only, quoted so YAML keeps a string (Spanish)
    { code: draft('Hola {{1}}, su cita es el {{2}}. Llame si necesita cambiarla.', phone("'525555501234'"), { language: 'es_MX' }) },
    // exactly 20 characters
    { code: draft(BODY, phone('"+1234567890123456789"')) },
    // other button types are not checked
    { code: draft(BODY, buttons('{type: quick_reply, text: "021 555"}')) },
    // Meta JSON
    { filename: 'x.json', code: metaJson(BODY, [{ type: 'PHONE_NUMBER', text: 'Call', phone_number: '+15550051310' }]) },
  ],
  invalid: [
    // spaces, dash and dot: marked from the first to the last separator, safe fix removes them
    {
      code: SPACED,
      output: draft(BODY, phone('"+6221555000"')),
      errors: [{ messageId: 'separators', ...at(SPACED, ' 21-555.'), message: 'expected digits only: `+6221555000`' }],
    },
    // unquoted in front matter: the fix adds quotes, or YAML would read a number
    { code: draft(BODY, phone('+62 21 555 000')), output: draft(BODY, phone('"+6221555000"')), errors: [{ messageId: 'separators' }] },
    // local number: the trunk 0 is marked, and the separators are fixed (Indonesian)
    {
      code: LOCAL,
      output: draft('Halo {{1}}, tagihan {{2}} jatuh tempo besok. Terima kasih.', phone('"021555000"'), { language: 'id' }),
      errors: [
        { messageId: 'missingCountryCode', ...at(LOCAL, '021 555 000'), endColumn: at(LOCAL, '021 555 000').column + 1 },
        { messageId: 'separators' },
      ],
    },
    // an 00 international prefix is not a country code either
    { code: draft(BODY, phone('"0062215550000"')), errors: [{ messageId: 'missingCountryCode' }] },
    // letters of a vanity number
    { code: VANITY, errors: [{ messageId: 'letters', ...at(VANITY, 'FLOWERS'), message: '`FLOWERS`' }] },
    // too long: the characters past 20 are marked
    { code: LONG, errors: [{ messageId: 'tooLong', line: 6, column: at(LONG, '+1234').column + 20, endColumn: at(LONG, '+1234').column + 25, message: '25 characters on PHONE_NUMBER button 1, expected at most 20 (remove 5)' }] },
    // option: a stricter limit
    { code: draft(BODY, phone('"+15550051310"')), options: { max: 10 }, errors: [{ messageId: 'tooLong', message: 'at most 10' }] },
    // other characters: a hash, a + in the middle (Portuguese)
    { code: draft('Olá {{1}}, seu pedido {{2}} foi enviado. Ligue se precisar.', phone('"+55#11555501234"'), { language: 'pt_BR' }), errors: [{ messageId: 'invalidChar', message: '`#`' }] },
    { code: draft(BODY, phone('"15+550051310"')), errors: [{ messageId: 'invalidChar', message: '`+`' }] },
    // missing phone_number: the type value is marked
    { code: draft(BODY, buttons('{type: phone_number, text: "Call us"}')), errors: [{ messageId: 'missing', line: 6, column: 12, endColumn: 24 }] },
    // Meta JSON: the fix edits inside the JSON string
    {
      filename: 'x.json',
      code: JSON_SPACED,
      output: JSON_SPACED.replace('+1 (555) 005-1310', '+15550051310'),
      errors: [{ messageId: 'separators', line: 1, column: JSON_SPACED.indexOf(' (555)') + 1, endColumn: JSON_SPACED.indexOf('-1310') + 2 }],
    },
    // a control character (`\u001b` in the JSON): no fix, which wrote it raw into the JSON string (invalid JSON)
    { filename: 'x.json', code: JSON_ESCAPED, output: JSON_ESCAPED, errors: [{ messageId: 'invalidChar' }, { messageId: 'separators' }] },
    // a quote in an unquoted front-matter value: no fix, which would have quoted it into broken YAML
    { code: draft(BODY, phone('+62 21"555')), output: draft(BODY, phone('+62 21"555')), errors: [{ messageId: 'separators' }, { messageId: 'invalidChar' }] },
  ],
}, { describe, it });
