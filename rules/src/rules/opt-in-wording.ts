import { defineRule, validParameters, type Draft } from '@pesan/core';
import { BSP, META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { draftLanguages, inferUseCase } from '../util/compliance.js';
import { findTerms, fold, isKeyword, languageDefinition } from '../lexicon/index.js';

const WHATSAPP = /\bwhats\s?app\b|\bwa\b/;
/** Prepositions before a business name, in the four languages ("from {{1}}", "dari {{1}}", "de {{1}}"). */
const FROM = /\b(?:from|by|dari|oleh|de|da|do|del)\s*$/;

/** Capitalised words that are not at the start of a sentence: likely proper names (a business). */
function properNames(text: string, notNames: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const WORD = /\p{Lu}[\p{L}\p{M}'’&-]*/gu;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const before = text.slice(0, m.index).trimEnd();
    if (before === '' || /[.!?¡¿:\n]$/.test(before)) continue;
    const word = m[0];
    const folded = fold(word);
    if (/^whats\s?app$/.test(folded) || folded === 'wa' || notNames.has(folded)) continue;
    if (word === word.toUpperCase() && (isKeyword('opt-out-keywords', word) || word.length <= 2)) continue;
    out.push(word);
  }
  return out;
}

function isOptIn(draft: Draft, languages: string[]): boolean {
  return inferUseCase(draft, languages)?.useCase === 'opt_in_confirmation';
}

export default defineRule({
  meta: {
    id: 'opt-in-wording',
    description: 'An opt-in confirmation names WhatsApp and the business (as literal text) and says which messages will follow.',
    type: 'compliance',
    area: 'content',
    defaultSeverity: 'warn',
    messages: {
      missingWhatsApp: 'Missing "WhatsApp" in an opt-in confirmation, expected the body to say that the person opted in to messages on WhatsApp',
      missingBusiness: 'Missing the business name in an opt-in confirmation, expected it as literal text{{configured}}',
      businessParam: 'Unexpected business name as a parameter `{{param}}` in an opt-in confirmation, expected the name as literal text: the opt-in must "clearly state the business\'s name"',
      missingMessageTypes: 'Missing the kind of messages that will follow in an opt-in confirmation, expected words such as "order updates", "reminders" or "offers"',
    },
    docs: {
      rationale:
        'The WhatsApp Business Messaging Policy, as restated by Meta partners, requires the opt-in to "clearly state that the person is opting in to receive messages from the business over WhatsApp" and to "clearly state the business\'s name"; saying which messages will follow is a best practice. Meta\'s own opt-in confirmation example is "Thanks for confirming opt-in! You\'ll now receive notifications via WhatsApp." Applying the policy to the confirmation template is this project\'s heuristic (unconfirmed as a Meta review rule).',
      details:
        'Applies to drafts whose `use_case` is `opt_in_confirmation`, or whose name or wording says so ("you\'re subscribed", "pendaftaran berhasil", "registro exitoso", "cadastro realizado"; lexicon `use-case.yaml`). The business counts as named when the configured `business.name` or one of `business.aliases` appears (folded), or, without that setting, when a capitalised word that does not start a sentence appears (pronouns such as `Anda` are listed in `not_names` of the language). A business given only as a parameter after "from/dari/de" is reported on its own. Message kinds come from `opt-in.yaml`.',
      sources: [BSP.dialog360OptIn, META.categorization],
      valid: [
        { title: 'Names WhatsApp, the business and the messages', draft: exampleDraft('Thanks for confirming! You will now receive order and delivery updates from Northwind Outfitters on WhatsApp.', 'use_case: opt_in_confirmation', { name: 'optin_confirmed' }) },
        { title: 'Spanish', draft: exampleDraft('¡Registro exitoso! A partir de ahora recibirás por WhatsApp las actualizaciones de tus pedidos de Mueblería Roble.', 'use_case: opt_in_confirmation', { name: 'registro', language: 'es_MX' }) },
      ],
      invalid: [
        { title: 'Business only as a parameter', draft: exampleDraft('Thanks for subscribing! You will now receive appointment reminders from {{1}} on WhatsApp.', 'examples:\n  body: ["Acme Dental"]', { name: 'optin_param' }), messageIds: ['businessParam'] },
        { title: 'No WhatsApp (Indonesian)', draft: exampleDraft('Pendaftaran berhasil! Anda akan menerima info pesanan dari Toko Maju Jaya.', 'use_case: opt_in_confirmation', { name: 'daftar', language: 'id' }), messageIds: ['missingWhatsApp'] },
      ],
    },
  },
  check({ draft, settings, report }) {
    const body = draft.body;
    if (!body) return;
    const languages = draftLanguages(draft);
    if (!isOptIn(draft, languages)) return;
    const text = body.text.text;
    const all = [draft.header?.text?.value ?? '', text, draft.footer?.value ?? ''].join('\n');
    const folded = fold(all);
    const firstLineEnd = text.indexOf('\n') === -1 ? text.length : text.indexOf('\n');
    const firstLine = body.text.fileRange(0, firstLineEnd);
    if (!WHATSAPP.test(folded)) report({ messageId: 'missingWhatsApp', range: firstLine });

    const business = settings.business;
    const configured = [business?.name, ...(business?.aliases ?? [])].filter((n): n is string => !!n);
    let named: boolean;
    if (configured.length > 0) named = configured.some((n) => folded.includes(fold(n)));
    else {
      const notNames = new Set(languages.flatMap((l) => languageDefinition(l)?.not_names ?? []).map(fold));
      named = properNames(all, notNames).length > 0;
    }
    if (!named) {
      const param = validParameters(text).find((p) => FROM.test(fold(text.slice(Math.max(0, p.start - 12), p.start))));
      if (param) report({ messageId: 'businessParam', data: { param: param.raw }, range: body.text.fileRange(param.start, param.end) });
      else report({ messageId: 'missingBusiness', data: { configured: configured.length ? ` (\`${configured[0]}\` from the config)` : '' }, range: firstLine });
    }
    if (!findTerms(all, { kinds: ['opt-in'], languages }).some((m) => m.label === 'message-types')) report({ messageId: 'missingMessageTypes', range: firstLine });
  },
});
