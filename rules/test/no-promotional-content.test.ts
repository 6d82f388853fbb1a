import { describe, it } from 'vitest';
import rule from '../src/rules/no-promotional-content.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const id = { name: 'pesanan_dikirim', language: 'id' };
const es = { name: 'pedido_enviado', language: 'es_MX' };
const pt = { name: 'pedido_enviado', language: 'pt_BR' };

runRuleTests(rule, {
  valid: [
    // acceptance: an amount and a due date are transaction facts, not a discount
    { code: draft('Halo {{1}}, tagihan Rp {{2}} jatuh tempo {{3}}. Abaikan pesan ini jika sudah membayar.', 'use_case: payment_reminder', { name: 'pengingat_tagihan', language: 'id' }) },
    // Meta's own utility example: a refund amount
    { code: draft('Hi {{1}}, your refund for ${{2}} on order {{3}} has been processed.') },
    // "free" describing the state of an existing order
    { code: draft('Hi {{1}}, no delivery fee was charged on order {{2}}: shipping was free because of a courier delay.') },
    // Indonesian: free shipping as a fact of the order, not an incentive
    { code: draft('Pesanan {{1}} dikirim dengan gratis ongkir dan tiba {{2}}.', '', id) },
    // negations without a call to buy
    { code: draft('Hi {{1}}, we exchanged the size on order {{2}}. No coupon needed, nothing else to do.') },
    { code: draft('Hola {{1}}, cambiamos la talla de tu pedido {{2}} sin costo adicional para ti.', '', es) },
    // "don't miss" about an appointment is a reminder, not urgency
    { code: draft('Não perca sua consulta em {{1}} às {{2}}. Chegue 10 minutos antes.', '', { name: 'lembrete_consulta', language: 'pt_BR' }) },
    // fraud alert that mentions what scammers promise
    { code: draft('Alerta de fraude: golpistas prometem descontos e prêmios falsos. Nunca pedimos sua senha por WhatsApp.', '', { name: 'alerta_golpe', language: 'pt_BR' }) },
    // renewal notice without an incentive
    { code: draft('Hi {{1}}, your plan {{2}} will renew on {{3}} and {{4}} will be billed to your card.') },
    // opt-out confirmation that names the kind of messages
    { code: draft('Anda telah berhenti berlangganan pesan promosi dari Batik Lestari. Ketik MULAI untuk berlangganan lagi.', '', { name: 'berhenti', language: 'id' }) },
    // not UTILITY: the rule does not apply to MARKETING
    { code: draft('Get 20% off your next order with code SAVE20!', '', { name: 'promo', category: 'MARKETING' }) },
    // one celebration emoji is fine; a copy-code button with a payment code is not a coupon
    { code: draft('Pembayaran pesanan {{1}} berhasil 🎉 Terima kasih.', 'buttons:\n  - {type: copy_code, example: "8808123456789"}', id) },
    // a URL button to the user's own order on the shop domain
    { code: draft('Your order {{1}} has shipped and arrives on {{2}}.', 'buttons:\n  - {type: url, text: Track order, url: "https://shop.example.com/orders/{{1}}", example: "https://shop.example.com/orders/123"}') },
    // accepted vocabulary never matches (a brand that contains a promotional word)
    { code: draft('Your FreeNow Promo Rides receipt for trip {{1}} is ready.'), settings: { vocabulary: { accept: ['Promo Rides'], reject: [] } } },
  ],
  invalid: [
    // acceptance: Indonesian discount for the next purchase, marked from "Dapatkan" to "berikutnya"
    {
      code: draft('Halo {{1}}, pesanan {{2}} sudah dikirim. Dapatkan diskon 20% untuk pembelian berikutnya.', '', id),
      errors: [{ messageId: 'promotional', line: 6, column: 42, endLine: 6, endColumn: 88, message: 'discount' }],
    },
    // suggestions: remove the sentence, or declare MARKETING
    {
      code: draft('Your order {{1}} has shipped. Enjoy 10% off your next order!'),
      errors: [
        {
          messageId: 'promotional',
          column: 31,
          endColumn: 60,
          suggestions: [draft('Your order {{1}} has shipped.'), draft('Your order {{1}} has shipped. Enjoy 10% off your next order!').replace('category: UTILITY', 'category: MARKETING')],
        },
      ],
    },
    // inflected Indonesian forms and urgency
    { code: draft('Produk berdiskon hingga 70% menunggumu, buruan!', '', id), errors: [{ messageId: 'promotional', column: 8, endColumn: 28 }, { messageId: 'promotional', column: 41, endColumn: 47 }] },
    // Spanish: discount with inflection and accents folded
    { code: draft('Tu pedido {{1}} fue enviado. Obtén 15% de descuento en tu próxima compra.', '', es), errors: [{ messageId: 'promotional', column: 30, endColumn: 73, message: 'discount' }] },
    // Portuguese call to buy and urgency
    { code: draft('Seu pedido {{1}} foi entregue. Compre já, só hoje!', '', pt), errors: [{ messageId: 'promotional', message: 'call to buy' }, { messageId: 'promotional', message: 'urgency' }] },
    // free as an incentive (next order context)
    { code: draft('Order {{1}} is confirmed. Enjoy free shipping on your next order.'), errors: [{ messageId: 'promotional', message: 'free offer' }] },
    // a negated term counts again when the draft also calls to buy
    { code: draft('No coupon needed: shop now and save on your next order {{1}}.'), errors: [{ messageId: 'promotional', message: 'coupon' }, { messageId: 'promotional', message: 'call to buy' }] },
    // renewal with an incentive (Meta's example)
    { code: draft('Your subscription will expire on {{1}}! Renew today to save {{2}}.'), errors: [{ messageId: 'promotional', message: 'renewal incentive' }] },
    // delay apology with a credit (Meta's example)
    { code: draft('We apologize for the delay in your {{1}} delivery. We have deposited a {{2}} to your account.'), errors: [{ messageId: 'promotional', message: 'apology with a credit' }] },
    // generic greeting
    { code: draft('Happy birthday, {{1}}! Thank you for being with us.', '', { name: 'greeting' }), errors: [{ messageId: 'promotional', message: 'generic greeting' }] },
    // price-drop and back-in-stock alerts get the explanatory message
    { code: draft('Kabar baik {{1}}! Harga turun untuk {{2}} yang kamu simpan.', '', id), errors: [{ messageId: 'alert', message: 'invites a purchase' }] },
    { code: draft('¡Hola {{1}}! El producto {{2}} está de vuelta en stock.', '', es), errors: [{ messageId: 'alert', message: 'back-in-stock alert' }] },
    // celebration emoji cluster
    { code: draft('Your order {{1}} is confirmed 🎉🎉🔥 See you soon.'), errors: [{ messageId: 'emojiCluster', column: 31, endColumn: 37 }] },
    // coupon COPY_CODE button, catalog button, link to a promotion page
    { code: draft('Your order {{1}} is confirmed. Thank you.', 'buttons:\n  - {type: copy_code, example: "DISKON50"}'), errors: [{ messageId: 'couponButton', line: 6, message: 'DISKON50' }] },
    { code: draft('Your order {{1}} is confirmed. Thank you.', 'buttons:\n  - {type: catalog, text: View catalog}'), errors: [{ messageId: 'catalogButton' }] },
    { code: draft('Your order {{1}} is confirmed. Thank you.', 'buttons:\n  - {type: url, text: See more, url: "https://example.com/promo/summer"}'), errors: [{ messageId: 'shopLink', message: 'promotion page' }] },
    // button text is checked too
    { code: draft('Your order {{1}} has been delivered.', 'buttons:\n  - {type: quick_reply, text: Shop now}'), errors: [{ messageId: 'promotional', line: 6, message: 'call to buy' }] },
    // rejected vocabulary from the config
    { code: draft('Your order {{1}} ships today with MegaDeal packaging.'), settings: { vocabulary: { accept: [], reject: ['megadeal'] } }, errors: [{ messageId: 'rejected', column: 35, endColumn: 43 }] },
    // unknown language code: every lexicon is used
    { code: draft('Pedido {{1}} enviado. Aproveite 10% OFF na próxima compra.', '', { name: 'pedido', language: 'pt_PT' }), errors: [{ messageId: 'promotional' }] },
    // Meta JSON: positions point into the JSON string
    {
      filename: 'order.json',
      code: '{"name":"x","language":"en_US","category":"UTILITY","components":[{"type":"BODY","text":"Order {{1}} shipped. Shop now!"}]}',
      errors: [{ messageId: 'promotional', line: 1, column: 111, endColumn: 119 }],
    },
  ],
}, { describe, it });
