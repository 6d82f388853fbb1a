import { defineRule } from '@pesan/core';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { BUTTON_SOURCES, buttonLabel, rawButton, typeValueRange } from '../util/buttons.js';

const FLOW_KEYS = ['flow_id', 'flow_name', 'flow_json'] as const;

const present = (value: unknown): boolean =>
  (typeof value === 'string' && value.trim() !== '') || (typeof value === 'number' && Number.isFinite(value));

export default defineRule({
  meta: {
    id: 'flow-button-fields',
    description: 'A FLOW button names its Flow with `flow_id`, `flow_name` or `flow_json`.',
    type: 'structure',
    area: 'buttons',
    defaultSeverity: 'error',
    messages: {
      missingFlow: 'Missing `flow_id`, `flow_name` or `flow_json` on {{button}}, expected one of them to say which Flow the button opens',
    },
    docs: {
      rationale:
        'A FLOW button opens a WhatsApp Flow, and Meta needs to know which one. Meta\'s guide to sending a Flow: pass the Flow JSON in the template creation request, or specify the ID or name of an already published Flow (`flow_json`, `flow_id`, `flow_name`). A FLOW button with none of them names no Flow to open.',
      details:
        'A value counts when it is a non-empty string (or a number for `flow_id`). Keys are matched case-insensitively in Meta JSON. `flow_action` and `navigate_screen` are optional and not checked. The finding marks the button\'s `type` value.',
      sources: [BUTTON_SOURCES.metaSendingFlow, META.components],
      valid: [{ title: 'A flow button with its id', draft: exampleDraft('Hola {{1}}, reserve su próxima cita en dos minutos.', 'buttons:\n  - {type: flow, text: "Reservar cita", flow_id: "1234567890123456"}', { language: 'es_MX' }) }],
      invalid: [{ title: 'A flow button without a flow', draft: exampleDraft('Hi {{1}}, book your next appointment in two minutes.', 'buttons:\n  - {type: flow, text: "Book now"}'), messageIds: ['missingFlow'] }],
    },
  },
  check({ draft, report }) {
    for (const button of draft.buttons) {
      if (button.type.value.trim() !== 'flow') continue;
      const raw = rawButton(draft, button);
      if (raw && FLOW_KEYS.some((key) => present(raw[key]))) continue;
      report({ messageId: 'missingFlow', data: { button: buttonLabel(button) }, range: typeValueRange(draft, button) });
    }
  },
});
