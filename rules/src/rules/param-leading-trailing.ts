import { defineRule, validParameters } from '@pesan/core';
import { META, BSP } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';

/** Letters or digits: what counts as text around a parameter (punctuation, emoji and formatting marks do not). */
const WORDY = /[\p{L}\p{N}]/u;

export default defineRule({
  meta: {
    id: 'param-leading-trailing',
    description: 'The body neither starts nor ends with a parameter, even when only punctuation or emoji stand beside it.',
    type: 'structure',
    area: 'parameters',
    defaultSeverity: 'error',
    messages: {
      leading: 'Unexpected parameter `{{param}}` at the start of the body, expected words before it',
      trailing: 'Unexpected parameter `{{param}}` at the end of the body, expected words after it (punctuation alone does not count)',
      only: 'Unexpected body made of parameter `{{param}}` alone, expected fixed words around it',
    },
    docs: {
      rationale:
        'Meta: templates "cannot start or end with a parameter, i.e. dangling parameters are not allowed" (template review); the API answers with subcode 2388299 "Leading or trailing params not allowed" (seen in public code, Jaal-Yantra-Textiles/v2 #2134). Practitioners report that a parameter followed only by punctuation (`… at gate {{2}}.`) still counts as trailing (Maqsam, Twilio).',
      details:
        'Only letters and digits count as text: a parameter with nothing but spaces, punctuation, emoji or formatting marks (`*`, `_`) before it or after it is leading or trailing. The finding marks the parameter. Only well-formed parameters are considered; fix malformed ones (`positional-param-syntax`) first. AUTHENTICATION templates are skipped: their body is Meta\'s preset text, which starts with the code (`*{{1}}* is your verification code.`). Header parameters at the edge are `header-param-position`.',
      sources: [META.review, BSP.jaalYantra2134, BSP.maqsam, BSP.twilioText],
      valid: [
        { title: 'Words on both sides', draft: exampleDraft('Your flight boards at gate {{1}} at {{2}}. Have a good trip!') },
        { title: 'Spanish body with the parameter inside', draft: exampleDraft('Hola {{1}}, su cita es mañana a las {{2}} en nuestra clínica.', '', { language: 'es_MX' }) },
      ],
      invalid: [
        { title: 'Ends with a parameter and a full stop', draft: exampleDraft('Your flight to Jakarta boards at gate {{1}}.'), messageIds: ['trailing'] },
        { title: 'Starts with a parameter (Indonesian)', draft: exampleDraft('{{1}}, pesanan Anda sudah dikirim hari ini.', '', { language: 'id' }), messageIds: ['leading'] },
      ],
    },
  },
  check({ draft, category, report }) {
    const body = draft.body;
    if (!body || category === 'AUTHENTICATION') return;
    const text = body.text.text;
    const params = validParameters(text);
    const first = params[0];
    const last = params[params.length - 1];
    if (!first || !last) return;
    const leading = !WORDY.test(text.slice(0, first.start));
    const trailing = !WORDY.test(text.slice(last.end));
    if (leading && trailing && first === last) {
      report({ messageId: 'only', data: { param: first.raw }, range: body.text.fileRange(first.start, first.end) });
      return;
    }
    if (leading) report({ messageId: 'leading', data: { param: first.raw }, range: body.text.fileRange(first.start, first.end) });
    if (trailing) report({ messageId: 'trailing', data: { param: last.raw }, range: body.text.fileRange(last.start, last.end) });
  },
});
