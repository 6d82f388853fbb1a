import { defineRule, findParameters } from '@pesan/core';
import { META, BSP } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { buttonLabel, typeValueRange, urlParts } from '../util/buttons.js';

export default defineRule({
  meta: {
    id: 'url-variable-position',
    description: 'A URL button has an http(s) URL with at most one variable, placed at the very end.',
    type: 'structure',
    area: 'buttons',
    defaultSeverity: 'error',
    messages: {
      missingUrl: 'Missing `url` on {{button}}, expected an https:// address',
      invalidUrl: 'Unexpected URL `{{url}}` on {{button}}, expected an absolute http:// or https:// address with a domain',
      variableInDomain: 'Unexpected variable `{{param}}` in the domain of the URL on {{button}}, expected a fixed domain with the variable at the end of the path',
      variableNotAtEnd: 'Unexpected variable `{{param}}` before the end of the URL on {{button}}, expected it as the last thing in the URL (move `{{after}}` into the variable value)',
      tooManyVariables: 'Unexpected second variable `{{param}}` in the URL on {{button}}, expected at most one, at the end of the URL',
    },
    docs: {
      rationale:
        'Meta: a URL button "supports 1 variable, appended to the end of the URL string". A variable in the domain, in the middle of the path or a second variable is rejected. A variable domain would also let the sender point the button anywhere, which is why Meta fixes everything before the variable.',
      details:
        'Any `{{…}}` token counts as a variable, including malformed ones. A variable that starts before the first `/`, `?` or `#` after `://` (or a URL that starts with a variable) is in the domain. Trailing spaces after the variable are ignored. The URL must start with `http://` or `https://` and parse as a URL once the variable is replaced by a sample value. A URL button without a `url` is reported here too. Percent-encoding of the value sent at run time is not checked.',
      sources: [META.components, BSP.gupshup],
      valid: [
        { title: 'Variable at the end of the path', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.', 'buttons:\n  - {type: url, text: "Track package", url: "https://shop.example.com/track/{{1}}", example: "https://shop.example.com/track/JX123456789"}') },
        { title: 'Variable as the last query value', draft: exampleDraft('Halo {{1}}, tagihan {{2}} jatuh tempo besok. Terima kasih.', 'buttons:\n  - {type: url, text: "Bayar", url: "https://tagihan.example.co.id/bayar?id={{1}}", example: "https://tagihan.example.co.id/bayar?id=INV-2291"}', { language: 'id' }) },
      ],
      invalid: [
        { title: 'Variable in the middle of the path', draft: exampleDraft('Halo {{1}}, tagihan {{2}} jatuh tempo besok. Terima kasih.', 'buttons:\n  - {type: url, text: "Bayar", url: "https://tagihan.example.co.id/{{1}}/bayar", example: "https://tagihan.example.co.id/INV-2291/bayar"}', { language: 'id' }), messageIds: ['variableNotAtEnd'] },
        { title: 'Variable in the domain', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.', 'buttons:\n  - {type: url, text: "Track package", url: "https://{{1}}.example.com/track", example: "https://us.example.com/track"}'), messageIds: ['variableInDomain'] },
      ],
    },
  },
  check({ draft, report }) {
    for (const button of draft.buttons) {
      if (button.type.value.trim() !== 'url') continue;
      const field = button.url;
      const label = buttonLabel(button);
      if (!field || field.value.trim() === '') {
        report({ messageId: 'missingUrl', data: { button: label }, range: field ? field.range : typeValueRange(draft, button) });
        continue;
      }
      const value = field.value;
      const end = value.trimEnd().length;
      const params = findParameters(value);
      const parts = urlParts(value.trimStart());
      const lead = value.length - value.trimStart().length;
      const first = params[0];
      if (first && first.start === lead) {
        report({ messageId: 'variableInDomain', data: { param: first.raw, button: label }, range: field.text.fileRange(first.start, first.end) });
        continue;
      }
      if (!parts || (parts.scheme !== 'http' && parts.scheme !== 'https') || !parses(value.trim(), params)) {
        report({ messageId: 'invalidUrl', data: { url: value.trim(), button: label }, range: field.text.fileRange(lead, end) });
        continue;
      }
      params.forEach((param, i) => {
        const range = field.text.fileRange(param.start, param.end);
        if (i > 0) report({ messageId: 'tooManyVariables', data: { param: param.raw, button: label }, range });
        else if (param.start < lead + parts.authorityEnd) report({ messageId: 'variableInDomain', data: { param: param.raw, button: label }, range });
        else if (param.end < end) report({ messageId: 'variableNotAtEnd', data: { param: param.raw, button: label, after: value.slice(param.end, end) }, range });
      });
    }
  },
});

/** Whether the URL parses with a host once every variable is replaced by a sample value. */
function parses(url: string, params: readonly { raw: string }[]): boolean {
  // Each variable in turn, searched from where the previous one ended (a `replace` per variable rescanned the URL
  // from its start: quadratic in the number of variables).
  const parts: string[] = [];
  let cursor = 0;
  for (const p of params) {
    const at = url.indexOf(p.raw, cursor);
    if (at === -1) continue;
    parts.push(url.slice(cursor, at), 'x');
    cursor = at + p.raw.length;
  }
  parts.push(url.slice(cursor));
  const sample = parts.join('');
  try {
    return new URL(sample).hostname !== '';
  } catch {
    return false;
  }
}
