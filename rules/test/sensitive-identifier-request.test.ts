import { describe, it } from 'vitest';
import rule from '../src/rules/sensitive-identifier-request.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    // partial identifier: the last 4 digits
    { code: draft('To update account {{1}}, reply with the last 4 digits of the card you want to keep.') },
    // the identifier is mentioned, nothing is asked
    { code: draft('The card number ending in {{1}} was charged {{2}} for order {{3}} today.') },
    // fraud warning: "never"
    { code: draft('We will never ask for your full card number, PIN or password in this chat.') },
    // password reset instructions are not a request to send it
    { code: draft('Your password was changed on {{1}}. If this was not you, reset your password from the login page.') },
    // Indonesian partial identifier
    { code: draft('Balas pesan ini dengan 4 digit terakhir kartu Anda untuk akun {{1}}.', '', { language: 'id' }) },
    // Spanish fraud warning with "nunca" far from the identifier
    { code: draft('Banco del Sur nunca te va a pedir el número completo de tu tarjeta ni tu clave por este chat.', '', { language: 'es_AR' }) },
    // Portuguese: bring a photo ID at pickup is not a request to send it
    { code: draft('Sua receita {{1}} está pronta. Traga um documento com foto na retirada.', '', { language: 'pt_BR' }) },
  ],
  invalid: [
    // full card number and expiry date: one finding per kind and sentence
    {
      code: draft('To process the refund for order {{1}}, please reply with your full card number and the expiry date.'),
      errors: [{ messageId: 'request', line: 6, column: 63, endLine: 6, endColumn: 79, message: 'request for a card number or card security data (`full card number`) in the body' }],
    },
    // national ID number
    { code: draft('We need to verify account {{1}}. Please send us your Social Security number in this chat.'), errors: [{ messageId: 'request', column: 54, endColumn: 76, message: 'a national ID number or ID document' }] },
    // PIN and password in one sentence: one finding (same kind)
    { code: draft('Your banking for account {{1}} is locked. Reply with your banking password and PIN so we can unlock it.'), errors: [{ messageId: 'request', column: 59, endColumn: 75, message: 'a PIN or password' }] },
    // bank account number
    { code: draft('For the refund of order {{1}}, reply with your bank account number and routing number.'), errors: [{ messageId: 'request', column: 48, endColumn: 67, message: 'a bank account number' }] },
    // Indonesian NIK and KTP: affixes on the request verb (kirimkan)
    { code: draft('Silakan kirimkan NIK dan foto KTP Anda di chat ini untuk akun {{1}}.', '', { language: 'id' }), errors: [{ messageId: 'request', column: 18, endColumn: 21 }] },
    // Spanish DNI
    { code: draft('Para la cuenta {{1}}, enviá por este chat tu número de DNI.', '', { language: 'es_AR' }), errors: [{ messageId: 'request', column: 46, endColumn: 59 }] },
    // Portuguese CPF and password in two sentences: two findings
    {
      code: draft('Envie aqui no chat o número do seu CPF. Depois, responda com sua senha do app para a conta {{1}}.', '', { language: 'pt_BR' }),
      errors: [{ messageId: 'request', column: 22, endColumn: 39 }, { messageId: 'request', column: 66, endColumn: 78, message: 'a PIN or password' }],
    },
    // footer text is checked too
    { code: draft('Your claim {{1}} is almost complete.', 'footer: "Reply with your passport number"'), errors: [{ messageId: 'request', line: 5, column: 26, endColumn: 41, message: 'in the footer' }] },
    // Meta JSON: positions point into the JSON string
    {
      filename: 'x.json',
      code: '{"name":"x","language":"en_US","category":"UTILITY","components":[{"type":"BODY","text":"Reply with your PIN.","example":{"body_text":[]}}]}',
      errors: [{ messageId: 'request', line: 1, column: 106, endColumn: 109 }],
    },
  ],
}, { describe, it });
