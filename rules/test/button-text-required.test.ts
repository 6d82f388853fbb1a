import { describe, it } from 'vitest';
import rule from '../src/rules/button-text-required.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const BODY = 'Your order {{1}} has shipped and arrives on {{2}}. Thank you.';
const buttons = (...items: string[]): string => `buttons:\n${items.map((b) => `  - ${b}`).join('\n')}`;
const JSON_MISSING = JSON.stringify({
  name: 'x', language: 'en_US', category: 'UTILITY',
  components: [{ type: 'BODY', text: BODY }, { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Yes' }, { type: 'URL', url: 'https://shop.example.com' }] }],
});

runRuleTests(rule, {
  valid: [
    // every button has a label
    { code: draft(BODY, buttons('{type: quick_reply, text: "Got it"}', '{type: url, text: "Track", url: "https://shop.example.com"}', '{type: flow, text: "Book", flow_id: "123"}')) },
    // copy code and OTP buttons need no label (Indonesian authentication template)
    { code: draft('{{1}} adalah kode verifikasi Anda.', buttons('{type: otp, otp_type: copy_code}'), { category: 'AUTHENTICATION', language: 'id' }) },
    { code: draft(BODY, buttons('{type: copy_code, example: "SAVE10"}'), { category: 'MARKETING' }) },
    // Meta JSON with labels
    { filename: 'x.json', code: JSON_MISSING.replace('{"type":"URL",', '{"type":"URL","text":"Track",') },
  ],
  invalid: [
    // no text: the type value is marked
    { code: draft(BODY, buttons('{type: quick_reply}')), errors: [{ messageId: 'missing', line: 6, column: 12, endColumn: 23, message: 'Missing `text` on QUICK_REPLY button 1' }] },
    // empty text: the empty value (with its quotes) is marked (Spanish)
    { code: draft('Hola {{1}}, su cita es el {{2}}. Llame si necesita cambiarla.', buttons('{type: phone_number, text: "", phone_number: "+525555501234"}'), { language: 'es_MX' }), errors: [{ messageId: 'empty', line: 6, column: 32, endColumn: 34 }] },
    // spaces only count as empty
    { code: draft(BODY, buttons('{type: flow, text: "   ", flow_id: "123"}')), errors: [{ messageId: 'empty', message: 'FLOW button 1' }] },
    // second button only
    { code: draft(BODY, buttons('{type: quick_reply, text: "Ok"}', '{type: url, url: "https://shop.example.com"}')), errors: [{ messageId: 'missing', line: 7, message: 'URL button 2' }] },
    // Meta JSON: the URL button has no text; the upper-case type is marked without its quotes
    {
      filename: 'x.json',
      code: JSON_MISSING,
      errors: [{ messageId: 'missing', line: 1, column: JSON_MISSING.indexOf('URL"') + 1, endColumn: JSON_MISSING.indexOf('URL"') + 4 }],
    },
  ],
}, { describe, it });
