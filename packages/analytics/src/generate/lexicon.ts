// Fixed vocabulary of the generator: the languages it can simulate (country, phone format, names), what users type,
// the opt-out lexicon and its decoys, quick-reply labels and Meta error texts. Kept apart from the simulation so the
// ingest author can read in one place which strings are opt-outs and which are deliberately not.

export interface LanguageInfo {
  /** Template language code as in the drafts (en_US, es_MX, pt_BR, id). */
  code: string;
  /** ISO country of the simulated users; BSUID prefix. */
  country: string;
  /** Country calling code (digits). */
  dial: string;
  /** Digits between the calling code and the subscriber number, one is picked per user. */
  areas: readonly string[];
  /** Subscriber-number length; uniqueness comes from these digits (see users.ts). */
  subscriberDigits: number;
  firstNames: readonly string[];
  lastNames: readonly string[];
  /** Ordinary text replies (never opt-outs). */
  replies: readonly string[];
  /** Opt-out keyword messages with case/punctuation/emoji/accent noise; each normalises to a lexicon entry. */
  keywords: readonly string[];
  /** Texts that look like opt-outs and are not (substrings, other verbs, longer sentences). */
  decoys: readonly string[];
  /** Quick replies given to a utility draft that defines no buttons at all. */
  utilityQuickReplies: readonly string[];
  /** The generated MARKETING template of this language. */
  marketing: { name: string; cta: string; optOut: string; url: string | null };
}

/**
 * Whole-message opt-out lexicon (contract): after trimming whitespace, punctuation and emoji at both ends and folding
 * case and accents, a text that equals one of these is an opt-out. Exported so tests can check every keyword variant.
 */
export const OPT_OUT_LEXICON = [
  'STOP', 'UNSUBSCRIBE', 'STOP PROMOTIONS', 'BERHENTI', 'STOP PROMO', 'BAJA', 'PARAR', 'DETENER', 'SAIR',
] as const;

/** Labels of the marketing opt-out quick reply (button text == payload). Not all of them are lexicon keywords. */
export const OPT_OUT_BUTTON_LABELS = ['Stop promotions', 'Parar promociones', 'Parar promoções', 'Stop promosi'] as const;

export const LANGUAGES: readonly LanguageInfo[] = [
  {
    code: 'en_US', country: 'US', dial: '1', areas: ['212', '305', '312', '415', '512', '617', '702', '808'],
    subscriberDigits: 7,
    firstNames: ['Ava', 'Noah', 'Mia', 'Liam', 'Emma', 'Ethan', 'Olivia', 'Lucas', 'Grace', 'Owen'],
    lastNames: ['Miller', 'Johnson', 'Brooks', 'Nguyen', 'Carter', 'Reed', 'Patel', 'Hughes'],
    replies: ['Thanks!', 'ok', 'When will it arrive?', 'Got it 👍', 'Can I change the address?', 'yes please'],
    keywords: ['stop', 'STOP', ' Stop! ', 'Unsubscribe', 'STOP PROMOTIONS', 'Stop promo', 'STOP 🛑'],
    decoys: ['stop by the store?', 'CANCEL', 'STOPPED at 5'],
    utilityQuickReplies: ['Track order', 'Talk to an agent'],
    marketing: { name: 'weekly_deals', cta: 'See deals', optOut: 'Stop promotions', url: 'Shop now' },
  },
  {
    code: 'es_MX', country: 'MX', dial: '52', areas: ['55', '33', '81', '22'], subscriberDigits: 8,
    firstNames: ['Lucía', 'Mateo', 'Sofía', 'Diego', 'Valeria', 'Santiago', 'Ximena', 'Emiliano'],
    lastNames: ['García', 'Hernández', 'López', 'Martínez', 'Ramírez', 'Torres', 'Flores'],
    replies: ['Gracias', 'ok', '¿A qué hora abren?', 'Perfecto 👍', 'Sí, confirmo'],
    keywords: ['BAJA 🙏', 'baja', '¡Baja!', 'PARAR', 'Detener', 'detener.'],
    decoys: ['cancelar', 'Cancelar pedido', 'no pares de enviarme ofertas 😍'],
    utilityQuickReplies: ['Rastrear pedido', 'Hablar con un asesor'],
    marketing: { name: 'promo_weekend_sale', cta: 'Ver ofertas', optOut: 'Parar promociones', url: 'Comprar ahora' },
  },
  {
    code: 'pt_BR', country: 'BR', dial: '55', areas: ['119', '219', '319', '419', '519', '619', '719', '819'],
    subscriberDigits: 8,
    firstNames: ['Carla', 'João', 'Ana', 'Pedro', 'Beatriz', 'Rafael', 'Larissa', 'Gustavo'],
    lastNames: ['Silva', 'Souza', 'Oliveira', 'Santos', 'Pereira', 'Costa', 'Almeida'],
    replies: ['Obrigado!', 'ok', 'Quando chega?', 'Beleza 👍', 'Pode confirmar?'],
    keywords: ['Sair.', 'SAIR', 'parar', 'Saír 🙏', 'Parar!'],
    decoys: ['cancelar', 'Cancelar pedido'],
    utilityQuickReplies: ['Rastrear pedido', 'Falar com atendente'],
    marketing: { name: 'flash_deal', cta: 'Quero aproveitar', optOut: 'Parar promoções', url: null },
  },
  {
    code: 'id', country: 'ID', dial: '62', areas: ['811', '812', '813', '821', '852', '857', '878', '896'],
    subscriberDigits: 8,
    firstNames: ['Budi', 'Siti', 'Agus', 'Dewi', 'Rizky', 'Putri', 'Andi', 'Ayu'],
    lastNames: ['Santoso', 'Wijaya', 'Saputra', 'Lestari', 'Pratama', 'Hidayat', 'Kusuma'],
    replies: ['Terima kasih kak', 'ok', 'Kapan sampai?', 'Siap 👍', 'Sudah saya bayar'],
    keywords: ['berhenti', 'BERHENTI', 'Berhenti!', 'stop promo', 'STOP'],
    decoys: ['berhenti dulu ya kak, nanti saya bayar'],
    utilityQuickReplies: ['Lacak pesanan', 'Hubungi CS'],
    marketing: { name: 'promo_gajian', cta: 'Lihat promo', optOut: 'Stop promosi', url: 'Belanja sekarang' },
  },
];

export function languageIndex(code: string): number {
  return LANGUAGES.findIndex((l) => l.code === code);
}

export const REACTION_EMOJI = ['👍', '❤️', '😂', '🙏', '😮'] as const;

/** Failure codes of template sends (131050 is only forced for stopped users, see simulate.ts). */
export const ERROR_CODES = [131049, 130472, 131026, 131048, 131000, 131050] as const;
export const CODE_131050 = 5;
/** Mix of the random failures (indices into ERROR_CODES without 131050). */
export const ERROR_MIX = [0.45, 0.12, 0.3, 0.05, 0.08] as const;

export const ERROR_TEXT: Readonly<Record<number, { title: string; details: string }>> = {
  131049: {
    title: 'This message was not delivered to maintain healthy ecosystem engagement.',
    details: 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.',
  },
  130472: {
    title: "User's number is part of an experiment",
    details: 'Failed to send message because this user\'s phone number is part of an experiment',
  },
  131026: {
    title: 'Message undeliverable',
    details: 'Message Undeliverable.',
  },
  131048: {
    title: 'Spam rate limit hit',
    details: 'Message failed to send because there are restrictions on how many messages can be sent from this phone number.',
  },
  131000: {
    title: 'Something went wrong',
    details: 'Message failed to send due to an unknown error.',
  },
  131050: {
    title: 'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business',
    details: 'The recipient has chosen to stop receiving marketing messages from your business.',
  },
};

/** Cost per delivered message in 1/10000 of the currency unit, by category (fixed rate card). */
export const RATE_CARD: Readonly<Record<string, number>> = { MARKETING: 410, UTILITY: 80, AUTHENTICATION: 135 };
