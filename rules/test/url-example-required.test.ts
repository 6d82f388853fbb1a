import { describe, it } from 'vitest';
import rule from '../src/rules/url-example-required.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';
import { at, buttons, metaJson } from './button-helpers.js';

const BODY = 'Your order {{1}} has shipped and arrives on {{2}}. Thank you.';
const URL = 'https://shop.example.com/track/{{1}}';
const withExample = (example: string, url = URL): string => buttons(`{type: url, text: "Track", url: "${url}", example: "${example}"}`);

const MISSING = draft(BODY, buttons(`{type: url, text: "Track", url: "${URL}"}`));
const OTHER_DOMAIN = draft(BODY, withExample('https://example.com/JX123'));
const INCOMPLETE = draft(BODY, withExample('https://shop.example.com/track/'));
const STILL_VARIABLE = draft(BODY, withExample('https://shop.example.com/track/{{1}}'));
const JSON_OK = metaJson(BODY, [{ type: 'URL', text: 'Track', url: URL, example: ['https://shop.example.com/track/JX123'] }]);
const JSON_MISSING = metaJson(BODY, [{ type: 'URL', text: 'Track', url: URL }]);
const JSON_MISMATCH = metaJson(BODY, [{ type: 'URL', text: 'Track', url: URL, example: ['https://shop.example.com/trace/JX123'] }]);

runRuleTests(rule, {
  valid: [
    // a full sample URL
    { code: draft(BODY, withExample('https://shop.example.com/track/JX123456789')) },
    // example as a one-item list (Indonesian)
    { code: draft('Halo {{1}}, tagihan {{2}} jatuh tempo besok. Terima kasih.', buttons('{type: url, text: "Bayar", url: "https://tagihan.example.co.id/bayar?id={{1}}", example: ["https://tagihan.example.co.id/bayar?id=INV-2291"]}'), { language: 'id' }) },
    // no variable: no example needed
    { code: draft(BODY, buttons('{type: url, text: "Help", url: "https://shop.example.com/help"}')) },
    // Meta JSON with `example: [...]`
    { filename: 'x.json', code: JSON_OK },
  ],
  invalid: [
    // no example: the variable is marked
    { code: MISSING, errors: [{ messageId: 'missingExample', ...at(MISSING, '{{1}}"'), endColumn: at(MISSING, '{{1}}"').column + 5, message: 'such as `https://shop.example.com/track/…`' }] },
    // another domain: marked from the first character that differs
    { code: OTHER_DOMAIN, errors: [{ messageId: 'exampleMismatch', ...at(OTHER_DOMAIN, 'example.com/JX123'), message: 'starts with `https://shop.example.com/track/`' }] },
    // only the fixed part, no sample value
    { code: INCOMPLETE, errors: [{ messageId: 'exampleIncomplete', ...at(INCOMPLETE, 'https://shop.example.com/track/"', INCOMPLETE.indexOf('example:')), endColumn: at(INCOMPLETE, 'https://shop.example.com/track/"', INCOMPLETE.indexOf('example:')).column + 31 }] },
    // the example still holds the variable
    { code: STILL_VARIABLE, errors: [{ messageId: 'exampleIncomplete' }] },
    // an empty example counts as missing (Spanish)
    { code: draft('Hola {{1}}, su pedido {{2}} ya fue enviado. Gracias.', withExample('', 'https://tienda.example.com.mx/rastreo/{{1}}'), { language: 'es_MX' }), errors: [{ messageId: 'missingExample', line: 6 }] },
    // Meta JSON without `example`
    { filename: 'x.json', code: JSON_MISSING, errors: [{ messageId: 'missingExample', line: 1, column: JSON_MISSING.indexOf('{{1}}"') + 1 }] },
    // Meta JSON: the path differs after `/trac` (trace vs track)
    { filename: 'x.json', code: JSON_MISMATCH, errors: [{ messageId: 'exampleMismatch', line: 1, column: JSON_MISMATCH.indexOf('e/JX123') + 1, endColumn: JSON_MISMATCH.indexOf('e/JX123') + 8 }] },
  ],
}, { describe, it });
