import { describe, it } from 'vitest';
import rule from '../src/rules/threatening-content.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    // a contractual late fee is not a threat
    { code: draft('A payment of ${{1}} on loan {{2}} is due on {{3}}. Payments after that date carry a late fee, as set out in your agreement.') },
    // family mentioned without a debt context
    { code: draft('Your photos from order {{1}} are ready. Share them with your family and tell your family about our studio!') },
    // negated legal wording
    { code: draft('No legal action is needed on your side for claim {{1}}.') },
    // "never" in a debt reminder
    { code: draft('Your installment of {{1}} is due on {{2}}. We never contact your employer or your family about payments.') },
    // Indonesian reminder with the facts only
    { code: draft('Cicilan Rp {{1}} untuk pinjaman {{2}} jatuh tempo pada {{3}}. Bayar lewat aplikasi atau ATM.', '', { language: 'id' }) },
    // Portuguese: social networks without a shaming verb
    { code: draft('Recebemos o pagamento de R$ {{1}} da fatura {{2}}. Siga a gente nas redes sociais!', '', { language: 'pt_BR' }) },
  ],
  invalid: [
    // legal threat and contacting the employer: two kinds, two findings
    {
      code: draft('Your payment of ${{1}} is overdue. If you do not pay within 48 hours we will take legal action and contact your employer.'),
      errors: [
        { messageId: 'legal', line: 6, column: 78, endLine: 6, endColumn: 95, message: '`take legal action` in the body' },
        { messageId: 'shaming', line: 6, column: 100, endColumn: 121 },
      ],
    },
    // public list of defaulters
    { code: draft('Hi {{1}}, your installment of {{2}} was due on {{3}}. Pay today or we will publish your name on our list of defaulters.'), errors: [{ messageId: 'shaming', column: 76, endColumn: 93 }] },
    // police report
    { code: draft('Invoice {{1}} is unpaid. We will report you to the police tomorrow.'), errors: [{ messageId: 'legal', column: 34, endColumn: 58 }] },
    // Indonesian data-spreading threat: one finding per sentence
    {
      code: draft('Tagihan Rp {{1}} untuk pinjaman {{2}} menunggak. Jika tidak dibayar, data Anda akan kami sebarkan ke seluruh kontak Anda.', '', { language: 'id' }),
      errors: [{ messageId: 'shaming', column: 70, endColumn: 98 }],
    },
    // Indonesian legal threat with affixes (menempuh ... jalur hukum)
    { code: draft('Bayar cicilan {{1}} hari ini atau kami akan menempuh jalur hukum.', '', { language: 'id' }), errors: [{ messageId: 'legal', column: 54, endColumn: 65 }] },
    // Spanish, accent-insensitive
    { code: draft('Tu factura {{1}} está vencida. Iniciaremos ACCIONES LEGALES en tu contra.', '', { language: 'es_MX' }), errors: [{ messageId: 'legal', column: 44, endColumn: 60 }] },
    // Portuguese shaming with an inflected verb
    { code: draft('A parcela de R$ {{1}} venceu em {{2}}. Vamos contar para a sua família se não pagar.', '', { language: 'pt_BR' }), errors: [{ messageId: 'shaming', column: 46, endColumn: 71 }] },
    // Meta JSON
    {
      filename: 'x.json',
      code: '{"name":"x","language":"en_US","category":"UTILITY","components":[{"type":"BODY","text":"Loan {{1}} is overdue. We will sue you.","example":{"body_text":[["L-1"]]}}]}',
      errors: [{ messageId: 'legal', line: 1, column: 121, endColumn: 128 }],
    },
  ],
}, { describe, it });
