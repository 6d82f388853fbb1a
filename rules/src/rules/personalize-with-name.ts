import { defineRule } from '@pesan/core';
import { findTerms, languagesForCode } from '../lexicon/index.js';
import { bodyParameters, exampleDraft } from '../util/drafts.js';
import { BSP } from '../util/sources.js';
import { wordsOf } from '../util/style.js';

/** Named parameters that hold a person's name in any of the languages (`first_name`, `nama`, `nombre`, `nome`...). */
const NAME_PARAMETER = /(^|_)(first_?name|name|customer_?name|nama(_depan)?|nombre|nome|cliente)(_|$)/i;

/** Use cases whose messages are typically sent without a name (confirmations of a channel preference). */
const EXEMPT_USE_CASES = new Set(['opt_in_confirmation', 'opt_out_confirmation']);

export default defineRule({
  meta: {
    id: 'personalize-with-name',
    description: 'A UTILITY or MARKETING body greets the customer by name through a parameter ("Hi {{1}},").',
    type: 'style',
    area: 'body',
    defaultSeverity: 'info',
    categories: ['UTILITY', 'MARKETING'],
    messages: {
      missing: 'Missing the customer\'s name, expected a greeting with a name parameter such as `Hi {{1}},` at the start of the body',
    },
    docs: {
      rationale:
        'The Meta and Kommo guide to utility messages recommends a friendly, conversational tone and personalising each message with the customer\'s first name ("personalisasi pesan dengan menggunakan nama depan pelanggan"). A named greeting also tells the reader at once that the message is about them, which is what a utility message must be.',
      details:
        'The body counts as personalised when a parameter follows a greeting or thanks from the language\'s lexicon (`rules/lexicons/<lang>/greeting.yaml`: "Hi", "Dear", "Thank you", "Halo", "Yth.", "Hola", "Estimada", "Olá", "Prezado"...) with at most one word between them ("Dear Mr. {{1}}", "Halo Kak {{1}}"), or when a named parameter is a name (`{{first_name}}`, `{{nama}}`, `{{nombre}}`, `{{nome}}`). Opt-in and opt-out confirmations (`use_case`) are exempt. The finding marks the first word of the body. Off in `recommended` (style advice), a warning in `strict`.',
      sources: [BSP.kommoUtilityGuide],
      valid: [
        { title: 'Greets the customer by name', draft: exampleDraft('Hi {{1}}, your order {{2}} has shipped and arrives on {{3}} by noon.', 'examples:\n  body: ["Ana", "#4521", "Friday"]') },
        {
          title: 'Indonesian honorific between the greeting and the name',
          draft: exampleDraft('Yth. Bapak {{1}}, tagihan {{2}} sebesar Rp {{3}} sudah kami terima. Terima kasih.', 'examples:\n  body: ["Budi", "INV-2291", "150.000"]', { name: 'tagihan_lunas', language: 'id' }),
        },
      ],
      invalid: [
        { title: 'No name', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}} by noon.', 'examples:\n  body: ["#4521", "Friday"]'), messageIds: ['missing'] },
        {
          title: 'Portuguese greeting without a name',
          draft: exampleDraft('Olá! Seu pedido {{1}} foi enviado e chega em {{2}}.', 'examples:\n  body: ["#4521", "sexta-feira"]', { name: 'pedido_enviado', language: 'pt_BR' }),
          messageIds: ['missing'],
        },
      ],
    },
  },
  check({ draft, report }) {
    const body = draft.body;
    if (!body) return;
    if (draft.useCase && EXEMPT_USE_CASES.has(draft.useCase.value)) return;
    const text = body.text.text;
    const params = bodyParameters(draft);
    if (params.some((p) => p.name !== undefined && NAME_PARAMETER.test(p.name))) return;
    const greetings = findTerms(text, { languages: languagesForCode(draft.language?.value), kinds: ['greeting'] });
    for (const g of greetings) {
      const next = params.find((p) => p.start >= g.end);
      if (!next) continue;
      const gap = text.slice(g.end, next.start);
      if (wordsOf(gap).length <= 1 && !/\d/.test(gap)) return;
    }
    const first = wordsOf(text)[0];
    const [start, end] = first ? [first.start, first.end] : [0, Math.min(text.length, 1)];
    report({ messageId: 'missing', range: body.text.fileRange(start, end) });
  },
});
