import { defineRule, type ButtonModel } from '@pesan/core';
import { z } from 'zod';
import { BSP, META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';

/** Button types that must be the only button of their template. */
const SINGLE_BUTTON_TYPES = new Set(['catalog', 'mpm', 'spm']);

const qr = (text: string): string => `  - {type: quick_reply, text: "${text}"}`;

export default defineRule({
  meta: {
    id: 'button-count-limits',
    description: 'At most 10 buttons: up to 2 URL, 1 phone number, 1 copy code and 10 quick replies; a catalog, MPM or SPM button stands alone.',
    type: 'structure',
    area: 'buttons',
    defaultSeverity: 'error',
    options: z.strictObject({
      maxTotal: z.number().int().positive().default(10).describe('Maximum number of buttons in a template.'),
      maxUrl: z.number().int().nonnegative().default(2).describe('Maximum number of URL buttons.'),
      maxPhone: z.number().int().nonnegative().default(1).describe('Maximum number of PHONE_NUMBER buttons.'),
      maxCopyCode: z.number().int().nonnegative().default(1).describe('Maximum number of COPY_CODE buttons.'),
      maxQuickReply: z.number().int().nonnegative().default(10).describe('Maximum number of QUICK_REPLY buttons.'),
    }),
    messages: {
      tooManyButtons: 'Unexpected {{count}} buttons, expected at most {{max}} in a template (remove {{over}}, from button {{position}} on)',
      tooManyUrl: 'Unexpected {{count}} URL buttons, expected at most {{max}} (remove {{over}}, from button {{position}} on, or link from one page)',
      tooManyPhone: 'Unexpected {{count}} PHONE_NUMBER buttons, expected at most {{max}} (remove {{over}}, from button {{position}} on)',
      tooManyCopyCode: 'Unexpected {{count}} COPY_CODE buttons, expected at most {{max}} (remove {{over}}, from button {{position}} on)',
      tooManyQuickReply: 'Unexpected {{count}} QUICK_REPLY buttons, expected at most {{max}} (remove {{over}}, from button {{position}} on)',
      singleButtonOnly: 'Unexpected second button in a template with a {{type}} button, expected the {{type}} button to be the only button (remove the other {{others}})',
    },
    docs: {
      rationale:
        'Meta allows "up to 10 button components in total" and limits URL buttons to two, phone-number buttons to one and copy-code buttons to one; quick replies count toward the 10. Catalog and multi-product (MPM) templates take exactly one button (Gupshup; Meta\'s catalog and MPM template pages show a single button); single-product (SPM) templates are treated the same way. Meta rejects the template at submission when a limit is exceeded.',
      details:
        'Buttons are counted by type as written (case-insensitive), in order. Each limit reports once, on the first button over it, with the total so you know how many to remove. Unknown types count toward the total only (see `button-type-valid`). A catalog, MPM or SPM button with any other button reports on the second button of the template. The limits are options so a team can tighten them (for example `maxUrl: 1`).',
      sources: [META.components, BSP.gupshup],
      valid: [
        {
          title: 'Two quick replies and a phone button',
          draft: exampleDraft('Hola {{1}}, le recordamos su cita del {{2}} a las {{3}}.', `buttons:\n${qr('Confirmar')}\n${qr('Reprogramar')}\n  - {type: phone_number, text: "Llamar", phone_number: "+525555501234"}`, { language: 'es_MX' }),
        },
      ],
      invalid: [
        {
          title: 'Three URL buttons',
          draft: exampleDraft(
            'Your order {{1}} has shipped and arrives on {{2}}. Thank you.',
            'buttons:\n  - {type: url, text: "Track", url: "https://shop.example.com/track"}\n  - {type: url, text: "Invoice", url: "https://shop.example.com/invoice"}\n  - {type: url, text: "Help", url: "https://shop.example.com/help"}',
          ),
          messageIds: ['tooManyUrl'],
        },
        {
          title: 'A catalog button with a quick reply',
          draft: exampleDraft('Lihat katalog terbaru kami, {{1}}. Balas BERHENTI untuk berhenti.', `buttons:\n  - {type: catalog, text: "Lihat katalog"}\n${qr('Nanti saja')}`, { category: 'MARKETING', language: 'id' }),
          messageIds: ['singleButtonOnly'],
        },
      ],
    },
  },
  check({ draft, options, report }) {
    const buttons = draft.buttons;
    if (buttons.length === 0) return;

    const overLimit = (list: ButtonModel[], max: number, messageId: string): void => {
      if (list.length <= max) return;
      const first = list[max]!;
      report({ messageId, data: { position: first.index + 1, count: list.length, max, over: list.length - max }, range: first.range });
    };
    const ofType = (type: string): ButtonModel[] => buttons.filter((b) => b.type.value.trim() === type);

    overLimit(buttons, options.maxTotal, 'tooManyButtons');
    overLimit(ofType('url'), options.maxUrl, 'tooManyUrl');
    overLimit(ofType('phone_number'), options.maxPhone, 'tooManyPhone');
    overLimit(ofType('copy_code'), options.maxCopyCode, 'tooManyCopyCode');
    overLimit(ofType('quick_reply'), options.maxQuickReply, 'tooManyQuickReply');

    const single = buttons.find((b) => SINGLE_BUTTON_TYPES.has(b.type.value.trim()));
    if (single && buttons.length > 1) {
      const others = buttons.length - 1;
      report({
        messageId: 'singleButtonOnly',
        data: { type: single.type.value.trim().toUpperCase(), others: others === 1 ? 'button' : `${others} buttons` },
        range: buttons[1]!.range,
      });
    }
  },
});
