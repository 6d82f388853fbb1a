import { defineRule, validParameters } from '@pesan/core';
import { META, BSP } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';

const MEDIA = new Set(['image', 'video', 'document', 'gif']);

/** Markdown `examples: header: {name: value}` (named form), which the model does not lift. */
function namedHeaderExamples(raw: Record<string, unknown>): Record<string, unknown> | undefined {
  const examples = raw.examples;
  if (!examples || typeof examples !== 'object') return undefined;
  const header = (examples as Record<string, unknown>).header;
  return header && typeof header === 'object' && !Array.isArray(header) ? (header as Record<string, unknown>) : undefined;
}

const filled = (value: unknown): boolean => (typeof value === 'string' && value.trim() !== '') || typeof value === 'number';

export default defineRule({
  meta: {
    id: 'header-example-required',
    description: 'A header parameter has an example value, and a media header has a sample file.',
    type: 'structure',
    area: 'examples',
    defaultSeverity: 'error',
    messages: {
      missingText: 'Missing example value for header parameter `{{param}}`, expected {{where}}',
      missingMedia: 'Missing sample for the {{format}} header, expected {{where}}',
    },
    docs: {
      rationale:
        'Meta requires an example for every header parameter (`example.header_text`, or `header_text_named_params` for named parameters) and a sample file for an IMAGE, VIDEO, GIF or DOCUMENT header (`example.header_handle`, a handle from the Resumable Upload API). Reviewers judge the template with these samples; Twilio reports "Media headers ... must include a sample".',
      details:
        'In a Markdown draft, header examples come from `examples.header` (a list, or a map of named parameters) or `header.example`; a media sample from `header.media_handle` or `header.media_url`. In Meta JSON, from `example.header_text`, `example.header_text_named_params` and `example.header_handle`. A blank value counts as missing. A LOCATION header needs no sample.',
      sources: [META.components, BSP.twilio63040],
      valid: [
        { title: 'Header parameter with an example', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.', 'header: Order {{1}} shipped\nexamples:\n  header: [A-1042]\n  body: [A-1042, Monday]') },
        { title: 'Image header with a sample handle', draft: exampleDraft('Halo {{1}}, koleksi baru kami sudah tersedia di toko.', 'header:\n  format: image\n  media_handle: 4::aW1hZ2U=', { category: 'MARKETING', language: 'id', name: 'new_collection' }) },
      ],
      invalid: [
        { title: 'Header parameter without an example', draft: exampleDraft('Seu pedido {{1}} foi enviado e chega em {{2}}. Obrigado.', 'header: Pedido {{1}} enviado\nexamples:\n  body: [A-1042, segunda-feira]', { language: 'pt_BR' }), messageIds: ['missingText'] },
        { title: 'Video header without a sample', draft: exampleDraft('Watch how to set up your new router, order {{1}}.', 'header:\n  format: video'), messageIds: ['missingMedia'] },
      ],
    },
  },
  check({ draft, report }) {
    const header = draft.header;
    if (!header) return;
    const json = draft.format === 'meta-json';
    const format = header.format.value;
    if (MEDIA.has(format)) {
      if (header.mediaSample && header.mediaSample.value.trim() !== '') return;
      report({
        messageId: 'missingMedia',
        data: { format, where: json ? '`example.header_handle` with an uploaded media handle' : '`media_handle` (or `media_url`) under `header`' },
        range: header.format.range,
      });
      return;
    }
    if (format !== 'text' || !header.text) return;
    const text = header.text;
    const params = validParameters(text.value);
    if (params.length === 0) return;
    const named = json ? undefined : namedHeaderExamples(draft.raw);
    const where = json
      ? '`example.header_text` (or `header_text_named_params` for a named parameter)'
      : '`examples.header` in the front matter';
    if (named) {
      for (const param of params) {
        const key = param.name ?? String(param.index);
        if (!filled(named[key])) report({ messageId: 'missingText', data: { param: param.raw, where }, range: text.text.fileRange(param.start, param.end) });
      }
      return;
    }
    const count = header.examples.filter((e) => e.value.trim() !== '').length;
    for (const param of params.slice(count)) {
      report({ messageId: 'missingText', data: { param: param.raw, where }, range: text.text.fileRange(param.start, param.end) });
    }
  },
});
