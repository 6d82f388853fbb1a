import { codePointLength, defineRule, offsetAfterCodePoints } from '@pesan/core';
import { z } from 'zod';
import { META, BSP } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { exampleEntries, preview } from '../util/parameters.js';

export default defineRule({
  meta: {
    id: 'auth-param-length',
    description: 'In an AUTHENTICATION template, each body parameter value (the code) is at most 15 characters.',
    type: 'structure',
    area: 'authentication',
    defaultSeverity: 'error',
    categories: ['AUTHENTICATION'],
    options: z.strictObject({ max: z.number().int().positive().default(15).describe('Maximum length of an authentication parameter value, in code points.') }),
    messages: {
      tooLong: 'Unexpected example `{{value}}` of {{length}} characters for `{{param}}`, expected at most {{max}} in an AUTHENTICATION template (remove {{over}})',
    },
    docs: {
      rationale:
        'Meta limits authentication template parameters to 15 characters (template categorization); a longer code fails at send time with "template parameter at index 0 exceeds the maximum length in the AUTHENTICATION category (15 characters)" (authgear-server #3356). An example longer than that shows codes that will not send.',
      details:
        'Checks the body example values of templates whose category is AUTHENTICATION, counting code points. The finding marks the characters past the limit.',
      sources: [META.categorization, BSP.authgear3356],
      valid: [
        { title: 'Six-digit code', draft: exampleDraft('{{1}} is your verification code.', 'examples:\n  body: ["482913"]', { category: 'AUTHENTICATION', name: 'login_code' }) },
        { title: 'Indonesian code', draft: exampleDraft('{{1}} adalah kode verifikasi Anda.', 'examples:\n  body: ["KX-4821"]', { category: 'AUTHENTICATION', name: 'kode_verifikasi', language: 'id' }) },
      ],
      invalid: [
        { title: 'A 20-character token', draft: exampleDraft('{{1}} is your verification code.', 'examples:\n  body: ["A1B2C3D4E5F6G7H8I9J0"]', { category: 'AUTHENTICATION', name: 'login_code' }), messageIds: ['tooLong'] },
      ],
    },
  },
  check({ draft, options, report }) {
    for (const entry of exampleEntries(draft)) {
      if (entry.component !== 'body') continue;
      const value = entry.field.value;
      const length = codePointLength(value);
      if (length <= options.max) continue;
      report({
        messageId: 'tooLong',
        data: { value: preview(value), length, param: entry.param, max: options.max, over: length - options.max },
        range: entry.field.text.fileRange(offsetAfterCodePoints(value, options.max), value.length),
      });
    }
  },
});
