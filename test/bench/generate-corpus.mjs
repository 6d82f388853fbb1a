#!/usr/bin/env node
// Seeded generator of the benchmark corpus: N Markdown drafts (YAML front matter + a body of 1–6 utility-message
// sentences) in English, Indonesian, Spanish and Portuguese, written to test/bench/.corpus/<language>/.
// Deterministic: the same seed and count give the same files, byte for byte (no clock, no Math.random, no locale).
//
//   node test/bench/generate-corpus.mjs [--count 10000] [--seed 20250101] [--out test/bench/.corpus]
//
// The drafts are valid for the parser and the schema (no `parse-error`, no `template-schema` finding); the rules
// may still report style findings on some of them, as they would on a real team's drafts.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_COUNT = 10_000;
export const DEFAULT_SEED = 20250101;
export const DEFAULT_OUT = path.join(here, '.corpus');
/** Bump when the output changes for the same seed, so the bench regenerates a stale corpus. */
export const GENERATOR_VERSION = 2;

/** mulberry32: small, fast, good enough for test data, and the same on every platform. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Placeholders in the sentences: {name} {order} {date} {time} {amount} {tracking} {place} {account} {plan} {days}.
// Each occurrence becomes the next positional parameter {{n}} and gets an example value from VALUES.
const LANGS = {
  en_US: {
    openers: [
      'Hi {name}, thanks for your order {order}.',
      'Hello {name}, here is an update on your order {order}.',
      'Hi {name}, we have an update about your account.',
      'Dear {name}, this is a reminder from our team.',
      'Hello {name}, thank you for choosing us.',
    ],
    closers: [
      'Reply to this message if you need any help from the [brand] team.',
      'Thank you for shopping with [brand].',
      'You can contact [brand] support at any time.',
      'The [brand] team is here to help if anything looks wrong.',
      'Thanks for being a [brand] customer.',
    ],
    cases: {
      order_confirmation: [
        'Your order {order} has been confirmed and is being prepared.',
        'The total of {amount} was charged to your card ending in {account} today.',
        'We will send another message when your package leaves our warehouse.',
        'You can review the items in your order from the app at any time.',
        'Your order should be ready for dispatch on {date} at the latest.',
      ],
      shipping_update: [
        'Your order {order} has shipped and is on its way.',
        'The tracking number is {tracking} and the carrier will update it daily.',
        'The expected delivery date is {date} between 9 AM and 6 PM.',
        'Someone may need to sign for the package at the door.',
        'You can change the delivery address until {date} in your account.',
      ],
      appointment_reminder: [
        'Your appointment at {place} is scheduled for {date} at {time} local time.',
        'Please arrive ten minutes early and bring a valid photo ID.',
        'If you need to reschedule, reply with a new date before {date} at noon.',
        'The clinic is on the second floor, next to the pharmacy.',
        'Parking is free for the first two hours with your ticket.',
      ],
      payment_reminder: [
        'Your invoice {order} for {amount} is due on {date} at midnight.',
        'You can pay by bank transfer or with a card in the app.',
        'If you have already paid, please ignore this reminder.',
        'Late payments may pause your {plan} plan after {days} days.',
        'A receipt will be sent to your email once the payment is received.',
      ],
      account_alert: [
        'A new sign-in to your account was detected on {date} at {time} local time.',
        'If this was you, no action is needed.',
        'If you do not recognize this activity, please change your password now.',
        'Your {plan} plan will renew automatically on {date} at no extra cost.',
        'You can manage your notification settings from the profile page.',
      ],
    },
    headers: { order_confirmation: 'Order {order} update', shipping_update: 'Shipping update', appointment_reminder: 'Your appointment reminder', payment_reminder: 'Payment reminder', account_alert: 'Account notice' },
    footers: ['Reply STOP to stop these updates', 'Sent by [brand]', 'Customer care is open 8 AM to 8 PM'],
    quickReplies: ['Yes, confirm', 'Reschedule', 'Talk to an agent', 'Stop updates'],
    urlButtons: ['Track package', 'View order', 'Pay now', 'Manage account'],
    callButton: 'Call support',
  },
  id: {
    openers: [
      'Halo {name}, terima kasih atas pesanan {order}.',
      'Hai {name}, berikut informasi terbaru pesanan {order} Anda.',
      'Halo {name}, ada informasi penting tentang akun Anda.',
      'Yth. {name}, ini adalah pengingat dari tim kami.',
      'Halo {name}, terima kasih telah memilih layanan kami.',
    ],
    closers: [
      'Balas pesan ini jika Anda membutuhkan bantuan dari tim [brand].',
      'Terima kasih telah berbelanja di [brand].',
      'Tim layanan pelanggan [brand] siap membantu kapan saja.',
      'Hubungi [brand] jika ada data yang tidak sesuai.',
      'Terima kasih atas kepercayaan Anda kepada [brand].',
    ],
    cases: {
      order_confirmation: [
        'Pesanan {order} Anda sudah dikonfirmasi dan sedang disiapkan.',
        'Total pembayaran {amount} telah ditagihkan ke kartu berakhiran {account} hari ini.',
        'Kami akan mengirim pesan lagi saat paket meninggalkan gudang.',
        'Anda dapat melihat detail pesanan melalui aplikasi kapan saja.',
        'Pesanan dijadwalkan siap dikirim paling lambat {date} pagi.',
      ],
      shipping_update: [
        'Pesanan {order} Anda sudah dikirim dan sedang dalam perjalanan.',
        'Nomor resi Anda adalah {tracking} dan akan diperbarui setiap hari.',
        'Perkiraan tanggal tiba adalah {date} antara pukul 09.00 dan 18.00.',
        'Mohon pastikan ada orang di rumah untuk menerima paket.',
        'Alamat pengiriman masih dapat diubah sampai {date} melalui akun Anda.',
      ],
      appointment_reminder: [
        'Janji temu Anda di {place} dijadwalkan pada {date} pukul {time} WIB.',
        'Mohon datang sepuluh menit lebih awal dan membawa kartu identitas.',
        'Jika ingin mengubah jadwal, balas dengan tanggal baru sebelum {date} siang.',
        'Klinik berada di lantai dua, di samping apotek.',
        'Parkir gratis selama dua jam pertama dengan karcis Anda.',
      ],
      payment_reminder: [
        'Tagihan {order} sebesar {amount} jatuh tempo pada {date} ini.',
        'Pembayaran dapat dilakukan melalui transfer bank atau kartu di aplikasi.',
        'Abaikan pesan ini jika Anda sudah melakukan pembayaran.',
        'Keterlambatan pembayaran dapat menghentikan paket {plan} setelah {days} hari.',
        'Bukti pembayaran akan dikirim ke email Anda setelah pembayaran diterima.',
      ],
      account_alert: [
        'Ada login baru ke akun Anda pada {date} pukul {time} WIB.',
        'Jika itu Anda, tidak ada tindakan yang perlu dilakukan.',
        'Jika Anda tidak mengenali aktivitas ini, segera ganti kata sandi Anda.',
        'Paket {plan} Anda akan diperpanjang otomatis pada {date} nanti.',
        'Pengaturan notifikasi dapat diubah melalui halaman profil.',
      ],
    },
    headers: { order_confirmation: 'Info pesanan {order}', shipping_update: 'Status pengiriman', appointment_reminder: 'Pengingat janji temu', payment_reminder: 'Pengingat pembayaran', account_alert: 'Pemberitahuan akun' },
    footers: ['Balas STOP untuk berhenti', 'Dikirim oleh [brand]', 'Layanan pelanggan 08.00–20.00'],
    quickReplies: ['Ya, konfirmasi', 'Ubah jadwal', 'Hubungi agen', 'Berhenti'],
    urlButtons: ['Lacak paket', 'Lihat pesanan', 'Bayar sekarang', 'Kelola akun'],
    callButton: 'Telepon kami',
  },
  es_MX: {
    openers: [
      'Hola {name}, gracias por tu pedido {order}.',
      'Hola {name}, te compartimos una actualización de tu pedido {order}.',
      'Hola {name}, tenemos información sobre tu cuenta.',
      'Estimado {name}, este es un recordatorio de nuestro equipo.',
      'Hola {name}, gracias por elegirnos.',
    ],
    closers: [
      'Responde a este mensaje si necesitas ayuda del equipo de [brand].',
      'Gracias por comprar en [brand].',
      'El equipo de soporte de [brand] está disponible todos los días.',
      'Escribe a [brand] si algún dato no es correcto.',
      'Gracias por tu preferencia, el equipo de [brand].',
    ],
    cases: {
      order_confirmation: [
        'Tu pedido {order} fue confirmado y se está preparando.',
        'Se cargó un total de {amount} a tu tarjeta con terminación {account} el día de hoy.',
        'Te enviaremos otro mensaje cuando el paquete salga del almacén.',
        'Puedes revisar los artículos de tu pedido en la app cuando quieras.',
        'Tu pedido estará listo para envío a más tardar el {date} por la mañana.',
      ],
      shipping_update: [
        'Tu pedido {order} ya fue enviado y va en camino.',
        'El número de guía es {tracking} y la paquetería lo actualiza a diario.',
        'La fecha estimada de entrega es el {date} entre 9:00 y 18:00 h.',
        'Es posible que alguien deba firmar al recibir el paquete.',
        'Puedes cambiar la dirección de entrega hasta el {date} desde tu cuenta.',
      ],
      appointment_reminder: [
        'Tu cita en {place} está programada para el {date} a las {time} h.',
        'Llega diez minutos antes y trae una identificación oficial.',
        'Si necesitas cambiarla, responde con otra fecha antes del {date} por favor.',
        'El consultorio está en el segundo piso, junto a la farmacia.',
        'El estacionamiento es gratuito durante las dos primeras horas.',
      ],
      payment_reminder: [
        'Tu factura {order} por {amount} vence el {date} a medianoche.',
        'Puedes pagar con transferencia bancaria o con tarjeta en la app.',
        'Si ya realizaste el pago, ignora este recordatorio.',
        'Los pagos atrasados pueden pausar tu plan {plan} después de {days} días.',
        'Te enviaremos el comprobante por correo cuando recibamos el pago.',
      ],
      account_alert: [
        'Detectamos un nuevo inicio de sesión en tu cuenta el {date} a las {time} h.',
        'Si fuiste tú, no necesitas hacer nada.',
        'Si no reconoces esta actividad, cambia tu contraseña ahora.',
        'Tu plan {plan} se renovará automáticamente el {date} sin costo extra.',
        'Puedes ajustar tus notificaciones desde la página de perfil.',
      ],
    },
    headers: { order_confirmation: 'Pedido {order} actualizado', shipping_update: 'Estado del envío', appointment_reminder: 'Recordatorio de cita', payment_reminder: 'Recordatorio de pago', account_alert: 'Aviso de cuenta' },
    footers: ['Responde BAJA para dejar de recibirlos', 'Enviado por [brand]', 'Atención de 8:00 a 20:00 h'],
    quickReplies: ['Sí, confirmar', 'Reprogramar', 'Hablar con un agente', 'Dejar de recibir'],
    urlButtons: ['Rastrear paquete', 'Ver pedido', 'Pagar ahora', 'Administrar cuenta'],
    callButton: 'Llamar a soporte',
  },
  pt_BR: {
    openers: [
      'Olá {name}, obrigado pelo seu pedido {order}.',
      'Oi {name}, temos uma atualização do seu pedido {order}.',
      'Olá {name}, temos uma informação sobre a sua conta.',
      'Prezado {name}, este é um lembrete da nossa equipe.',
      'Olá {name}, obrigado por escolher a nossa loja.',
    ],
    closers: [
      'Responda esta mensagem se precisar de ajuda da equipe [brand].',
      'Obrigado por comprar na [brand].',
      'A equipe de atendimento da [brand] está disponível todos os dias.',
      'Fale com a [brand] se algum dado estiver errado.',
      'Obrigado pela preferência, equipe [brand].',
    ],
    cases: {
      order_confirmation: [
        'Seu pedido {order} foi confirmado e está sendo preparado.',
        'O valor de {amount} foi cobrado no cartão com final {account} hoje.',
        'Enviaremos outra mensagem quando o pacote sair do nosso depósito.',
        'Você pode conferir os itens do pedido no aplicativo a qualquer momento.',
        'Seu pedido estará pronto para envio até {date} pela manhã.',
      ],
      shipping_update: [
        'Seu pedido {order} foi enviado e está a caminho.',
        'O código de rastreio é {tracking} e a transportadora o atualiza diariamente.',
        'A previsão de entrega é {date}, entre 9h e 18h.',
        'Pode ser necessário assinar o recebimento na entrega.',
        'Você pode alterar o endereço de entrega até {date} na sua conta.',
      ],
      appointment_reminder: [
        'Sua consulta em {place} está marcada para {date} às {time} horas.',
        'Chegue com dez minutos de antecedência e traga um documento com foto.',
        'Para remarcar, responda com uma nova data antes de {date} por favor.',
        'A clínica fica no segundo andar, ao lado da farmácia.',
        'O estacionamento é gratuito nas duas primeiras horas.',
      ],
      payment_reminder: [
        'Sua fatura {order} no valor de {amount} vence em {date} às 23h59.',
        'Você pode pagar por Pix, boleto ou cartão no aplicativo.',
        'Se você já fez o pagamento, desconsidere este lembrete.',
        'Atrasos podem suspender o seu plano {plan} depois de {days} dias.',
        'O comprovante será enviado para o seu e-mail após a confirmação.',
      ],
      account_alert: [
        'Detectamos um novo acesso à sua conta em {date} às {time} horas.',
        'Se foi você, não é preciso fazer nada.',
        'Se você não reconhece esta atividade, troque a sua senha agora.',
        'Seu plano {plan} será renovado automaticamente em {date} sem custo extra.',
        'Você pode ajustar as notificações na página do perfil.',
      ],
    },
    headers: { order_confirmation: 'Pedido {order} atualizado', shipping_update: 'Status da entrega', appointment_reminder: 'Lembrete de consulta', payment_reminder: 'Lembrete de pagamento', account_alert: 'Aviso da conta' },
    footers: ['Responda SAIR para não receber mais', 'Enviado pela [brand]', 'Atendimento das 8h às 20h'],
    quickReplies: ['Sim, confirmar', 'Remarcar', 'Falar com atendente', 'Parar avisos'],
    urlButtons: ['Rastrear pedido', 'Ver pedido', 'Pagar agora', 'Gerenciar conta'],
    callButton: 'Ligar para suporte',
  },
};

const VALUES = {
  name: {
    en_US: ['Ana', 'James', 'Maria', 'David', 'Priya', 'Sam'],
    id: ['Budi', 'Siti', 'Agus', 'Dewi', 'Rina', 'Putri'],
    es_MX: ['Lucía', 'Carlos', 'Sofía', 'Jorge', 'Valeria', 'Miguel'],
    pt_BR: ['João', 'Mariana', 'Pedro', 'Beatriz', 'Lucas', 'Camila'],
  },
  order: ['#4521', 'A-10293', '#88017', 'ORD-55120', '#3390', 'INV-2024-118'],
  date: {
    en_US: ['Friday, 14 March', 'June 3', 'Monday, 9 September', 'December 12'],
    id: ['Jumat, 14 Maret', '3 Juni', 'Senin, 9 September', '12 Desember'],
    es_MX: ['viernes 14 de marzo', '3 de junio', 'lunes 9 de septiembre', '12 de diciembre'],
    pt_BR: ['sexta-feira, 14 de março', '3 de junho', 'segunda-feira, 9 de setembro', '12 de dezembro'],
  },
  time: ['09:30', '14:00', '16:45', '11:15'],
  amount: {
    en_US: ['$42.90', '$128.00', '$15.49'],
    id: ['Rp150.000', 'Rp1.250.000', 'Rp89.500'],
    es_MX: ['$890.00 MXN', '$1,250.50 MXN', '$349.00 MXN'],
    pt_BR: ['R$ 89,90', 'R$ 1.250,00', 'R$ 37,50'],
  },
  tracking: ['JX123456789', 'RR987654321BR', 'JNE0012345678', '1Z999AA10123456784'],
  place: {
    en_US: ['Downtown Clinic', 'the Main Street branch', 'Northside Dental'],
    id: ['Klinik Sehat Sudirman', 'cabang Kemang', 'RS Medika Utama'],
    es_MX: ['Clínica Reforma', 'la sucursal Polanco', 'Consultorio Dental Norte'],
    pt_BR: ['Clínica Paulista', 'a unidade Centro', 'Consultório Vida'],
  },
  account: ['4821', '0093', '7715', '2260'],
  plan: ['Basic', 'Plus', 'Premium', 'Family'],
  days: ['5', '7', '10', '15'],
};

// Brand names (literal text, not parameters) keep the bodies distinct, as a real team's drafts are.
const BRAND_A = ['Acme', 'Nusa', 'Sol', 'Verde', 'Luna', 'Prima', 'Andes', 'Rio', 'Kopi', 'Mar', 'Delta', 'Nova', 'Bumi', 'Casa', 'Sakura', 'Pampa', 'Terra', 'Aurora', 'Java', 'Costa'];
const BRAND_B = ['Shop', 'Market', 'Pharma', 'Clinic', 'Telecom', 'Bank', 'Store', 'Express', 'Mart', 'Home', 'Fashion', 'Foods', 'Travel', 'Books', 'Sports', 'Pets', 'Energy', 'Insurance', 'Fitness', 'Electronics'];
/** The transaction details a UTILITY body of each use case carries (placeholders of one sentence). */
const REQUIRED = {
  order_confirmation: ['order'],
  shipping_update: ['tracking'],
  appointment_reminder: ['date', 'time'],
  payment_reminder: ['amount', 'date'],
  account_alert: ['date'],
};
const BRAND_C = ['Jakarta', 'Bandung', 'Surabaya', 'México', 'Monterrey', 'Guadalajara', 'São Paulo', 'Recife', 'Austin', 'Denver'];
const ORDER_CASES = new Set(['order_confirmation', 'shipping_update']);
const SITES = ['https://shop.example.com', 'https://pay.example.com', 'https://app.example.com'];
const PLACEHOLDER = /\{([a-z]+)\}/g;

export function generateDrafts(count = DEFAULT_COUNT, seed = DEFAULT_SEED) {
  const rand = mulberry32(seed);
  const int = (n) => Math.floor(rand() * n);
  const pick = (list) => list[int(list.length)];
  const chance = (p) => rand() < p;
  const languages = Object.keys(LANGS);
  const drafts = [];

  for (let i = 0; i < count; i++) {
    const language = languages[i % languages.length];
    const L = LANGS[language];
    const useCases = Object.keys(L.cases);
    const useCase = pick(useCases);
    const examples = [];
    /** Replaces each placeholder with the next positional parameter and records an example value for it. */
    const fill = (sentence, into) =>
      sentence.replace(PLACEHOLDER, (_m, key) => {
        const pool = VALUES[key];
        into.push(pick(Array.isArray(pool) ? pool : pool[language]));
        return `{{${into.length}}}`;
      });

    // Body: 1–6 sentences, always with at least one transaction detail (order, date, amount...), as Meta expects
    // of a UTILITY template. One sentence: a detail sentence. Two: detail + closer. More: opener, use-case
    // sentences (one of them a detail sentence), closer.
    const sentences = 1 + int(6);
    const cases = L.cases[useCase];
    const details = cases.filter((c) => REQUIRED[useCase].every((key) => c.includes(`{${key}}`)));
    const chosen = [];
    if (sentences <= 2) {
      chosen.push(pick(details));
      if (sentences === 2) chosen.push(pick(L.closers));
    } else {
      // The first two openers mention an order: only for the order-related use cases.
      chosen.push(ORDER_CASES.has(useCase) ? pick(L.openers) : L.openers[2 + int(L.openers.length - 2)]);
      const detail = pick(details);
      const pool = cases.filter((c) => c !== detail);
      const middle = [detail];
      for (let k = 1; k < sentences - 2 && pool.length > 0; k++) middle.push(pool.splice(int(pool.length), 1)[0]);
      // The detail sentence goes at a random position among the middle ones.
      const at = int(middle.length);
      [middle[0], middle[at]] = [middle[at], middle[0]];
      chosen.push(...middle, pick(L.closers));
    }
    // Every draft has a brand; a one-sentence body starts with it, as in "Acme Shop: Your order {{1}} has shipped."
    const brand = `${pick(BRAND_A)} ${pick(BRAND_B)}${chance(0.5) ? ` ${pick(BRAND_C)}` : ''}`;
    if (chosen.length === 1) chosen[0] = `${brand}: ${chosen[0]}`;
    const filled = chosen.map((s) => fill(s.replace('[brand]', brand), examples));
    // Longer bodies get a paragraph break before the closer, and sometimes WhatsApp bold on the second sentence.
    if (filled.length >= 4 && chance(0.3) && !/^\S+ \S*\{\{/.test(filled[1])) filled[1] = filled[1].replace(/^(\S+ \S+)/, '*$1*');
    let body;
    if (filled.length >= 3 && chance(0.6)) body = `${filled.slice(0, -1).join(' ')}\n\n${filled.at(-1)}`;
    else body = filled.join(' ');

    const name = `${useCase}_${language.toLowerCase()}_${String(i).padStart(5, '0')}`;
    const lines = ['---', `name: ${name}`, 'category: UTILITY', `language: ${language}`, `use_case: ${useCase}`];
    const headerExamples = [];
    if (chance(0.5)) {
      const header = fill(L.headers[useCase], headerExamples);
      lines.push(`header: ${JSON.stringify(header)}`);
    }
    if (chance(0.4)) lines.push(`footer: ${JSON.stringify(pick(L.footers).replace('[brand]', brand))}`);
    const buttons = [];
    if (chance(0.5)) {
      const site = pick(SITES);
      const kind = int(3);
      if (kind === 0) {
        buttons.push(`{type: url, text: ${JSON.stringify(pick(L.urlButtons))}, url: "${site}/t/{{1}}", example: "${site}/t/${pick(['A1B2', 'X9Y8', 'Q7W6'])}"}`);
      } else if (kind === 1) {
        const replies = [...L.quickReplies];
        const n = 1 + int(3);
        for (let k = 0; k < n; k++) buttons.push(`{type: quick_reply, text: ${JSON.stringify(replies.splice(int(replies.length), 1)[0])}}`);
      } else {
        buttons.push(`{type: url, text: ${JSON.stringify(pick(L.urlButtons))}, url: "${site}/account"}`);
        buttons.push(`{type: phone_number, text: ${JSON.stringify(L.callButton)}, phone_number: "+15550100${String(10 + int(90))}"}`);
      }
    }
    if (buttons.length > 0) {
      lines.push('buttons:');
      for (const b of buttons) lines.push(`  - ${b}`);
    }
    if (headerExamples.length > 0 || examples.length > 0) {
      lines.push('examples:');
      if (headerExamples.length > 0) lines.push(`  header: ${JSON.stringify(headerExamples)}`);
      if (examples.length > 0) lines.push(`  body: ${JSON.stringify(examples)}`);
    }
    lines.push('---');
    drafts.push({ language, file: `${name}.md`, text: `${lines.join('\n')}\n${body}\n` });
  }
  return drafts;
}

/** Writes the corpus (replacing `out`) and a `.meta.json` stamp the bench uses to detect a stale corpus. */
export function writeCorpus({ count = DEFAULT_COUNT, seed = DEFAULT_SEED, out = DEFAULT_OUT } = {}) {
  rmSync(out, { recursive: true, force: true });
  const drafts = generateDrafts(count, seed);
  let bytes = 0;
  for (const language of Object.keys(LANGS)) mkdirSync(path.join(out, language), { recursive: true });
  for (const d of drafts) {
    writeFileSync(path.join(out, d.language, d.file), d.text);
    bytes += Buffer.byteLength(d.text);
  }
  const meta = { generator: GENERATOR_VERSION, count, seed, bytes };
  writeFileSync(path.join(out, '.meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
  return meta;
}

function parseArgs(argv) {
  const args = { count: DEFAULT_COUNT, seed: DEFAULT_SEED, out: DEFAULT_OUT };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--count') args.count = Number(argv[++i]);
    else if (a === '--seed') args.seed = Number(argv[++i]);
    else if (a === '--out') args.out = path.resolve(argv[++i]);
    else throw new Error(`unknown argument ${a} (expected --count N, --seed N, --out DIR)`);
  }
  if (!Number.isInteger(args.count) || args.count < 1) throw new Error('--count must be a whole number ≥ 1');
  if (!Number.isInteger(args.seed)) throw new Error('--seed must be a whole number');
  return args;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const meta = writeCorpus(args);
  const ms = performance.now() - started;
  console.log(`wrote ${meta.count} drafts (${(meta.bytes / 1024).toFixed(0)} KiB, seed ${meta.seed}) to ${path.relative(process.cwd(), args.out) || '.'} in ${ms.toFixed(0)} ms`);
}
