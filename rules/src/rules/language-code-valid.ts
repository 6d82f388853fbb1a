import { defineRule, LANGUAGE_CODES } from '@pesan/core';
import { BSP } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';

const CODES: ReadonlySet<string> = new Set(LANGUAGE_CODES);

/** Retired or three-letter ISO codes people still write, mapped to Meta's codes (suggestions only). */
const ALIASES: Record<string, readonly string[]> = {
  in: ['id'], ind: ['id'], iw: ['he'], tl: ['fil'], no: ['nb'], nn: ['nb'],
  eng: ['en', 'en_US'], spa: ['es', 'es_MX'], por: ['pt_BR', 'pt_PT'], zho: ['zh_CN', 'zh_TW'], msa: ['ms'],
};

const MAX_SUGGESTIONS = 5;

/** `en-us`, `EN_us`, ` pt BR ` → `en_US`, `pt_BR`: lower-case language, upper-case region, underscore. */
function normalised(code: string): string | undefined {
  const parts = code.trim().split(/[-_\s]+/);
  if (parts.length > 2 || !parts[0]) return undefined;
  const [base, region] = parts as [string, string | undefined];
  return region ? `${base.toLowerCase()}_${region.toUpperCase()}` : base.toLowerCase();
}

/** Meta codes of the same base language (the bare language first), or an alias's codes. */
function closest(code: string): string[] {
  const parts = code.trim().split(/[-_\s]+/);
  const base = (parts[0] ?? '').toLowerCase();
  const region = (parts[1] ?? '').toUpperCase();
  if (ALIASES[base]) return [...ALIASES[base]];
  const same = LANGUAGE_CODES.filter((c) => c === base || c.startsWith(`${base}_`));
  // The bare language, then a code with the same region (`es_US` → `es`), then the rest in list order.
  const rank = (c: string): number => (c === base ? 0 : region && c.endsWith(`_${region}`) ? 1 : 2);
  return [...same].sort((a, b) => rank(a) - rank(b)).slice(0, MAX_SUGGESTIONS);
}

export default defineRule({
  meta: {
    id: 'language-code-valid',
    description: "The language is one of Meta's template language codes, written exactly (`en_US`, `id`, `es_MX`, `pt_BR`).",
    type: 'structure',
    area: 'language',
    defaultSeverity: 'error',
    fixable: true,
    hasSuggestions: true,
    messages: {
      wrongForm: 'Unexpected language code `{{code}}`, expected `{{expected}}` (Meta codes are case-sensitive and use an underscore)',
      unknown: "Unexpected language code `{{code}}`, expected one of Meta's template codes such as {{examples}}",
      useCode: 'Use `{{code}}`',
    },
    docs: {
      rationale:
        "Meta accepts only its own list of template language codes. They are case-sensitive and use an underscore: `en_US` is a code, `en-US`, `en_us` and `EN` are not, and a template with an unknown code is refused. Some languages exist only with a region (`pt_BR` and `pt_PT`, no bare `pt`). Meta does not translate templates, so the code must match the text.",
      details:
        "The list is `LANGUAGE_CODES` in `@pesan/core` (Meta's supported-languages list as restated by WATI and YCloud). When the value differs from a listed code only by case, `-` instead of `_` or surrounding spaces (`en-US`, `pt-br`, `EN_us`), the safe fix rewrites it. Otherwise the rule suggests up to five codes of the same base language (`pt` → `pt_BR`, `pt_PT`; `es_US` → `es`...), or the current code of a retired one (`in` → `id`, `iw` → `he`); a suggestion is never applied automatically because it picks a language variant.",
      sources: [BSP.ycloudLanguages, BSP.watiLanguages],
      valid: [
        { title: 'Language with region', draft: exampleDraft('Tu pedido {{1}} fue enviado y llega el {{2}}. Gracias.', '', { language: 'es_MX' }) },
        { title: 'Language without region', draft: exampleDraft('Pesanan {{1}} sudah dikirim dan tiba pada {{2}}. Terima kasih.', '', { language: 'id' }) },
      ],
      invalid: [
        { title: 'BCP 47 form with a hyphen (fixable)', draft: exampleDraft('Seu pedido {{1}} foi enviado e chega em {{2}}. Obrigado.', '', { language: 'pt-br' }), messageIds: ['wrongForm'] },
        { title: 'Portuguese without a region', draft: exampleDraft('Seu pedido {{1}} foi enviado e chega em {{2}}. Obrigado.', '', { language: 'pt' }), messageIds: ['unknown'] },
      ],
    },
  },
  check({ draft, report }) {
    const language = draft.language;
    if (!language || CODES.has(language.value)) return;
    const code = language.value;
    const fixed = normalised(code);
    if (fixed !== undefined && CODES.has(fixed)) {
      report({
        messageId: 'wrongForm',
        data: { code, expected: fixed },
        range: language.text.range,
        ...(language.text.isExact ? { fix: { range: language.text.range, text: fixed } } : {}),
      });
      return;
    }
    const options = closest(code);
    const examples = (options.length > 0 ? options : ['en_US', 'id', 'es_MX', 'pt_BR']).map((c) => `\`${c}\``).join(', ');
    report({
      messageId: 'unknown',
      data: { code, examples },
      range: code === '' ? language.range : language.text.range,
      ...(options.length > 0 && language.text.isExact
        ? { suggest: options.map((c) => ({ messageId: 'useCode', data: { code: c }, fix: { range: language.text.range, text: c } })) }
        : {}),
    });
  },
});
