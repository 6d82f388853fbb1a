import { defineRule } from '@pesan/core';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { buttonLabel } from '../util/buttons.js';

const isQuickReply = (type: string): boolean => type.trim() === 'quick_reply';

export default defineRule({
  meta: {
    id: 'quick-reply-grouping',
    description: 'Quick replies sit together in one group, before or after all the other buttons.',
    type: 'structure',
    area: 'buttons',
    defaultSeverity: 'error',
    messages: {
      quickReplyOutOfGroup: 'Unexpected {{button}} after a {{other}} button, expected all quick replies in one group {{where}} (move it)',
      otherOutOfGroup: 'Unexpected {{button}} after the quick replies, expected all quick replies in one group {{where}} (move it)',
    },
    docs: {
      rationale:
        'Meta\'s template components page requires quick-reply buttons to be grouped together, either before or after the other button types: QUICK_REPLY, QUICK_REPLY, URL, PHONE_NUMBER is accepted; QUICK_REPLY, URL, QUICK_REPLY and URL, QUICK_REPLY, URL are rejected at submission.',
      details:
        'The first button decides the expected order: when it is a quick reply, every quick reply must come before the other buttons; otherwise every quick reply must come after them. The finding marks the first button that breaks the grouping; moving it (or the buttons around it) fixes the order. Buttons of an unknown type count as non-quick-reply buttons.',
      sources: [META.components],
      valid: [
        {
          title: 'Quick replies first, then URL and phone',
          draft: exampleDraft(
            'Olá {{1}}, seu pedido {{2}} foi enviado. Obrigado pela compra.',
            'buttons:\n  - {type: quick_reply, text: "Recebi"}\n  - {type: quick_reply, text: "Falar com suporte"}\n  - {type: url, text: "Rastrear", url: "https://loja.example.com.br/rastreio"}\n  - {type: phone_number, text: "Ligar", phone_number: "+5511555501234"}',
            { language: 'pt_BR' },
          ),
        },
      ],
      invalid: [
        {
          title: 'A URL between two quick replies',
          draft: exampleDraft(
            'Your order {{1}} has shipped and arrives on {{2}}. Thank you.',
            'buttons:\n  - {type: quick_reply, text: "Got it"}\n  - {type: url, text: "Track", url: "https://shop.example.com/track"}\n  - {type: quick_reply, text: "Talk to support"}',
          ),
          messageIds: ['quickReplyOutOfGroup'],
        },
      ],
    },
  },
  check({ draft, report }) {
    const buttons = draft.buttons;
    if (buttons.length < 3) return;
    const quickFirst = isQuickReply(buttons[0]!.type.value);
    let switched = false;
    for (let i = 1; i < buttons.length; i++) {
      const button = buttons[i]!;
      const quick = isQuickReply(button.type.value);
      const previousQuick = isQuickReply(buttons[i - 1]!.type.value);
      if (quick === previousQuick) continue;
      if (!switched) {
        switched = true;
        continue;
      }
      // Second change of kind: this button is outside its group.
      const where = quickFirst ? 'before the other buttons' : 'after the other buttons';
      report({
        messageId: quick ? 'quickReplyOutOfGroup' : 'otherOutOfGroup',
        data: { button: buttonLabel(button), other: buttons[i - 1]!.type.value.toUpperCase() || 'untyped', where },
        range: button.range,
      });
      return;
    }
  },
});
