import { validParameters, type Draft, type ParameterToken, type TextField } from '@pesan/core';

/** Example draft text for docs and tests: default front matter plus extra lines, then the body. */
export function exampleDraft(body: string, extra = '', base: { name?: string; category?: string; language?: string } = {}): string {
  const more = extra ? extra.replace(/\n?$/, '\n') : '';
  return `---\nname: ${base.name ?? 'order_update'}\ncategory: ${base.category ?? 'UTILITY'}\nlanguage: ${base.language ?? 'en_US'}\n${more}---\n${body}\n`;
}

/** Valid parameters of the body, in order of appearance. */
export function bodyParameters(draft: Draft): readonly ParameterToken[] {
  return draft.body ? validParameters(draft.body.text.text) : [];
}

/** Every text component of a draft with a label, for rules that look at all of them. */
export function textComponents(draft: Draft): { label: string; field: { text: TextField['text'] } }[] {
  const out: { label: string; field: { text: TextField['text'] } }[] = [];
  if (draft.header?.text) out.push({ label: 'header', field: draft.header.text });
  if (draft.body) out.push({ label: 'body', field: draft.body });
  if (draft.footer) out.push({ label: 'footer', field: draft.footer });
  for (const b of draft.buttons) if (b.text) out.push({ label: `button ${b.index + 1}`, field: b.text });
  return out;
}
