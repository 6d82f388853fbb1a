import { defineRule } from '@pesan/core';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { policyMatches } from '../util/policy-content.js';

/** What each lexicon label asks for, as the message names it. */
const WHAT: Record<string, string> = {
  'card-number': 'a card number or card security data',
  'bank-account': 'a bank account number',
  'national-id': 'a national ID number or ID document',
  credential: 'a PIN or password',
};

export default defineRule({
  meta: {
    id: 'sensitive-identifier-request',
    description: 'The template does not ask the reader to send a full card number, bank account, national ID number, PIN or password.',
    type: 'compliance',
    area: 'content',
    defaultSeverity: 'error',
    messages: {
      request:
        'Unexpected request for {{what}} (`{{phrase}}`) in the {{where}}, expected no request for sensitive identifiers: ask for a partial value such as the last 4 digits, or send the reader to a secure page',
    },
    docs: {
      rationale:
        'Meta rejects templates that ask people to share sensitive identifiers: "full length individual payment card numbers, financial account numbers, national identification numbers, or other sensitive identifiers", and documents that contain them. Partial identifiers (the last 4 digits of a card) are allowed. Asking for a PIN or password in a chat is also the pattern of phishing messages, so customers are taught never to answer it.',
      details:
        'The rule reads the header, body, footer and button labels in the template\'s language (lexicon `rules/lexicons/<lang>/sensitive-identifier.yaml`; every language when the code has no lexicon). An identifier (card number, CVV, bank account, IBAN/CBU/CLABE, SSN, NIK/KTP, CPF/RG, DNI/CURP, PIN, password...) counts only in a sentence that asks the reader to send it ("reply with", "send us", "balas dengan", "kirimkan", "responde con", "envie", "informe"...). Sentences that say "never" (fraud warnings), ask for the last digits only, or tell the reader to reset a password are not reported. Matching ignores case, accents and width and follows the language\'s inflections. One finding per kind of identifier and sentence.',
      sources: [META.review, META.guidelinesOld],
      valid: [
        { title: 'Asks only for the last 4 digits', draft: exampleDraft('To finish updating the billing details on account {{1}}, reply with the last 4 digits of the card you want to keep.', 'examples:\n  body: ["CL-3321"]') },
        {
          title: 'Portuguese fraud warning: says the bank never asks for the password',
          draft: exampleDraft('Alerta de golpe na conta final {{1}}: nunca pedimos sua senha ou o número completo do cartão por mensagem.', 'examples:\n  body: ["5530"]', { name: 'alerta_golpe', language: 'pt_BR' }),
        },
      ],
      invalid: [
        { title: 'Asks for the full card number', draft: exampleDraft('To process the refund for order {{1}}, please reply with your full card number and the expiry date.', 'examples:\n  body: ["DV-1120"]'), messageIds: ['request'] },
        {
          title: 'Indonesian: asks for the national ID number (NIK) and ID card photo',
          draft: exampleDraft('Kami perlu memverifikasi akun berakhiran {{1}}. Silakan kirimkan NIK dan foto KTP Anda di chat ini.', 'examples:\n  body: ["7720"]', { name: 'verifikasi_akun', language: 'id' }),
          messageIds: ['request'],
        },
      ],
    },
  },
  check({ draft, settings, report }) {
    for (const { where, match } of policyMatches(draft, settings, ['sensitive-identifier'])) {
      report({
        messageId: 'request',
        data: { what: WHAT[match.label] ?? 'a sensitive identifier', phrase: match.text, where: where.label },
        range: where.text.fileRange(match.start, match.end),
      });
    }
  },
});
