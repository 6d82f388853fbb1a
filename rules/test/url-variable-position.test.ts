import { describe, it } from 'vitest';
import rule from '../src/rules/url-variable-position.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';
import { at } from './button-helpers.js';

const BODY = 'Your order {{1}} has shipped and arrives on {{2}}. Thank you.';
const urlButton = (url: string, example = 'https://shop.example.com/x'): string => `buttons:\n  - {type: url, text: "Track", url: "${url}", example: "${example}"}`;
const json = (url: string): string =>
  JSON.stringify({ name: 'x', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: BODY }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url, example: ['https://shop.example.com/a/b'] }] }] });

const MIDDLE = draft(BODY, urlButton('https://shop.example.com/track/{{1}}/details'));
const DOMAIN = draft(BODY, urlButton('https://{{1}}.example.com/track'));
const TWO = draft(BODY, urlButton('https://shop.example.com/{{1}}/{{2}}'));
const NO_SCHEME = draft('Hola {{1}}, su pedido {{2}} ya fue enviado. Gracias.', urlButton('www.tienda.example.com.mx/rastreo'), { language: 'es_MX' });
const JSON_MIDDLE = json('https://shop.example.com/{{1}}/b');

runRuleTests(rule, {
  valid: [
    // variable at the end of the path
    { code: draft(BODY, urlButton('https://shop.example.com/track/{{1}}')) },
    // variable as the last query value (Indonesian)
    { code: draft('Halo {{1}}, tagihan {{2}} jatuh tempo besok. Terima kasih.', urlButton('https://tagihan.example.co.id/bayar?id={{1}}'), { language: 'id' }) },
    // no variable; http is allowed
    { code: draft(BODY, urlButton('http://shop.example.com/help')) },
    // upper-case scheme and a port
    { code: draft(BODY, urlButton('HTTPS://shop.example.com:8443/t/{{1}}')) },
    // trailing spaces after the variable are ignored
    { code: draft(BODY, urlButton('https://shop.example.com/t/{{1}}  ')) },
    // non-URL buttons are not checked
    { code: draft(BODY, 'buttons:\n  - {type: quick_reply, text: "{{1}} ok"}') },
    // Meta JSON with the variable at the end
    { filename: 'x.json', code: json('https://shop.example.com/a/{{1}}') },
  ],
  invalid: [
    // variable in the middle of the path: the variable is marked
    { code: MIDDLE, errors: [{ messageId: 'variableNotAtEnd', ...at(MIDDLE, '{{1}}/details'), endColumn: at(MIDDLE, '{{1}}/details').column + 5, message: 'move `/details` into the variable value' }] },
    // variable in the domain
    { code: DOMAIN, errors: [{ messageId: 'variableInDomain', ...at(DOMAIN, '{{1}}.example'), endColumn: at(DOMAIN, '{{1}}.example').column + 5 }] },
    // variable right after the host, before any slash, is still in the domain part
    { code: draft(BODY, urlButton('https://shop.example.com{{1}}')), errors: [{ messageId: 'variableInDomain' }] },
    // the whole URL is a variable
    { code: draft(BODY, urlButton('{{1}}')), errors: [{ messageId: 'variableInDomain', line: 6 }] },
    // two variables: the first is not at the end, the second is extra
    { code: TWO, errors: [{ messageId: 'variableNotAtEnd' }, { messageId: 'tooManyVariables', ...at(TWO, '{{2}}') }] },
    // a malformed variable still counts as a variable
    { code: draft(BODY, urlButton('https://shop.example.com/{{ 1 }}/x')), errors: [{ messageId: 'variableNotAtEnd', message: '`{{ 1 }}`' }] },
    // not http(s)
    { code: draft(BODY, urlButton('ftp://files.example.com/{{1}}')), errors: [{ messageId: 'invalidUrl', message: '`ftp://files.example.com/{{1}}`' }] },
    // no scheme (Spanish)
    { code: NO_SCHEME, errors: [{ messageId: 'invalidUrl', ...at(NO_SCHEME, 'www.tienda.example.com.mx/rastreo') }] },
    // a space in the host does not parse
    { code: draft(BODY, urlButton('https://shop example.com/a')), errors: [{ messageId: 'invalidUrl' }] },
    // a URL button without a url: the type value is marked
    { code: draft(BODY, 'buttons:\n  - {type: url, text: "Track"}'), errors: [{ messageId: 'missingUrl', line: 6, column: 12, endColumn: 15 }] },
    // Meta JSON: variable in the middle, upper-case URL type
    { filename: 'x.json', code: JSON_MIDDLE, errors: [{ messageId: 'variableNotAtEnd', line: 1, column: JSON_MIDDLE.indexOf('{{1}}/b') + 1, endColumn: JSON_MIDDLE.indexOf('{{1}}/b') + 6 }] },
  ],
}, { describe, it });
