import { defineRule } from '@pesan/core';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { buttonLabel, typeValueRange } from '../util/buttons.js';

/** Button types whose label Meta requires (COPY_CODE takes no label; an OTP label is optional). */
const NEEDS_TEXT = new Set(['url', 'phone_number', 'quick_reply', 'flow']);

export default defineRule({
  meta: {
    id: 'button-text-required',
    description: 'URL, PHONE_NUMBER, QUICK_REPLY and FLOW buttons have a non-empty `text` label.',
    type: 'structure',
    area: 'buttons',
    defaultSeverity: 'error',
    messages: {
      missing: 'Missing `text` on {{button}}, expected a label of up to 25 characters',
      empty: 'Unexpected empty `text` on {{button}}, expected a label of up to 25 characters',
    },
    docs: {
      rationale:
        'Meta requires the `text` field of URL, PHONE_NUMBER, QUICK_REPLY and FLOW buttons: it is the label the customer taps. A template without it is rejected by the API.',
      details:
        'A label made only of spaces counts as empty. COPY_CODE buttons take no `text` in Meta\'s API (WhatsApp shows its own label) and OTP labels are optional, so those types are not checked. A missing label is reported on the button\'s `type` value; an empty one on the empty value.',
      sources: [META.components, META.utility],
      valid: [{ title: 'Every button has a label', draft: exampleDraft('Halo {{1}}, tagihan {{2}} jatuh tempo besok. Terima kasih.', 'buttons:\n  - {type: quick_reply, text: "Sudah bayar"}\n  - {type: phone_number, text: "Hubungi CS", phone_number: "+6221555000"}', { language: 'id' }) }],
      invalid: [
        { title: 'A quick reply without text', draft: exampleDraft('Your appointment is on {{1}} at {{2}}. Reply to confirm.', 'buttons:\n  - {type: quick_reply}'), messageIds: ['missing'] },
      ],
    },
  },
  check({ draft, report }) {
    for (const button of draft.buttons) {
      if (!NEEDS_TEXT.has(button.type.value.trim())) continue;
      const label = button.text;
      if (!label) {
        report({ messageId: 'missing', data: { button: buttonLabel(button) }, range: typeValueRange(draft, button) });
      } else if (label.value.trim() === '') {
        report({ messageId: 'empty', data: { button: buttonLabel(button) }, range: label.range });
      }
    }
  },
});
