import { describe, it } from 'vitest';
import rule from '../src/rules/opt-in-wording.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const optIn = 'use_case: opt_in_confirmation';

runRuleTests(rule, {
  valid: [
    // names WhatsApp, the business and the messages
    { code: draft('Thanks for confirming! You will now receive order and delivery updates from Northwind Outfitters on WhatsApp.', optIn) },
    // Indonesian, recognised from the wording
    { code: draft('Pendaftaran berhasil! Anda akan menerima info pesanan dari Toko Maju Jaya di WhatsApp.', '', { name: 'daftar_wa', language: 'id' }) },
    // configured business name
    { code: draft('¡Registro exitoso! Recibirás por WhatsApp avisos de tus pedidos de mueblería roble.', optIn, { language: 'es_MX' }), settings: { business: { name: 'Mueblería Roble' } } },
    // not an opt-in confirmation
    { code: draft('Your order {{1}} has shipped.') },
  ],
  invalid: [
    // business only as a parameter, recognised from the wording
    { code: draft('Thanks for subscribing! You will now receive appointment reminders from {{1}} on WhatsApp.', 'examples:\n  body: ["Acme Dental"]'), errors: [{ messageId: 'businessParam', line: 8, column: 73, endColumn: 78 }] },
    // no business name
    { code: draft('You are now subscribed to WhatsApp notifications. We will message you here about your bookings.', optIn), errors: [{ messageId: 'missingBusiness' }] },
    // no WhatsApp (Portuguese)
    { code: draft('Cadastro realizado! Agora você vai receber avisos dos seus pedidos da Empório Serra.', optIn, { language: 'pt_BR' }), errors: [{ messageId: 'missingWhatsApp', line: 7 }] },
    // configured business name missing from the text
    { code: draft('You are subscribed to order updates from Northwind on WhatsApp.', optIn), settings: { business: { name: 'Lumen Bank' } }, errors: [{ messageId: 'missingBusiness', message: 'Lumen Bank' }] },
    // no kind of messages (Spanish)
    { code: draft('¡Registro exitoso en WhatsApp con Mueblería Roble!', optIn, { language: 'es_MX' }), errors: [{ messageId: 'missingMessageTypes' }] },
  ],
}, { describe, it });
