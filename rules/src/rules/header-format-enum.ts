import { defineRule, HEADER_FORMATS } from '@pesan/core';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';

const FORMATS: ReadonlySet<string> = new Set(HEADER_FORMATS);

export default defineRule({
  meta: {
    id: 'header-format-enum',
    description: 'The header format is text, image, video, gif, document or location, and allowed in the declared category.',
    type: 'structure',
    area: 'header',
    defaultSeverity: 'error',
    messages: {
      invalid: 'Unexpected header format `{{format}}`, expected text, image, video, gif, document or location',
      gifNotMarketing: 'Unexpected `gif` header in a {{category}} template, expected MARKETING: GIF headers work only in marketing templates sent with the Marketing Messages API (use `video` or `image` instead)',
      locationCategory: 'Unexpected `location` header in a {{category}} template, expected UTILITY or MARKETING',
    },
    docs: {
      rationale:
        'Meta knows six header formats: TEXT, IMAGE, VIDEO, GIF, DOCUMENT and LOCATION. Two are restricted: a GIF header (an mp4 of at most 3.5 MB) works only for MARKETING templates sent with the Marketing Messages API, and a LOCATION header only in UTILITY or MARKETING templates.',
      details:
        'The format is compared without regard to case (Meta JSON writes `IMAGE`, drafts `image`). The category checks run only when the declared category is a valid one (`category-enum` reports the others). The GIF check cannot know which API will send the template; it only requires MARKETING.',
      sources: [META.components],
      valid: [
        { title: 'Image header in a marketing template', draft: exampleDraft('Halo {{1}}, koleksi baru kami sudah tersedia di toko.', 'header:\n  format: image\n  media_handle: 4::aW1hZ2U=', { category: 'MARKETING', language: 'id', name: 'new_collection' }) },
        { title: 'Location header in a utility template', draft: exampleDraft('Your order {{1}} is ready for pickup at the store shown above.', 'header:\n  format: location') },
      ],
      invalid: [
        { title: 'Unknown format', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.', 'header:\n  format: audio\n  media_handle: 4::YXVkaW8='), messageIds: ['invalid'] },
        { title: 'GIF header in a utility template', draft: exampleDraft('Tu pedido {{1}} fue enviado y llega el {{2}}. Gracias.', 'header:\n  format: gif\n  media_handle: 4::Z2lm', { language: 'es_MX' }), messageIds: ['gifNotMarketing'] },
      ],
    },
  },
  check({ draft, category, report }) {
    const header = draft.header;
    if (!header) return;
    const format = header.format.value;
    if (!FORMATS.has(format)) {
      report({ messageId: 'invalid', data: { format }, range: header.format.range });
      return;
    }
    if (category !== 'UTILITY' && category !== 'MARKETING' && category !== 'AUTHENTICATION') return;
    if (format === 'gif' && category !== 'MARKETING') report({ messageId: 'gifNotMarketing', data: { category }, range: header.format.range });
    if (format === 'location' && category === 'AUTHENTICATION') report({ messageId: 'locationCategory', data: { category }, range: header.format.range });
  },
});
