import { validParameters, type Draft, type MappedText, type ParameterToken, type Range, type SourceFile, type TextField } from '@pesan/core';

/** Where a parameter appears: the component, the token and its file range. */
export interface ParameterSite {
  component: 'header' | 'body' | 'button';
  /** Index of the button (button URLs only). */
  button?: number;
  token: ParameterToken;
  range: Range;
}

/** Every valid parameter of a draft (header text, body, button URLs), in that order. */
export function parameterSites(draft: Draft): ParameterSite[] {
  const sites: ParameterSite[] = [];
  const add = (text: MappedText | undefined, component: ParameterSite['component'], button?: number): void => {
    if (!text) return;
    for (const token of validParameters(text.text)) {
      sites.push({ component, ...(button === undefined ? {} : { button }), token, range: text.fileRange(token.start, token.end) });
    }
  };
  add(draft.header?.text?.text, 'header');
  add(draft.body?.text, 'body');
  for (const button of draft.buttons) add(button.url?.text, 'button', button.index);
  return sites;
}

/** The same parameter: `{{1}}` and `{{1}}`, or `{{name}}` and `{{name}}`. */
function sameParameter(a: ParameterToken, b: ParameterToken): boolean {
  return a.kind === b.kind && (a.kind === 'positional' ? a.index === b.index : a.name === b.name);
}

function componentLabel(site: ParameterSite): string {
  return site.component === 'button' ? `button ${(site.button ?? 0) + 1} URL` : site.component;
}

interface ExampleValue {
  value: string;
  /** Where the example is written, for the hover text. */
  field?: TextField;
  note?: string;
}

/** The example value of the parameter at `site`, from the draft's examples. */
export function exampleFor(draft: Draft, site: ParameterSite, sites: readonly ParameterSite[]): ExampleValue | undefined {
  const { token } = site;
  if (site.component === 'body') {
    const field = token.kind === 'positional' ? draft.bodyExamples.positional[(token.index ?? 0) - 1] : draft.bodyExamples.named.get(token.name ?? '');
    return field ? { value: field.value, field } : undefined;
  }
  if (site.component === 'header') {
    const header = draft.header;
    if (!header) return undefined;
    // Header examples are a list in parameter order (Meta allows one header parameter).
    const distinct: ParameterToken[] = [];
    for (const s of sites) if (s.component === 'header' && !distinct.some((t) => sameParameter(t, s.token))) distinct.push(s.token);
    const index = token.kind === 'positional' ? (token.index ?? 1) - 1 : distinct.findIndex((t) => sameParameter(t, token));
    const field = header.examples[index];
    return field ? { value: field.value, field } : undefined;
  }
  const button = draft.buttons.find((b) => b.index === site.button);
  const url = button?.url?.value;
  const field = button?.examples[0];
  if (!url || !field) return undefined;
  // A URL button's example is the whole URL: the parameter's value is what replaces `{{1}}` in it.
  const tokens = validParameters(url);
  if (tokens.length === 1) {
    const prefix = url.slice(0, tokens[0]!.start);
    const suffix = url.slice(tokens[0]!.end);
    const example = field.value;
    if (example.startsWith(prefix) && example.endsWith(suffix) && example.length >= prefix.length + suffix.length) {
      return { value: example.slice(prefix.length, example.length - suffix.length), field, note: `from the example URL \`${example}\`` };
    }
  }
  return { value: field.value, field, note: 'the example of the whole URL' };
}

function lineOf(file: SourceFile, offset: number): number {
  return file.lines.position(offset).line;
}

function code(text: string): string {
  // Inline code that survives backticks in the value.
  const fence = text.includes('`') ? '``' : '`';
  const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text;
  return `${fence}${padded}${fence}`;
}

function missingExampleHint(draft: Draft, site: ParameterSite): string {
  const markdown = draft.format === 'markdown';
  if (site.component === 'body') {
    return markdown
      ? 'No example value: add one under `examples.body` in the front matter (Meta rejects parameters without examples).'
      : 'No example value: add one to the body\'s `example.body_text` (Meta rejects parameters without examples).';
  }
  if (site.component === 'header') {
    return markdown ? 'No example value: add one under `examples.header`.' : 'No example value: add one to the header\'s `example.header_text`.';
  }
  return 'No example value: give the button an example URL (`example`).';
}

/** Markdown for a hover on the parameter at `offset`, or undefined when there is none there. */
export function parameterHover(drafts: readonly Draft[], offset: number): { markdown: string; range: Range } | undefined {
  for (const draft of drafts) {
    const sites = parameterSites(draft);
    const site = sites.find((s) => s.range[0] <= offset && offset <= s.range[1] && s.range[0] < s.range[1]);
    if (!site) continue;
    const { token } = site;
    const what = token.kind === 'positional' ? `${site.component} parameter ${token.index}` : `${site.component} parameter \`${token.name}\``;
    const lines: string[] = [`**${code(token.raw)}** — ${site.component === 'button' ? `${componentLabel(site)} parameter` : what}`, ''];
    const example = exampleFor(draft, site, sites);
    if (example) {
      const where = example.field ? ` (line ${lineOf(draft.file, example.field.range[0])})` : '';
      lines.push(`Example: ${code(example.value)}${example.note ? ` — ${example.note}` : ''}${where}`);
    } else {
      lines.push(missingExampleHint(draft, site));
    }
    // In Meta's model each component numbers its own parameters: the body's {{1}} and the header's {{1}} are two
    // parameters with two examples.
    const same = sites.filter((s) => sameParameter(s.token, token));
    const here = same.filter((s) => s.component === site.component && s.button === site.button);
    const elsewhere = same.filter((s) => !(s.component === site.component && s.button === site.button));
    const at = (s: ParameterSite): string => `line ${lineOf(draft.file, s.range[0])}${s === site ? ' (here)' : ''}`;
    lines.push('');
    lines.push(here.length > 1 ? `Used ${here.length} times in the ${componentLabel(site)}: ${here.map(at).join(', ')}.` : `Used once in the ${componentLabel(site)}.`);
    if (elsewhere.length > 0) {
      const parts = elsewhere.map((s) => {
        const value = exampleFor(draft, s, sites);
        return `${componentLabel(s)} ${at(s)}${value ? `, example ${code(value.value)}` : ''}`;
      });
      lines.push('', `Also written ${code(token.raw)} in: ${parts.join('; ')} (each component has its own parameters and examples).`);
    }
    return { markdown: lines.join('\n'), range: site.range };
  }
  return undefined;
}
