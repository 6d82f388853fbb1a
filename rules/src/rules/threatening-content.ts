import { defineRule } from '@pesan/core';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { policyMatches } from '../util/policy-content.js';

export default defineRule({
  meta: {
    id: 'threatening-content',
    description: 'The template does not threaten legal action or public shaming (telling family, employer or contacts, publishing names).',
    type: 'compliance',
    area: 'content',
    defaultSeverity: 'error',
    messages: {
      legal: 'Unexpected legal threat `{{phrase}}` in the {{where}}, expected a neutral reminder that states the facts (amount, due date, how to pay)',
      shaming:
        'Unexpected public-shaming threat `{{phrase}}` in the {{where}}, expected a neutral reminder that states the facts (amount, due date, how to pay) without involving other people',
    },
    docs: {
      rationale:
        'Meta rejects templates that contain threatening content, such as threats of legal action or of public shaming (its guidelines give "we will add you to a group with your family" as an example); the rejection reason is ABUSIVE_CONTENT. Collection messages stay utility when they state the debt, the due date and how to pay.',
      details:
        'The rule reads the header, body, footer and button labels in the template\'s language (lexicon `rules/lexicons/<lang>/threat.yaml`; every language when the code has no lexicon). Legal threats ("we will take legal action", "jalur hukum", "acciones legales", "ação judicial") are reported wherever they are not negated. Public-shaming phrases (publishing a name, a list of defaulters, telling family, contacts or the employer, spreading data to contacts) count only when the template is about a payment or debt, and not when it says "never". Contractual late fees and service-suspension notices are not threats. One finding per kind of threat and sentence.',
      sources: [META.review, META.guidelinesOld],
      valid: [
        { title: 'A late-fee disclosure', draft: exampleDraft('A payment of ${{1}} on loan {{2}} is due on {{3}}. Payments after that date carry a late fee, as set out in your agreement.', 'examples:\n  body: ["89.00", "L-2213", "May 28"]') },
        {
          title: 'Spanish reminder with the facts only',
          draft: exampleDraft('Tu cuota de ${{1}} del crédito {{2}} vence el {{3}}. Puedes pagarla en la app o en cualquier sucursal.', 'examples:\n  body: ["1,890.00", "L-2213", "28 de mayo"]', { name: 'recordatorio_cuota', language: 'es_MX' }),
        },
      ],
      invalid: [
        {
          title: 'Legal threat and shaming in a payment reminder',
          draft: exampleDraft('Your payment of ${{1}} for invoice {{2}} is overdue. If you do not pay within 48 hours we will take legal action and contact your employer.', 'examples:\n  body: ["420.00", "INV-8812"]'),
          messageIds: ['legal', 'shaming'],
        },
        {
          title: 'Indonesian: threat to spread the borrower\'s data to contacts',
          draft: exampleDraft('Tagihan Rp {{1}} untuk pinjaman {{2}} sudah menunggak. Jika tidak dibayar hari ini, data Anda akan kami sebarkan ke seluruh kontak Anda.', 'examples:\n  body: ["1.420.000", "PJ-8812"]', { name: 'tagihan_pinjaman', language: 'id' }),
          messageIds: ['shaming'],
        },
      ],
    },
  },
  check({ draft, settings, report }) {
    for (const { where, match } of policyMatches(draft, settings, ['threat'])) {
      report({
        messageId: match.label === 'legal-threat' ? 'legal' : 'shaming',
        data: { phrase: match.text, where: where.label },
        range: where.text.fileRange(match.start, match.end),
      });
    }
  },
});
