import { codePointLength, defineRule } from '@pesan/core';
import { z } from 'zod';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { exampleEntries, preview, valueRange, type ExampleEntry } from '../util/parameters.js';

/**
 * Filler words in the languages Pesan ships lexicons for, optionally numbered (`test1`, `sample 2`). Kept short on
 * purpose: a word that could be a real value (a name, a place) is not listed.
 */
const FILLER = new RegExp(
  '^(?:' +
    [
      'test(?:ing)?', 'tes', 'teste', 'prueba', 'coba', 'sample', 'contoh', 'ejemplo', 'exemplo', 'example', 'value', 'valor', 'nilai',
      'placeholder', 'dummy', 'foo', 'asdf', 'qwerty', 'string', 'text', 'teks', 'texto', 'variab(?:le|el)', 'var', 'param(?:eter)?',
      'par[aâ]metro', 'n/a', 'null', 'undefined', 'tbd', 'todo', 'lorem ipsum.*',
    ].join('|') +
    ')(?:[\\s_-]*\\d{1,2})?$',
  'iu',
);

/** What makes an example value a placeholder rather than a realistic value; undefined if it looks real. */
function placeholderReason(entry: ExampleEntry, value: string): string | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  if (v.includes('{{') || v.includes('}}')) return 'a template placeholder';
  if (/^x{2,}$/i.test(v.replace(/[\s.-]/g, ''))) return 'a run of x';
  if (/^[\p{P}\p{S}\s]+$/u.test(v)) return 'punctuation only';
  if (FILLER.test(v)) return 'a filler word';
  if (entry.index !== undefined && v === String(entry.index)) return 'the parameter\'s own number';
  if (entry.name !== undefined && v.toLowerCase() === entry.name) return 'the parameter\'s own name';
  return undefined;
}

/** A run of sentence ends, or a word (which never holds nor ends with a sentence end). */
const SENTENCE_END_OR_WORD = /[.!?。！？\n]+|[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu;
const SENTENCE_ENDS = new Set(['.', '!', '?', '。', '！', '？', '\n'].map((c) => c.charCodeAt(0)));

/**
 * Word count of the longest sentence of a value: what splitting at sentence ends and counting the words of each part
 * gives, in one pass without the arrays (this runs on every example value of every draft).
 */
export function longestSentence(value: string): number {
  let max = 0;
  let words = 0;
  SENTENCE_END_OR_WORD.lastIndex = 0;
  while (SENTENCE_END_OR_WORD.test(value)) {
    if (SENTENCE_ENDS.has(value.charCodeAt(SENTENCE_END_OR_WORD.lastIndex - 1))) words = 0;
    else if (++words > max) max = words;
  }
  return max;
}

export default defineRule({
  meta: {
    id: 'example-value-realistic',
    description: 'Example values look like real data (a name, a date, an order number), not filler or whole sentences.',
    type: 'structure',
    area: 'examples',
    defaultSeverity: 'warn',
    options: z.strictObject({
      maxLength: z.number().int().positive().default(200).describe('Longest example value, in code points, before it is taken for message text.'),
      maxSentenceWords: z.number().int().positive().default(20).describe('Longest sentence inside an example value, in words, before it is taken for message text.'),
    }),
    messages: {
      placeholder: 'Unexpected placeholder example `{{value}}` ({{reason}}) for `{{param}}`, expected a realistic value such as a real name, date, amount or order number',
      carriesMessage: 'Unexpected example for `{{param}}` {{reason}}, expected a short value: a parameter that carries the message makes the template unclear to reviewers',
    },
    docs: {
      rationale:
        'Reviewers judge a template with its example values. Meta treats templates whose content is unclear, "for example, where contents are only {{1}}", as marketing (template categorization): an example that carries a whole sentence shows a generic "carrier" parameter, and filler such as `test` or `xxx` hides what will be sent.',
      details:
        'Looks at body and header example values. A placeholder is: a value containing `{{`/`}}`; a run of `x` (`xxx`, `XXXX-XXXX`); punctuation only; a filler word, optionally numbered with one or two digits (`test`, `sample 2`, `value`, `example`, `lorem ipsum`, and `contoh`, `coba`, `ejemplo`, `prueba`, `exemplo`, `teste`); or the parameter\'s own number or name (`1` for `{{1}}`). A value longer than `maxLength` code points (200) or holding a sentence of more than `maxSentenceWords` words (20) is taken for message text. Blank values are `example-required`. This is a heuristic: it lists only words that are never real values, so it misses some filler.',
      sources: [META.categorization, META.review],
      valid: [
        { title: 'Realistic values', draft: exampleDraft('Hi {{1}}, your order {{2}} arrives on {{3}}.', 'examples:\n  body: [Ana, A-1042, "Friday, 14 March"]') },
        { title: 'Spanish values', draft: exampleDraft('Hola {{1}}, su cita es el {{2}}.', 'examples:\n  body: [Lucía, martes 18 de marzo]', { language: 'es_MX' }) },
      ],
      invalid: [
        { title: 'Filler values', draft: exampleDraft('Hi {{1}}, your order {{2}} has shipped.', 'examples:\n  body: [test, xxx]'), messageIds: ['placeholder', 'placeholder'] },
        {
          title: 'The whole message in one example (Indonesian)',
          draft: exampleDraft(
            'Info penting: {{1}} Terima kasih.',
            'examples:\n  body: ["Halo Budi, tagihan Anda untuk bulan Maret sudah terbit dan mohon segera dibayar sebelum tanggal 25 agar layanan internet Anda tetap aktif tanpa gangguan apa pun"]',
            { language: 'id' },
          ),
          messageIds: ['carriesMessage'],
        },
      ],
    },
  },
  check({ draft, options, report }) {
    for (const entry of exampleEntries(draft)) {
      const value = entry.field.value;
      const reason = placeholderReason(entry, value);
      if (reason) {
        report({ messageId: 'placeholder', data: { value: preview(value), reason, param: entry.param }, range: valueRange(entry.field) });
        continue;
      }
      const length = codePointLength(value);
      const words = longestSentence(value);
      const carries = length > options.maxLength ? `of ${length} characters (more than ${options.maxLength})` : words > options.maxSentenceWords ? `with a sentence of ${words} words (more than ${options.maxSentenceWords})` : undefined;
      if (carries) report({ messageId: 'carriesMessage', data: { param: entry.param, reason: carries }, range: valueRange(entry.field) });
    }
  },
});
