import { defineRule, type SuggestionDescriptor } from '@pesan/core';
import { BSP, META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { draftLanguages } from '../util/compliance.js';
import { findTerms, isOptOutKeyword, languageDefinition } from '../lexicon/index.js';

export default defineRule({
  meta: {
    id: 'opt-out-instructions',
    description: 'A MARKETING template tells readers how to stop receiving messages (body, footer or an opt-out quick reply), in its language.',
    type: 'compliance',
    area: 'content',
    defaultSeverity: 'warn',
    categories: ['MARKETING'],
    hasSuggestions: true,
    messages: {
      missing: 'Missing opt-out instructions in a MARKETING template, expected a footer such as `{{example}}` or a quick reply such as "Stop promotions"',
      addFooter: 'Add the footer `{{footer}}`',
    },
    docs: {
      rationale:
        'Meta suggests a quick reply "that allows your customer to easily opt-out of any marketing messages" and shows "Unsubscribe from Promos" buttons and the footer "Use the buttons below to manage your marketing subscriptions". BSPs (Spur, WATI) tell users to add "Reply STOP to unsubscribe". Honouring opt-outs keeps quality ratings up; Meta does not reject a template without one, so this is a warning.',
      details:
        'Looks for an instruction from `opt-out-instructions.yaml` (e.g. "Reply STOP", "Balas BERHENTI", "Responde BAJA", "Responda SAIR", "unsubscribe") in the body or footer, or a quick reply whose label is an opt-out keyword (`opt-out-keywords.yaml`, matched as a whole: "Stop promotions", "BERHENTI") or an unsubscribe phrase. The suggestion adds the language\'s `opt_out_footer` from `language.yaml` to a Markdown draft that has no footer.',
      sources: [META.components, BSP.watiOptOut, BSP.spurCategories],
      valid: [
        { title: 'Stop-promotions quick reply', draft: exampleDraft('New arrivals just landed: hand-thrown mugs and linen aprons. Tap Show me to see the collection.', 'buttons:\n  - {type: quick_reply, text: Show me}\n  - {type: quick_reply, text: Stop promotions}', { name: 'new_arrivals', category: 'MARKETING' }) },
        { title: 'Footer in Portuguese', draft: exampleDraft('Chegou a coleção de inverno com 20% OFF no site. Confira as novidades.', 'footer: "Responda SAIR para não receber mais"', { name: 'colecao', category: 'MARKETING', language: 'pt_BR' }) },
      ],
      invalid: [
        { title: 'Flash sale without a way out (Indonesian)', draft: exampleDraft('Flash sale jam 12 siang! Diskon hingga 50% untuk semua produk.', '', { name: 'flash_sale', category: 'MARKETING', language: 'id' }), messageIds: ['missing'] },
        { title: 'English offer', draft: exampleDraft('Our new menu is here: try the truffle burger this week.', '', { name: 'new_menu', category: 'MARKETING' }), messageIds: ['missing'] },
      ],
    },
  },
  check({ draft, report }) {
    const body = draft.body;
    if (!body) return;
    const languages = draftLanguages(draft);
    const code = draft.language?.value;
    const texts = [body.text.text, draft.footer?.value ?? ''];
    if (texts.some((t) => t && findTerms(t, { kinds: ['opt-out-instructions'], languages }).length > 0)) return;
    for (const b of draft.buttons) {
      if (b.type.value !== 'quick_reply' || !b.text) continue;
      if (isOptOutKeyword(b.text.value, code) || findTerms(b.text.value, { kinds: ['opt-out-instructions'], languages }).length > 0) return;
    }
    const footer = languageDefinition(languages.length === 1 ? languages[0]! : 'en')?.opt_out_footer ?? 'Reply STOP to unsubscribe';
    const suggest: SuggestionDescriptor[] = [];
    if (draft.format === 'markdown' && !draft.footer && draft.file.text[draft.range[1] - 1] === '\n') {
      suggest.push({ messageId: 'addFooter', data: { footer }, fix: { range: [draft.range[1], draft.range[1]], text: `footer: ${JSON.stringify(footer)}\n` } });
    }
    const text = body.text.text;
    const lastLineStart = text.lastIndexOf('\n') + 1;
    report({
      messageId: 'missing',
      data: { example: footer },
      range: draft.footer ? draft.footer.text.fileRange(0, draft.footer.value.length) : body.text.fileRange(lastLineStart, text.length),
      ...(suggest.length ? { suggest } : {}),
    });
  },
});
