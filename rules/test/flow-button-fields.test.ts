import { describe, it } from 'vitest';
import rule from '../src/rules/flow-button-fields.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';
import { buttons, metaJson } from './button-helpers.js';

const BODY = 'Hi {{1}}, book your next appointment in two minutes.';
const M = { category: 'MARKETING' };
const JSON_MISSING = metaJson(BODY, [{ type: 'QUICK_REPLY', text: 'Later' }, { type: 'FLOW', text: 'Book now', flow_action: 'navigate' }], 'MARKETING');

runRuleTests(rule, {
  valid: [
    // flow_id as a string
    { code: draft(BODY, buttons('{type: flow, text: "Book now", flow_id: "1234567890123456"}'), M) },
    // flow_id as a number
    { code: draft(BODY, buttons('{type: flow, text: "Book now", flow_id: 1234567890123456}'), M) },
    // flow_name (Spanish)
    { code: draft('Hola {{1}}, reserve su próxima cita en dos minutos.', buttons('{type: flow, text: "Reservar", flow_name: "reserva_citas"}'), { category: 'MARKETING', language: 'es_MX' }) },
    // Meta JSON with flow_json and upper-case keys
    { filename: 'x.json', code: metaJson(BODY, [{ type: 'FLOW', text: 'Sign up', FLOW_JSON: '{"version":"3.1","screens":[]}' }], 'MARKETING') },
  ],
  invalid: [
    // no flow field: the type value is marked
    { code: draft(BODY, buttons('{type: flow, text: "Book now"}'), M), errors: [{ messageId: 'missingFlow', line: 6, column: 12, endColumn: 16, message: 'FLOW button 1' }] },
    // empty flow_name counts as missing (Indonesian)
    { code: draft('Halo {{1}}, pesan jadwal servis Anda dalam dua menit.', buttons('{type: quick_reply, text: "Nanti"}', '{type: flow, text: "Pesan", flow_name: ""}'), { category: 'MARKETING', language: 'id' }), errors: [{ messageId: 'missingFlow', line: 7, message: 'FLOW button 2' }] },
    // Meta JSON: the second button has only flow_action
    { filename: 'x.json', code: JSON_MISSING, errors: [{ messageId: 'missingFlow', line: 1, column: JSON_MISSING.indexOf('FLOW"') + 1, endColumn: JSON_MISSING.indexOf('FLOW"') + 5 }] },
  ],
}, { describe, it });
