import { describe, it } from 'vitest';
import rule from '../src/rules/header-single.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const json = (components: string, language = 'en_US'): string => `{"name":"x","language":"${language}","category":"UTILITY","components":[${components}]}`;
const header = (text: string): string => `{"type":"HEADER","format":"TEXT","text":"${text}"}`;
const body = '{"type":"BODY","text":"Your order has shipped."}';

runRuleTests(rule, {
  valid: [
    // a Markdown draft has a single header key
    { code: draft('Your order {{1}} has shipped.', 'header: Order shipped') },
    // one HEADER component
    { filename: 'x.json', code: json(`${header('Order shipped')},${body}`) },
    // no header at all
    { filename: 'x.json', code: json(body) },
  ],
  invalid: [
    // two headers: the second component is marked (Spanish)
    { filename: 'x.json', code: json(`${header('Pedido')},${header('Envío')},${body}`, 'es_MX'), errors: [{ messageId: 'duplicate', line: 1, column: 117, endColumn: 165, message: 'number 2' }] },
    // lower-case type counts too; a media header after a text one (Indonesian)
    { filename: 'x.json', code: json(`${header('Pesanan')},{"type":"header","format":"IMAGE"},${body}`, 'id'), errors: [{ messageId: 'duplicate' }] },
    // three headers: two findings
    { filename: 'x.json', code: json(`${header('A')},${header('B')},${header('C')},${body}`), errors: [{ messageId: 'duplicate', message: 'number 2' }, { messageId: 'duplicate', message: 'number 3' }] },
  ],
}, { describe, it });
