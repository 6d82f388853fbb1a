import { defineRule, validParameters } from '@pesan/core';
import { BSP } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';

export default defineRule({
  meta: {
    id: 'header-param-position',
    description: 'A text header does not start or end with a parameter (BSP-reported).',
    type: 'structure',
    area: 'header',
    defaultSeverity: 'info',
    messages: {
      leading: 'Unexpected parameter `{{param}}` at the start of the text header, expected fixed text before it',
      trailing: 'Unexpected parameter `{{param}}` at the end of the text header, expected fixed text after it',
      alone: 'Unexpected text header made only of parameter `{{param}}`, expected fixed text around it',
    },
    docs: {
      rationale:
        'Bird lists "the header cannot start or end with a variable" among its template restrictions. Meta\'s component page does not state it for headers (it does for the body), so this rule is BSP-reported and unconfirmed: it is off in `recommended` and a warning in `strict`. Fixed text around the parameter also gives the reviewer context.',
      details: 'Leading and trailing whitespace of the header is ignored; any other character (even punctuation) before or after the parameter counts as fixed text.',
      sources: [BSP.bird],
      valid: [{ title: 'Parameter inside the header', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.', 'header: Order {{1}} has shipped\nexamples:\n  header: [A-1042]') }],
      invalid: [
        { title: 'Header ends with a parameter', draft: exampleDraft('Pesanan {{1}} sudah dikirim dan tiba pada {{2}}. Terima kasih.', 'header: Pesanan {{1}}\nexamples:\n  header: [A-1042]', { language: 'id' }), messageIds: ['trailing'] },
      ],
    },
  },
  check({ draft, report }) {
    const text = draft.header?.format.value === 'text' ? draft.header.text : undefined;
    if (!text) return;
    const params = validParameters(text.value);
    const first = params[0];
    const last = params[params.length - 1];
    if (!first || !last) return;
    const leading = text.value.slice(0, first.start).trim() === '';
    const trailing = text.value.slice(last.end).trim() === '';
    const at = (p: typeof first): readonly [number, number] => text.text.fileRange(p.start, p.end);
    if (leading && trailing && first === last) {
      report({ messageId: 'alone', data: { param: first.raw }, range: at(first) });
      return;
    }
    if (leading) report({ messageId: 'leading', data: { param: first.raw }, range: at(first) });
    if (trailing) report({ messageId: 'trailing', data: { param: last.raw }, range: at(last) });
  },
});
