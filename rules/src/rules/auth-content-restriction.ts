import { defineRule, type TextField } from '@pesan/core';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { emojiIn } from '../util/header-body-footer.js';

const MEDIA = new Set(['image', 'video', 'document', 'gif']);

/** Links: a scheme, `www.`, or a bare domain with a common top-level domain (not an e-mail address). */
const URL_LIKE =
  /(?<![@\w.-])(?:https?:\/\/[^\s<>"']+|www\.[^\s<>"']+|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|co|id|br|mx|es|ar|in|app|me|ly|info|biz|link|xyz|online|site|shop|store)\b(?:\/[^\s<>"']*)?)/giu;

function urls(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  URL_LIKE.lastIndex = 0;
  for (let m = URL_LIKE.exec(text); m; m = URL_LIKE.exec(text)) {
    // Sentence punctuation after a link is not part of it.
    const value = m[0].replace(/[.,;:!?)\]]+$/, '');
    if (text[m.index + m[0].length] === '@') continue;
    out.push({ start: m.index, end: m.index + value.length, text: value });
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'auth-content-restriction',
    description: 'An AUTHENTICATION template has no URL, no media header and no emoji.',
    type: 'compliance',
    area: 'authentication',
    defaultSeverity: 'error',
    categories: ['AUTHENTICATION'],
    messages: {
      url: 'Unexpected link `{{url}}` in the {{where}} of an AUTHENTICATION template, expected no URLs',
      emoji: 'Unexpected emoji {{text}} in the {{where}} of an AUTHENTICATION template, expected no emoji',
      media: 'Unexpected {{format}} header in an AUTHENTICATION template, expected no media',
    },
    docs: {
      rationale:
        'Meta\'s categorization rules say authentication templates cannot contain URLs, media or emojis, in their content or in their parameters; such a template is rejected. Authentication templates carry a one-time passcode with Meta\'s preset wording and nothing else.',
      details:
        'Checks the header text, body, footer and the example values of header and body parameters. A link is a `http(s)://` address, a `www.` address, or a bare domain with a common top-level domain (`.com`, `.co.id`, `.com.br`...); e-mail addresses are not links. Emoji are counted as in `body-emoji-limit`. Media headers are IMAGE, VIDEO, DOCUMENT and GIF.',
      sources: [META.categorization],
      valid: [
        {
          title: 'Preset-style authentication body',
          draft: exampleDraft('{{1}} is your verification code. For your security, do not share this code.', 'examples:\n  body: ["123456"]', { category: 'AUTHENTICATION', name: 'login_code' }),
        },
      ],
      invalid: [
        {
          title: 'Link and emoji in the body',
          draft: exampleDraft('{{1}} adalah kode verifikasi Anda 🔐 Jangan bagikan. Bantuan: www.contoh.co.id/bantuan', 'examples:\n  body: ["123456"]', { category: 'AUTHENTICATION', language: 'id', name: 'login_code' }),
          messageIds: ['emoji', 'url'],
        },
      ],
    },
  },
  check({ draft, report }) {
    const header = draft.header;
    if (header && MEDIA.has(header.format.value)) report({ messageId: 'media', data: { format: header.format.value }, range: header.format.range });
    const parts: { where: string; field: TextField | { value: string; text: TextField['text'] } }[] = [];
    if (header?.text) parts.push({ where: 'header', field: header.text });
    if (draft.body) parts.push({ where: 'body', field: { value: draft.body.text.text, text: draft.body.text } });
    if (draft.footer) parts.push({ where: 'footer', field: draft.footer });
    for (const example of header?.examples ?? []) parts.push({ where: 'header example', field: example });
    for (const example of [...draft.bodyExamples.positional, ...draft.bodyExamples.named.values()]) parts.push({ where: 'body example', field: example });
    for (const { where, field } of parts) {
      const found = [
        ...emojiIn(field.value).map((e) => ({ messageId: 'emoji', start: e.start, end: e.end, data: { text: e.text, where } })),
        ...urls(field.value).map((u) => ({ messageId: 'url', start: u.start, end: u.end, data: { url: u.text, where } })),
      ].sort((a, b) => a.start - b.start);
      for (const f of found) report({ messageId: f.messageId, data: f.data, range: field.text.fileRange(f.start, f.end) });
    }
  },
});
