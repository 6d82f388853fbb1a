import { defineRule } from '@pesan/core';
import { z } from 'zod';
import { BSP } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';

export default defineRule({
  meta: {
    id: 'auth-code-expiration',
    description: 'An AUTHENTICATION template\'s `code_expiration_minutes` is a whole number from 1 to 90.',
    type: 'structure',
    area: 'authentication',
    defaultSeverity: 'error',
    categories: ['AUTHENTICATION'],
    options: z.strictObject({
      min: z.number().int().positive().default(1).describe('Smallest accepted expiry in minutes.'),
      max: z.number().int().positive().default(90).describe('Largest accepted expiry in minutes.'),
    }),
    messages: { outOfRange: 'Unexpected code_expiration_minutes {{value}}, expected a whole number from {{min}} to {{max}}' },
    docs: {
      rationale:
        'The footer of an authentication template can show how long the code is valid ("This code expires in N minutes"); Meta accepts `code_expiration_minutes` from 1 to 90. The range comes from a community JSON schema of the Business Management API, not from a Meta page read for this project: it is unconfirmed.',
      details: 'Read from `code_expiration_minutes` in the front matter, or in the FOOTER component of Meta JSON. Fractions are reported too.',
      sources: [BSP.apiEvangelistSchema],
      valid: [{ title: 'Ten minutes', draft: exampleDraft('{{1}} is your verification code.', 'code_expiration_minutes: 10\nexamples:\n  body: ["123456"]', { category: 'AUTHENTICATION', name: 'login_code' }) }],
      invalid: [
        {
          title: 'Two hours',
          draft: exampleDraft('{{1}} es tu código de verificación.', 'code_expiration_minutes: 120\nexamples:\n  body: ["123456"]', { category: 'AUTHENTICATION', language: 'es_MX', name: 'login_code' }),
          messageIds: ['outOfRange'],
        },
      ],
    },
  },
  check({ draft, options, report }) {
    const minutes = draft.codeExpirationMinutes;
    if (!minutes) return;
    const { value } = minutes;
    if (Number.isInteger(value) && value >= options.min && value <= options.max) return;
    report({ messageId: 'outOfRange', data: { value, min: options.min, max: options.max }, range: minutes.range });
  },
});
