import { defineRule, validParameters } from '@pesan/core';
import { META, BSP } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';

export default defineRule({
  meta: {
    id: 'footer-variable',
    description: 'The footer has no parameter (Meta\'s pages disagree; avoid it).',
    type: 'structure',
    area: 'footer',
    defaultSeverity: 'warn',
    messages: { variable: 'Unexpected parameter `{{param}}` in the footer, expected fixed text (move the value to the body)' },
    docs: {
      rationale:
        'Meta\'s own pages conflict: the component reference shows the footer as fixed text with no parameter syntax and no example field, and Bird says "no variables are permitted in the footer", while the utility-templates page says of the footer text "Variables are supported". Because the outcome is uncertain, this is a warning: put variable content in the body.',
      details: 'Each valid `{{1}}` or `{{name}}` parameter in the footer is a finding.',
      sources: [META.components, META.utility, BSP.bird],
      valid: [{ title: 'Fixed footer text', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.', 'footer: Reply STOP to opt out') }],
      invalid: [{ title: 'Parameter in the footer', draft: exampleDraft('Pesanan {{1}} sudah dikirim dan tiba pada {{2}}. Terima kasih.', 'footer: Toko {{1}}', { language: 'id' }), messageIds: ['variable'] }],
    },
  },
  check({ draft, report }) {
    const footer = draft.footer;
    if (!footer) return;
    for (const param of validParameters(footer.value)) {
      report({ messageId: 'variable', data: { param: param.raw }, range: footer.text.fileRange(param.start, param.end) });
    }
  },
});
