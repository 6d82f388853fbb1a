import { codePointLength, defineRule, offsetAfterCodePoints, type Fix, type TextField } from '@pesan/core';
import { z } from 'zod';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { buttonLabel, typeValueRange } from '../util/buttons.js';

const SEPARATOR = /[\s\-.()]/u;
const SEPARATORS = /[\s\-.()]/gu;

/**
 * The fix that removes separators. A plain YAML scalar made only of `+` and digits would read as a number, so
 * front-matter values without quotes get double quotes; quoted values (and JSON strings) keep theirs.
 */
function separatorFix(field: TextField, cleaned: string, format: 'markdown' | 'meta-json'): Fix | undefined {
  if (!field.text.isExact) return undefined;
  const inner = field.text.range;
  // The cleaned value is written as it is over the whole value (escapes included), in quotes: it must need no
  // escaping in any of them (a control character, quote or backslash written raw broke the JSON or YAML).
  if (/["'\\\p{Cc}]/u.test(cleaned)) return undefined;
  const plain = inner[0] === field.range[0] && inner[1] === field.range[1];
  if (plain && format === 'markdown') return { range: field.range, text: `"${cleaned}"` };
  return { range: inner, text: cleaned };
}

export default defineRule({
  meta: {
    id: 'phone-number-format',
    description: 'A phone-number button has an international number of at most 20 characters: digits with an optional leading +.',
    type: 'structure',
    area: 'buttons',
    defaultSeverity: 'error',
    fixable: true,
    options: z.strictObject({ max: z.number().int().positive().default(20).describe('Maximum length of `phone_number` in characters.') }),
    messages: {
      missing: 'Missing `phone_number` on {{button}}, expected a number in international format such as +6221555000',
      tooLong: 'Unexpected phone number of {{length}} characters on {{button}}, expected at most {{max}} (remove {{over}})',
      letters: 'Unexpected letters `{{letters}}` in phone number `{{number}}` on {{button}}, expected digits only (spell a vanity number out in digits)',
      separators: 'Unexpected separators in phone number `{{number}}` on {{button}}, expected digits only: `{{cleaned}}`',
      invalidChar: 'Unexpected `{{char}}` in phone number `{{number}}` on {{button}}, expected digits with an optional leading +',
      missingCountryCode: 'Unexpected leading 0 in phone number `{{number}}` on {{button}}, expected the country code instead of the leading 0 (international format such as +6221555000)',
    },
    docs: {
      rationale:
        'Meta limits the `phone_number` of a PHONE_NUMBER button to 20 characters and expects an international number: the country code followed by the number, digits only, as in Meta\'s examples `15550051310` and `+15550051310`. Without a country code the button dials the wrong number, or nothing, for customers outside the sender\'s country; Meta strips a leading 0 after the country code.',
      details:
        'Length counts the characters of the value as written (`max` option). Spaces, dashes, dots and parentheses are removed by the safe fix (`+62 21-555.000` → `+6221555000`); in front matter an unquoted value is quoted by the fix, because YAML reads `+6221555000` as a number. Letters (vanity numbers such as 1-800-FLOWERS), any other character, and a `+` anywhere but first are errors without a fix. A number whose digits start with 0 (a local trunk prefix such as `021…` or an `00` international prefix) is reported as missing its country code. A PHONE_NUMBER button without `phone_number` is reported too.',
      sources: [META.components, META.utility],
      valid: [{ title: 'International format', draft: exampleDraft('Hola {{1}}, le recordamos su cita del {{2}} a las {{3}}.', 'buttons:\n  - {type: phone_number, text: "Llamar a la clínica", phone_number: "+525555501234"}', { language: 'es_MX' }) }],
      invalid: [
        { title: 'Local number with spaces', draft: exampleDraft('Halo {{1}}, tagihan {{2}} jatuh tempo besok. Terima kasih.', 'buttons:\n  - {type: phone_number, text: "Hubungi CS", phone_number: "021 555 000"}', { language: 'id' }), messageIds: ['missingCountryCode', 'separators'] },
        { title: 'Vanity number', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.', 'buttons:\n  - {type: phone_number, text: "Call us", phone_number: "+1800FLOWERS"}'), messageIds: ['letters'] },
      ],
    },
  },
  check({ draft, options, report }) {
    for (const button of draft.buttons) {
      if (button.type.value.trim() !== 'phone_number') continue;
      const field = button.phoneNumber;
      const label = buttonLabel(button);
      if (!field || field.value.trim() === '') {
        report({ messageId: 'missing', data: { button: label }, range: field ? field.range : typeValueRange(draft, button) });
        continue;
      }
      const number = field.value;
      const at = (start: number, end: number) => field.text.fileRange(start, end);

      const length = codePointLength(number);
      if (length > options.max) {
        const start = offsetAfterCodePoints(number, options.max);
        report({ messageId: 'tooLong', data: { length, button: label, max: options.max, over: length - options.max }, range: at(start, number.length) });
      }

      const letters = [...number.matchAll(/\p{L}+/gu)];
      if (letters.length > 0) {
        const first = letters[0]!;
        const last = letters[letters.length - 1]!;
        report({
          messageId: 'letters',
          data: { letters: letters.map((m) => m[0]).join(' '), number, button: label },
          range: at(first.index, last.index + last[0].length),
        });
      }

      const lead = number.length - number.trimStart().length;
      for (let i = 0; i < number.length; i++) {
        const c = number[i]!;
        if (/[\d\p{L}]/u.test(c) || SEPARATOR.test(c) || (c === '+' && i === lead)) continue;
        const char = String.fromCodePoint(number.codePointAt(i)!);
        report({ messageId: 'invalidChar', data: { char, number, button: label }, range: at(i, i + char.length) });
        break;
      }

      const separators = [...number.matchAll(SEPARATORS)];
      if (separators.length > 0) {
        const cleaned = number.replace(SEPARATORS, '');
        const first = separators[0]!;
        const last = separators[separators.length - 1]!;
        const fix = cleaned ? separatorFix(field, cleaned, draft.format) : undefined;
        report({
          messageId: 'separators',
          data: { number: number.trim(), button: label, cleaned },
          range: at(first.index, last.index + last[0].length),
          ...(fix ? { fix } : {}),
        });
      }

      const digits = /\d/.exec(number);
      if (digits && digits[0] === '0' && !/\p{L}/u.test(number.slice(0, digits.index))) {
        report({ messageId: 'missingCountryCode', data: { number: number.trim(), button: label }, range: at(digits.index, digits.index + 1) });
      }
    }
  },
});
