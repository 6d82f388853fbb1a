import { describe, it } from 'vitest';
import rule from '../src/rules/header-example-required.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const body = 'Your order has shipped.';
const json = (header: string): string =>
  `{"name":"x","language":"es_MX","category":"MARKETING","components":[${header},{"type":"BODY","text":"Nueva colección disponible."}]}`;

runRuleTests(rule, {
  valid: [
    // no header parameter, nothing needed
    { code: draft(body, 'header: Your order is on its way') },
    // a positional example in examples.header
    { code: draft(body, 'header: Order {{1}} shipped\nexamples:\n  header: [A-1042]') },
    // the example under header.example
    { code: draft(body, 'header:\n  format: text\n  text: Order {{1}} shipped\n  example: A-1042') },
    // a named example in map form (Spanish)
    { code: draft('Tu pedido fue enviado.', 'parameter_format: named\nheader: Hola {{first_name}}\nexamples:\n  header:\n    first_name: Ana', { language: 'es_MX' }) },
    // media headers with a handle or a URL
    { code: draft(body, 'header:\n  format: image\n  media_handle: 4::aW1hZ2U=') },
    { code: draft(body, 'header:\n  format: document\n  media_url: https://example.com/invoice.pdf') },
    // a location header needs no sample
    { code: draft(body, 'header:\n  format: location') },
    // Meta JSON: header_text and header_handle
    { filename: 'x.json', code: json('{"type":"HEADER","format":"TEXT","text":"Hola {{1}}","example":{"header_text":["Ana"]}}') },
    { filename: 'x.json', code: json('{"type":"HEADER","format":"IMAGE","example":{"header_handle":["4::aW1hZ2U="]}}') },
    // Meta JSON: a named header example
    { filename: 'x.json', code: json('{"type":"HEADER","format":"TEXT","text":"Hola {{name}}","example":{"header_text_named_params":[{"param_name":"name","example":"Ana"}]}}') },
  ],
  invalid: [
    // no example at all: the parameter is marked
    { code: draft(body, 'header: Order {{1}} shipped'), errors: [{ messageId: 'missingText', line: 5, column: 15, endLine: 5, endColumn: 20, message: '`examples.header`' }] },
    // a blank example counts as missing (Portuguese)
    { code: draft('Seu pedido foi enviado.', 'header: Pedido {{1}}\nexamples:\n  header: [""]', { language: 'pt_BR' }), errors: [{ messageId: 'missingText', line: 5, column: 16 }] },
    // the named map lacks this parameter (Indonesian)
    { code: draft('Pesanan sudah dikirim.', 'parameter_format: named\nheader: Halo {{nama}}\nexamples:\n  header:\n    name: Budi', { language: 'id' }), errors: [{ messageId: 'missingText', line: 6, message: '`{{nama}}`' }] },
    // image header without a sample: the format is marked
    { code: draft(body, 'header:\n  format: image'), errors: [{ messageId: 'missingMedia', line: 6, column: 11, endColumn: 16, message: '`media_handle`' }] },
    // gif header with a blank handle
    { code: draft(body, 'header:\n  format: gif\n  media_handle: ""', { category: 'MARKETING' }), errors: [{ messageId: 'missingMedia', message: 'gif header' }] },
    // Meta JSON: text header without header_text
    { filename: 'x.json', code: json('{"type":"HEADER","format":"TEXT","text":"Hola {{1}}"}'), errors: [{ messageId: 'missingText', line: 1, column: 115, endColumn: 120, message: '`example.header_text`' }] },
    // Meta JSON: video header without header_handle
    { filename: 'x.json', code: json('{"type":"HEADER","format":"VIDEO"}'), errors: [{ messageId: 'missingMedia', message: '`example.header_handle`' }] },
  ],
}, { describe, it });
