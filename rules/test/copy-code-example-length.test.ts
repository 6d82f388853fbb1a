import { describe, it } from 'vitest';
import rule from '../src/rules/copy-code-example-length.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';
import { at, buttons, metaJson } from './button-helpers.js';

const BODY = 'Use the code below for 15% off your next order, {{1}}. Reply STOP to opt out.';
const copy = (example: string): string => buttons(`{type: copy_code, example: "${example}"}`);
const M = { category: 'MARKETING' };

const SIXTEEN = draft(BODY, copy('SPRINGSALE2026VI'), M);
const JSON_LONG = metaJson(BODY, [{ type: 'QUICK_REPLY', text: 'Stop promotions' }, { type: 'COPY_CODE', example: 'CUPOMPRIMAVERA2026XY' }], 'MARKETING', 'pt_BR');

runRuleTests(rule, {
  valid: [
    // exactly 15 characters
    { code: draft(BODY, copy('SPRINGSALE2026V'), M) },
    // coupon code template: 20 allowed with the option (Spanish)
    { code: draft('Hola {{1}}, usa el código de abajo para tu descuento del 15%.', copy('PRIMAVERA2026DESC20X'), { category: 'MARKETING', language: 'es_MX' }), options: { max: 20 } },
    // no copy-code button
    { code: draft(BODY, buttons('{type: quick_reply, text: "Stop promotions"}'), M) },
    // Meta JSON within the limit, example as a plain string
    { filename: 'x.json', code: JSON_LONG.replace('CUPOMPRIMAVERA2026XY', 'CUPOM10') },
  ],
  invalid: [
    // 16 characters: the 16th is marked, the message points at the coupon allowance
    { code: SIXTEEN, errors: [{ messageId: 'tooLong', line: 6, column: at(SIXTEEN, 'SPRING').column + 15, endColumn: at(SIXTEEN, 'SPRING').column + 16, message: 'coupon code templates accept up to 20 since 2025-12-03' }] },
    // over 20 with the coupon option set (Indonesian)
    { code: draft('Halo {{1}}, pakai kode di bawah untuk diskon 15%. Balas BERHENTI untuk berhenti.', copy('DISKONAKHIRTAHUN2026AB'), { category: 'MARKETING', language: 'id' }), options: { max: 20 }, errors: [{ messageId: 'tooLong', message: 'of 22 characters on COPY_CODE button 1, expected at most 20' }] },
    // no example: the type value is marked
    { code: draft(BODY, buttons('{type: copy_code}'), M), errors: [{ messageId: 'missingExample', line: 6, column: 12, endColumn: 21 }] },
    // an empty example
    { code: draft(BODY, copy(''), M), errors: [{ messageId: 'missingExample', line: 6 }] },
    // Meta JSON: 20 characters with the default 15, the last 5 marked (Portuguese)
    { filename: 'x.json', code: JSON_LONG, errors: [{ messageId: 'tooLong', line: 1, column: JSON_LONG.indexOf('CUPOM') + 16, endColumn: JSON_LONG.indexOf('CUPOM') + 21, message: 'COPY_CODE button 2' }] },
  ],
}, { describe, it });
