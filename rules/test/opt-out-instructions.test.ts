import { describe, it } from 'vitest';
import rule from '../src/rules/opt-out-instructions.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const mk = { name: 'promo', category: 'MARKETING' };

runRuleTests(rule, {
  valid: [
    // stop-promotions quick reply
    { code: draft('New arrivals just landed. Tap Show me to see them.', 'buttons:\n  - {type: quick_reply, text: Show me}\n  - {type: quick_reply, text: Stop promotions}', mk) },
    // footer in Indonesian
    { code: draft('Flash sale jam 12 siang! Diskon hingga 50%.', 'footer: "Balas BERHENTI untuk berhenti berlangganan"', { ...mk, language: 'id' }) },
    // instruction in the body (Spanish)
    { code: draft('Nueva colección con 20% de descuento. Responde BAJA para dejar de recibir estos mensajes.', '', { ...mk, language: 'es_MX' }) },
    // Portuguese quick reply keyword
    { code: draft('Chegou a coleção de inverno.', 'buttons:\n  - {type: quick_reply, text: "Parar promoções"}', { ...mk, language: 'pt_BR' }) },
    // UTILITY is out of scope
    { code: draft('Your order {{1}} has shipped.') },
  ],
  invalid: [
    // no opt-out: suggestion adds the language's footer
    {
      code: draft('Our new menu is here: try the truffle burger this week.', '', mk),
      errors: [{ messageId: 'missing', line: 6, column: 1, suggestions: [draft('Our new menu is here: try the truffle burger this week.', 'footer: "Reply STOP to unsubscribe"', mk)] }],
    },
    // Indonesian, the suggestion is in Indonesian
    {
      code: draft('Flash sale jam 12 siang! Diskon hingga 50% untuk semua produk.', '', { ...mk, language: 'id' }),
      errors: [{ messageId: 'missing', message: 'Balas BERHENTI', suggestions: [draft('Flash sale jam 12 siang! Diskon hingga 50% untuk semua produk.', 'footer: "Balas BERHENTI untuk berhenti berlangganan"', { ...mk, language: 'id' })] }],
    },
    // a footer that is not an opt-out: reported on the footer, no suggestion
    { code: draft('Nueva colección disponible.', 'footer: "Mueblería Roble"', { ...mk, language: 'es_MX' }), errors: [{ messageId: 'missing', line: 5 }] },
    // CANCEL is not an opt-out keyword
    { code: draft('Winter sale starts now.', 'buttons:\n  - {type: quick_reply, text: Cancel}', mk), errors: [{ messageId: 'missing' }] },
    // Meta JSON
    { filename: 'x.json', code: '{"name":"x","language":"en","category":"MARKETING","components":[{"type":"BODY","text":"Winter sale starts now."}]}', errors: [{ messageId: 'missing', line: 1 }] },
  ],
}, { describe, it });
