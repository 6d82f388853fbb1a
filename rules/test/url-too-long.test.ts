import { describe, it } from 'vitest';
import rule from '../src/rules/url-too-long.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const BODY = 'Your order {{1}} has shipped and arrives on {{2}}. Thank you.';
const urlButton = (url: string): string => `buttons:\n  - {type: url, text: "Track", url: "${url}"}`;
const PREFIX = 'https://shop.example.com/t?q=';
/** A URL of exactly `n` characters. */
const urlOf = (n: number): string => PREFIX + 'a'.repeat(n - PREFIX.length);
/** Column of the URL value on line 6: after `  - {type: url, text: "Track", url: "`. */
const URL_COLUMN = '  - {type: url, text: "Track", url: "'.length + 1;
const JSON_LONG = JSON.stringify({
  name: 'x', language: 'en_US', category: 'UTILITY',
  components: [{ type: 'BODY', text: BODY }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: urlOf(2003) }] }],
});

runRuleTests(rule, {
  valid: [
    // exactly 2,000 characters
    { code: draft(BODY, urlButton(urlOf(2000))) },
    // a variable counts toward the length but stays within the limit
    { code: draft(BODY, urlButton(`${urlOf(1995)}{{1}}`)) },
    // a long link in the body is body-too-long's business (Indonesian)
    { code: draft(`Halo {{1}}, bayar tagihan {{2}} di ${urlOf(2100)} hari ini.`, '', { language: 'id' }) },
    // a higher limit from options
    { code: draft(BODY, urlButton(urlOf(2100))), options: { max: 2100 } },
    // Meta JSON at the limit
    { filename: 'x.json', code: JSON_LONG.replace(urlOf(2003), urlOf(2000)) },
  ],
  invalid: [
    // one over: the 2,001st character is marked
    { code: draft(BODY, urlButton(urlOf(2001))), errors: [{ messageId: 'tooLong', line: 6, column: URL_COLUMN + 2000, endColumn: URL_COLUMN + 2001, message: 'URL of 2001 characters on URL button 1, expected at most 2000 (shorten it by 1' }] },
    // every character past the limit is marked (Spanish)
    { code: draft('Hola {{1}}, su pedido {{2}} ya fue enviado. Gracias.', urlButton(urlOf(2050)), { language: 'es_MX' }), errors: [{ messageId: 'tooLong', column: URL_COLUMN + 2000, endColumn: URL_COLUMN + 2050 }] },
    // option
    { code: draft(BODY, urlButton(urlOf(101))), options: { max: 100 }, errors: [{ messageId: 'tooLong', message: 'at most 100' }] },
    // Meta JSON: three characters over
    {
      filename: 'x.json',
      code: JSON_LONG,
      errors: [{ messageId: 'tooLong', line: 1, column: JSON_LONG.indexOf(PREFIX) + 2001, endColumn: JSON_LONG.indexOf(PREFIX) + 2004 }],
    },
  ],
}, { describe, it });
