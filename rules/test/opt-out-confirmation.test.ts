import { describe, it } from 'vitest';
import rule from '../src/rules/opt-out-confirmation.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const optOut = 'use_case: opt_out_confirmation';

runRuleTests(rule, {
  valid: [
    // confirms and says how to resume (Indonesian)
    { code: draft('Anda telah berhenti berlangganan pesan promosi dari Batik Lestari di WhatsApp. Ketik MULAI untuk berlangganan lagi.', optOut, { language: 'id' }) },
    // quick reply to resume
    { code: draft('You have unsubscribed from Lumen messages on WhatsApp.', `${optOut}\nbuttons:\n  - {type: quick_reply, text: Subscribe again}`) },
    // Portuguese wording
    { code: draft('Você não vai mais receber mensagens promocionais da Empório Serra. Se mudar de ideia, responda VOLTAR.', optOut, { language: 'pt_BR' }) },
    // not an opt-out confirmation
    { code: draft('Your order {{1}} has shipped.') },
  ],
  invalid: [
    // no way back
    { code: draft('You have unsubscribed from Lumen messages. You will not receive these messages anymore.', optOut), errors: [{ messageId: 'missingResume', line: 7, column: 1 }] },
    // a parting offer (Spanish)
    { code: draft('Te diste de baja de nuestros mensajes. Antes de irte, usa el cupón VUELVE10. Responde ALTA para volver a recibirlos.', optOut, { language: 'es_MX' }), errors: [{ messageId: 'promotion', message: 'coupon' }] },
    // declared opt-out that does not confirm anything
    { code: draft('Thanks for your message about {{1}}. Reply START to subscribe again.', optOut), errors: [{ messageId: 'missingConfirmation' }] },
    // recognised from the wording, an opt-out button is not a way back
    { code: draft('Ya no recibirás mensajes de Café Luna.', 'buttons:\n  - {type: quick_reply, text: BAJA}', { name: 'baja_cafe', language: 'es_MX' }), errors: [{ messageId: 'missingResume' }] },
  ],
}, { describe, it });
