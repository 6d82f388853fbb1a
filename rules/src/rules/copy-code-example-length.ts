import { codePointLength, defineRule, offsetAfterCodePoints } from '@pesan/core';
import { z } from 'zod';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { BUTTON_SOURCES, buttonLabel, typeValueRange } from '../util/buttons.js';

export default defineRule({
  meta: {
    id: 'copy-code-example-length',
    description: 'A COPY_CODE button has an example code of at most 15 characters (20 for coupon code templates, via the `max` option).',
    type: 'structure',
    area: 'buttons',
    defaultSeverity: 'error',
    options: z.strictObject({
      max: z.number().int().positive().default(15).describe('Maximum code length in characters. Meta\'s components page says 15; coupon code templates accept 20 since 2025-12-03, so set 20 for those.'),
    }),
    messages: {
      tooLong: 'Unexpected code `{{code}}` of {{length}} characters on {{button}}, expected at most {{max}} (coupon code templates accept up to 20 since 2025-12-03: set this rule\'s `max` option to 20 for them)',
      missingExample: 'Missing `example` on {{button}}, expected the sample code the button copies (at most {{max}} characters)',
    },
    docs: {
      rationale:
        'Meta\'s components page limits the example of a COPY_CODE button to 15 characters. Meta\'s changelog of 3 December 2025 says "coupon code templates now support codes with up to 20 characters, instead of 15". The two texts disagree for other templates, so the rule keeps 15 by default and makes the limit an option: set `max: 20` for coupon code templates. Meta\'s coupon code template page lists the copy code button\'s example code among the properties set when the template is created, so a COPY_CODE button needs one.',
      details:
        'Length counts Unicode code points of the first `example` value. The finding marks the characters past `max`. The message always mentions the 20-character coupon allowance, so a writer of a coupon template knows the option to change. A COPY_CODE button without an example (or with an empty one) is reported as `missingExample`.',
      sources: [META.components, META.changelog, BUTTON_SOURCES.metaCoupon],
      valid: [{ title: 'A 10-character coupon code', draft: exampleDraft('Hola {{1}}, usa el código de abajo para tu descuento del 15% en tu próxima compra.', 'buttons:\n  - {type: copy_code, example: "HOLA15DESC"}', { category: 'MARKETING', language: 'es_MX' }) }],
      invalid: [
        { title: 'An 18-character code with the default limit', draft: exampleDraft('Use the code below for 15% off your next order, {{1}}. Reply STOP to opt out.', 'buttons:\n  - {type: copy_code, example: "SPRINGSALE2026VIP1"}', { category: 'MARKETING' }), messageIds: ['tooLong'] },
      ],
    },
  },
  check({ draft, options, report }) {
    for (const button of draft.buttons) {
      if (button.type.value.trim() !== 'copy_code') continue;
      const label = buttonLabel(button);
      const example = button.examples[0];
      if (!example || example.value.trim() === '') {
        report({ messageId: 'missingExample', data: { button: label, max: options.max }, range: example ? example.range : typeValueRange(draft, button) });
        continue;
      }
      const code = example.value;
      const length = codePointLength(code);
      if (length <= options.max) continue;
      const start = offsetAfterCodePoints(code, options.max);
      report({
        messageId: 'tooLong',
        data: { code, length, button: label, max: options.max },
        range: example.text.fileRange(start, code.length),
      });
    }
  },
});
