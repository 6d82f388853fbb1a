import { describe, it } from 'vitest';
import rule from '../src/rules/transaction-detail-required.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    // acceptance: a payment reminder with an amount and a due date
    { code: draft('Halo {{1}}, tagihan Rp {{2}} jatuh tempo {{3}}.', 'use_case: payment_reminder', { name: 'pengingat_tagihan', language: 'id' }) },
    // shipping update: order number and ETA
    { code: draft('Hi {{1}}, your order {{2}} has shipped and arrives on {{3}}.', 'use_case: shipping_update', { name: 'order_shipped' }) },
    // shipping update: order number and tracking number (Indonesian)
    { code: draft('Pesanan {{1}} sudah dikirim dengan nomor resi {{2}}.', 'use_case: shipping_update', { name: 'paket_dikirim', language: 'id' }) },
    // appointment: date and time from parameter examples
    { code: draft('Hola {{1}}, te esperamos en la clínica {{2}}: {{3}}.', 'use_case: appointment_reminder\nexamples:\n  body: ["Ana", "Centro", "viernes 20 de junio, 10:30"]', { name: 'cita', language: 'es_MX' }) },
    // refund: Meta's own example, the amount is enough
    { code: draft('Your refund for ${{1}} has been processed and will reach your card soon.', 'use_case: refund', { name: 'refund_done' }) },
    // order confirmation with an ID-like example after an unlabelled word (Spanish "encargo")
    { code: draft('Tu encargo {{1}} ya está listo para recoger.', 'use_case: order_confirmation\nexamples:\n  body: ["TN-0912"]', { name: 'encargo', language: 'es_MX' }) },
    // account alert with an account identifier (Portuguese)
    { code: draft('A senha da sua conta {{1}} foi alterada em {{2}}.', 'use_case: account_alert', { name: 'senha', language: 'pt_BR' }) },
    // unknown use case: nothing to require
    { code: draft('Thanks for reaching out, we will reply shortly with the details you asked for.', '', { name: 'misc_notice' }) },
    // a promotional draft is left to no-promotional-content
    { code: draft('Your membership expires on {{1}}! Renew today to save 20%.', 'use_case: payment_reminder', { name: 'membership' }) },
    // a verification code that "expires in 10 minutes" is not a payment reminder (one weak word only)
    { code: draft('Tu código de verificación es {{1}}. Vence en 10 minutos.', '', { name: 'codigo', language: 'es_MX' }) },
  ],
  invalid: [
    // payment reminder without a due date; the message names the inferred use case and its source
    {
      code: draft('Hi {{1}}, you have an outstanding balance of ${{2}} on your account. Please pay as soon as possible.', 'use_case: payment_reminder', { name: 'balance_reminder' }),
      errors: [{ messageId: 'missing', line: 7, column: 1, message: 'Missing a date in a payment reminder template (use case `use_case: payment_reminder`)' }],
    },
    // use case inferred from the name (Spanish), no order number
    {
      code: draft('Hola {{1}}, buenas noticias: tu paquete ya fue enviado y va camino a tu dirección.', '', { name: 'paquete_enviado', language: 'es_MX' }),
      errors: [{ messageId: 'missing', message: 'inferred from the name `paquete_enviado`' }],
    },
    // use case inferred from the wording, no reference (English)
    { code: draft('Your order is out for delivery today. Please make sure someone is home.', '', { name: 'courier_notice' }), errors: [{ messageId: 'missing', message: 'inferred from the wording `out for delivery`' }] },
    // appointment without a time (Indonesian)
    { code: draft('Pengingat janji temu dengan dr. {{1}} minggu depan. Balas jika ingin mengubah jadwal.', 'use_case: appointment_reminder', { name: 'janji_temu', language: 'id' }), errors: [{ messageId: 'missing', message: 'Missing a date and a time' }] },
    // generic survey (Portuguese)
    { code: draft('Como estamos indo? Conte sua experiência com a Luz Mais em uma pesquisa rápida.', 'use_case: feedback_survey', { name: 'pesquisa_geral', language: 'pt_BR' }), errors: [{ messageId: 'missing' }] },
    // generic account update with a button and no detail
    { code: draft('We have an important update about your account. Tap below to see what changed.', 'use_case: account_alert\nbuttons:\n  - {type: url, text: See update, url: "https://bank.example/updates"}', { name: 'account_update' }), errors: [{ messageId: 'missing' }] },
    // Meta JSON with use_case
    {
      filename: 'refund.json',
      code: '{"name":"refund_done","language":"en_US","category":"UTILITY","use_case":"refund","components":[{"type":"BODY","text":"Your refund has been processed."}]}',
      errors: [{ messageId: 'missing', line: 1 }],
    },
  ],
}, { describe, it });
