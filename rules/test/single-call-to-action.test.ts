import { describe, it } from 'vitest';
import rule from '../src/rules/single-call-to-action.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const url = (text: string, href: string): string => `  - {type: url, text: "${text}", url: "${href}"}`;

runRuleTests(rule, {
  valid: [
    // one URL button plus quick replies
    { code: draft('Hi {{1}}, your order {{2}} has shipped.', `buttons:\n${url('Track order', 'https://shop.example/track')}\n  - {type: quick_reply, text: "Help"}`) },
    // only quick replies
    { code: draft('Your appointment is on {{1}}.', 'buttons:\n  - {type: quick_reply, text: "Confirm"}\n  - {type: quick_reply, text: "Reschedule"}') },
    // a custom limit of two
    { code: draft('See https://shop.example/o/1 for details.', `buttons:\n${url('Track', 'https://shop.example/t')}`), options: { max: 2 } },
    // AUTHENTICATION is not checked
    { code: draft('{{1}} is your code.', 'buttons:\n  - {type: otp, otp_type: copy_code, text: "Copy"}', { category: 'AUTHENTICATION' }) },
  ],
  invalid: [
    // two URL buttons and a phone button: the second and third are reported
    {
      code: draft('Hi {{1}}, your order {{2}} has shipped.', `buttons:\n${url('Track order', 'https://shop.example/track')}\n${url('Visit our shop', 'https://shop.example')}\n  - {type: phone_number, text: "Call us", phone_number: "+6221555000"}`),
      errors: [
        { messageId: 'extra', line: 7, column: 24, endLine: 7, endColumn: 38, message: '`Visit our shop` (url button) (3 in the template), expected at most 1' },
        { messageId: 'extra', line: 8, column: 33, endColumn: 40 },
      ],
    },
    // a URL button and a link in the body: the link comes later in the file
    { code: draft('Pay at https://pay.example/inv. Thanks!', `buttons:\n${url('Pay now', 'https://pay.example')}`), errors: [{ messageId: 'extra', line: 8, column: 8, endColumn: 31, message: 'link `https://pay.example/inv`' }] },
    // two links in the body; trailing punctuation is not part of the link
    { code: draft('Track at https://t.example/1, or shop at www.shop.example.', '', { language: 'pt_BR' }), errors: [{ messageId: 'extra', line: 6, column: 42, endColumn: 58, message: 'link `www.shop.example`' }] },
    // a copy-code button counts
    { code: draft('Your order {{1}} is confirmed.', `buttons:\n${url('Track', 'https://shop.example/t')}\n  - {type: copy_code, example: "SAVE10"}`), errors: [{ messageId: 'extra', line: 7, message: 'copy_code button 2' }] },
    // Meta JSON
    {
      filename: 'x.json',
      code: '{"name":"x","language":"en","category":"UTILITY","components":[{"type":"BODY","text":"Order {{1}}."},{"type":"BUTTONS","buttons":[{"type":"URL","text":"A","url":"https://a.example"},{"type":"PHONE_NUMBER","text":"B","phone_number":"+15555550100"}]}]}',
      errors: [{ messageId: 'extra', line: 1, column: 214, endColumn: 215 }],
    },
  ],
}, { describe, it });
