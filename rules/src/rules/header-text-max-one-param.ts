import { defineRule, validParameters } from '@pesan/core';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';

export default defineRule({
  meta: {
    id: 'header-text-max-one-param',
    description: 'A text header has at most one parameter.',
    type: 'structure',
    area: 'header',
    defaultSeverity: 'error',
    messages: { tooMany: 'Unexpected parameter `{{param}}` in the text header, expected at most 1 parameter (move it to the body)' },
    docs: {
      rationale: 'Meta\'s text header "supports 1 parameter"; a header with more is rejected. Put the other values in the body.',
      details: 'Counts valid `{{1}}` and `{{name}}` parameters of the header text. The first one is allowed; each later one gets its own finding.',
      sources: [META.components],
      valid: [{ title: 'One parameter', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.', 'header: Order {{1}} shipped\nexamples:\n  header: [A-1042]\n  body: [A-1042, Monday]') }],
      invalid: [
        {
          title: 'Two parameters',
          draft: exampleDraft('Tu pedido fue enviado y llega el {{1}}. Gracias.', 'header: Hola {{1}}, pedido {{2}}\nexamples:\n  header: [Ana, A-1042]\n  body: [lunes]', { language: 'es_MX' }),
          messageIds: ['tooMany'],
        },
      ],
    },
  },
  check({ draft, report }) {
    const text = draft.header?.format.value === 'text' ? draft.header.text : undefined;
    if (!text) return;
    for (const param of validParameters(text.value).slice(1)) {
      report({ messageId: 'tooMany', data: { param: param.raw }, range: text.text.fileRange(param.start, param.end) });
    }
  },
});
