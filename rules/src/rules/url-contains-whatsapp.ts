import { defineRule } from '@pesan/core';
import { exampleDraft } from '../util/drafts.js';
import { BUTTON_SOURCES, META_OTP_URL, draftUrls, urlParts } from '../util/buttons.js';

/** Hosts of WhatsApp click-to-chat links, matched also without a scheme (`wa.me/6281…`). */
const WHATSAPP_HOSTS = ['wa.me', 'api.whatsapp.com', 'chat.whatsapp.com', 'web.whatsapp.com', 'whatsapp.com'];

export default defineRule({
  meta: {
    id: 'url-contains-whatsapp',
    description: 'Links do not contain the word "whatsapp" or point to wa.me (BSP-reported).',
    type: 'compliance',
    area: 'buttons',
    defaultSeverity: 'warn',
    messages: {
      containsWhatsapp: 'Unexpected "{{word}}" in the {{where}} link `{{url}}`, expected a URL without the word WhatsApp (BSP-reported rejection)',
      waMe: 'Unexpected wa.me link `{{url}}` in the {{where}}, expected a link to your own site (BSP-reported rejection; the customer is already in the chat)',
    },
    docs: {
      rationale:
        'BSP-reported, not found in the Meta pages read: RVOps\' best-practice guide for creating templates warns against URLs that contain the word "whatsapp". wa.me click-to-chat links are WhatsApp URLs under another name and are reported with their own message (api.whatsapp.com links contain the word). It is a warning because Meta has not confirmed the rule.',
      details:
        'Checked: the `url` of every button and links in the header, body and footer (with `http(s)://`, or bare `wa.me/…` and `whatsapp.com/…` links). A link whose host is `wa.me` is reported as a wa.me link; any other link containing "whatsapp" in any case (host, path or query) is reported on the word. The `https://www.whatsapp.com/otp/…` URL that Meta gives an OTP button when it creates the template is not reported.',
      sources: [BUTTON_SOURCES.rvops],
      valid: [{ title: 'A link on the business domain', draft: exampleDraft('Olá {{1}}, seu pedido {{2}} foi enviado. Acompanhe em https://loja.example.com.br/pedidos.', '', { language: 'pt_BR' }) }],
      invalid: [
        { title: 'A wa.me link in the body', draft: exampleDraft('Halo {{1}}, pesanan {{2}} sudah dikirim. Tanya kurir di wa.me/6281234567890 kapan saja.', '', { language: 'id' }), messageIds: ['waMe'] },
        { title: 'A button URL with "whatsapp" in the path', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.', 'buttons:\n  - {type: url, text: "Offers", url: "https://shop.example.com/whatsapp-offers"}'), messageIds: ['containsWhatsapp'] },
      ],
    },
  },
  check({ draft, report }) {
    for (const found of draftUrls(draft, WHATSAPP_HOSTS)) {
      // The URL Meta itself gives an OTP button once the template is created.
      if (META_OTP_URL.test(found.url)) continue;
      const parts = urlParts(found.url);
      const host = parts ? parts.host : found.url.slice(0, found.url.search(/[/?#]|$/)).toLowerCase();
      const data = { url: found.url, where: found.where };
      if (host.replace(/^www\./, '') === 'wa.me') {
        report({ messageId: 'waMe', data, range: found.field.text.fileRange(found.start, found.end) });
        continue;
      }
      const at = found.url.search(/whatsapp/i);
      if (at === -1) continue;
      report({
        messageId: 'containsWhatsapp',
        data: { ...data, word: found.url.slice(at, at + 8) },
        range: found.field.text.fileRange(found.start + at, found.start + at + 8),
      });
    }
  },
});
