import { defineRule } from '@pesan/core';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { draftLanguages, findPromotions, inferUseCase, labelName } from '../util/compliance.js';
import { findTerms, isOptOutKeyword } from '../lexicon/index.js';

export default defineRule({
  meta: {
    id: 'opt-out-confirmation',
    description: 'An opt-out confirmation confirms the stop, carries no promotion and says how to subscribe again.',
    type: 'compliance',
    area: 'content',
    defaultSeverity: 'warn',
    messages: {
      missingConfirmation: 'Missing the confirmation of the opt-out, expected wording such as "you will no longer receive…" / "Anda telah berhenti berlangganan"',
      promotion: 'Unexpected {{kind}} `{{phrase}}` in an opt-out confirmation, expected no promotion: confirm the stop without trying to win the person back',
      missingResume: 'Missing how to subscribe again in an opt-out confirmation, expected an instruction such as "Reply START" / "Ketik MULAI" or a quick reply button',
    },
    docs: {
      rationale:
        'Meta counts "confirm an opt-out" among utility objectives, and utility content must be non-promotional. The source guide (Kommo × Meta, Indonesian) says: "When users opt out, send a simple confirmation and provide an easy way to opt back in, without immediately trying to offer promotions."',
      details:
        'Applies to drafts whose `use_case` is `opt_out_confirmation`, or whose name or wording says so (lexicon `use-case.yaml`). The stop and resume wordings come from `opt-out-confirmation.yaml`; a quick reply button (other than an opt-out keyword) also counts as a way to resume. Promotions are found exactly as no-promotional-content finds them.',
      sources: [META.categorization, META.utility],
      valid: [
        { title: 'Confirms and tells how to resume (Indonesian)', draft: exampleDraft('Anda telah berhenti berlangganan pesan promosi dari Batik Lestari di WhatsApp. Ketik MULAI untuk berlangganan lagi.', 'use_case: opt_out_confirmation', { name: 'berhenti', language: 'id' }) },
        { title: 'Resume with a quick reply', draft: exampleDraft('You have unsubscribed from Lumen marketing messages on WhatsApp.', 'use_case: opt_out_confirmation\nbuttons:\n  - {type: quick_reply, text: Subscribe again}', { name: 'optout_done' }) },
      ],
      invalid: [
        { title: 'No way back', draft: exampleDraft('You have unsubscribed from Lumen messages. You will not receive these messages anymore.', 'use_case: opt_out_confirmation', { name: 'optout_done' }), messageIds: ['missingResume'] },
        { title: 'A parting offer (Spanish)', draft: exampleDraft('Te diste de baja de nuestros mensajes. Antes de irte, usa el cupón VUELVE10. Responde ALTA para volver a recibirlos.', 'use_case: opt_out_confirmation', { name: 'baja', language: 'es_MX' }), messageIds: ['promotion'] },
      ],
    },
  },
  check({ draft, settings, report }) {
    const body = draft.body;
    if (!body) return;
    const languages = draftLanguages(draft);
    if (inferUseCase(draft, languages)?.useCase !== 'opt_out_confirmation') return;
    const text = body.text.text;
    const firstLineEnd = text.indexOf('\n') === -1 ? text.length : text.indexOf('\n');
    const firstLine = body.text.fileRange(0, firstLineEnd);
    const all = [text, draft.footer?.value ?? ''].join('\n');
    const found = findTerms(all, { kinds: ['opt-out-confirmation'], languages });
    if (!found.some((m) => m.label === 'stop-confirmed')) report({ messageId: 'missingConfirmation', range: firstLine });
    const promo = findPromotions(draft, settings)[0];
    if (promo) report({ messageId: 'promotion', data: { kind: labelName(promo.label), phrase: promo.phrase }, range: promo.where.text.fileRange(promo.start, promo.end) });
    const quickReply = draft.buttons.some((b) => b.type.value === 'quick_reply' && b.text && !isOptOutKeyword(b.text.value, draft.language?.value));
    if (!quickReply && !found.some((m) => m.label === 'resume-instruction' && !m.negated)) report({ messageId: 'missingResume', range: firstLine });
  },
});
