import { describe, it } from 'vitest';
import rule from '../src/rules/body-required.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const json = (components: string, language = 'en_US'): string => `{"name":"x","language":"${language}","category":"UTILITY","components":[${components}]}`;
const body = (text: string): string => `{"type":"BODY","text":"${text}"}`;

runRuleTests(rule, {
  valid: [
    // a Markdown draft: the body is the text under the front matter
    { code: draft('Your order {{1}} has shipped.') },
    // one BODY component
    { filename: 'x.json', code: json(body('Your order {{1}} has shipped.')) },
    // lower-case type, with header and footer (Spanish)
    { filename: 'x.json', code: json(`{"type":"HEADER","format":"TEXT","text":"Pedido"},{"type":"body","text":"Tu pedido fue enviado."},{"type":"FOOTER","text":"Gracias"}`, 'es_MX') },
    // a WhatsApp Manager export with two templates, each with one body
    { filename: 'x.json', code: `{"data":[${json(body('Uno.'))},${json(body('Dos.'))}]}` },
  ],
  invalid: [
    // no BODY component: the `components` key is marked
    { filename: 'x.json', code: json(`{"type":"FOOTER","text":"Thanks"}`), errors: [{ messageId: 'missing', line: 1, column: 53, endColumn: 65 }] },
    // empty components array
    { filename: 'x.json', code: json(''), errors: [{ messageId: 'missing' }] },
    // empty text: the text value is marked
    { filename: 'x.json', code: json(body('')), errors: [{ messageId: 'empty', line: 1, column: 89, endColumn: 91 }] },
    // whitespace only counts as empty (Indonesian)
    { filename: 'x.json', code: json(body('  \\n '), 'id'), errors: [{ messageId: 'empty' }] },
    // a BODY without text
    { filename: 'x.json', code: json('{"type":"BODY"}'), errors: [{ messageId: 'empty', column: 67, endColumn: 82 }] },
    // two BODY components: the second component is marked (Portuguese)
    { filename: 'x.json', code: json(`${body('Seu pedido foi enviado.')},${body('Chega amanhã.')}`, 'pt_BR'), errors: [{ messageId: 'duplicate', line: 1, column: 116, endColumn: 154, message: 'number 2' }] },
    // three BODY components: two findings
    { filename: 'x.json', code: json(`${body('A.')},${body('B.')},${body('C.')}`), errors: [{ messageId: 'duplicate', message: 'number 2' }, { messageId: 'duplicate', message: 'number 3' }] },
    // the second template of an export lacks a body; positions point into it
    { filename: 'x.json', code: `[\n${json(body('Uno.'))},\n${json('')}\n]`, errors: [{ messageId: 'missing', line: 3, column: 53 }] },
  ],
}, { describe, it });
