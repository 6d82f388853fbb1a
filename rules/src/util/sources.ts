import type { RuleSource } from '@pesan/core';

/** Meta's pages cited by the rule docs (see ../shared/reference/template-rules.md §0 for the dates read). */
export const META = {
  components: { label: 'Meta: Template components (updated May 6, 2026)', url: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/components' },
  fundamentals: { label: 'Meta: Templates overview (updated May 5, 2026)', url: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/overview' },
  categorization: { label: 'Meta: Template categorization (updated Apr 17, 2026)', url: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-categorization' },
  review: { label: 'Meta: Template review (updated Oct 31, 2025)', url: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-review' },
  utility: { label: 'Meta: Utility templates (updated Nov 14, 2025)', url: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/utility-templates/utility-templates' },
  marketing: { label: 'Meta: Custom marketing templates (updated Nov 14, 2025)', url: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/marketing-templates/custom-marketing-templates' },
  statusWebhook: { label: 'Meta: message_template_status_update webhook', url: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/message_template_status_update' },
  changelog: { label: 'Meta: WhatsApp changelog', url: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/changelog' },
  guidelinesOld: { label: 'Meta: Message template guidelines (older page)', url: 'https://developers.facebook.com/docs/whatsapp/message-templates/guidelines' },
} satisfies Record<string, RuleSource>;

export const BSP = {
  bird: { label: 'Bird: WhatsApp template guidelines and restrictions (BSP-reported)', url: 'https://docs.bird.com/applications/content/message-templates/concepts/whatsapp-message-templates/whatsapp-business-template-guidelines-and-restrictions' },
  wazzup: { label: 'Wazzup24: WABA template categories (BSP-reported)', url: 'https://wazzup24.in/help/how-to-set-up/waba-template-categories' },
  twilio63040: { label: 'Twilio error 63040', url: 'https://www.twilio.com/docs/api/errors/63040' },
  syniverse: { label: 'Syniverse: avoid too-many-parameters rejections', url: 'https://sdcsupport.syniverse.com/hc/en-us/articles/30569685832471-How-to-avoid-too-many-parameters-rejection-in-WhatsApp-Templates' },
  maqsam: { label: 'Maqsam: templates with variables', url: 'https://support.maqsam.com/portal/en/kb/articles/creating-whatsapp-templates-with-variables' },
  gupshup: { label: 'Gupshup: template buttons', url: 'https://docs.gupshup.io/docs/template-button-list' },
  easysocial: { label: 'EasySocial: template guidelines', url: 'https://easysocial.io/docs/guidelines' },
  ycloudLanguages: { label: 'YCloud: supported template languages', url: 'https://docs.ycloud.com/en/api-reference/guides/whatsapp-platform/supported-whatsapp-template-languages' },
  watiLanguages: { label: 'WATI: supported languages for template messages', url: 'https://support.wati.io/en/articles/11463484-supported-languages-for-template-messages' },
  twilio21656: { label: 'Twilio error 21656', url: 'https://www.twilio.com/docs/api/errors/21656' },
  meritto: { label: 'Meritto: WhatsApp template approval guidelines', url: 'https://support.meritto.com/hc/en-us/articles/10417610844953-WhatsApp-Templates-Approval-Guidelines' },
  engati: { label: 'Engati: restrictions for WA template messages', url: 'https://help.engati.com/restrictions-for-wa-template-message' },
  dialog360Elements: { label: '360dialog: template elements', url: 'https://docs.360dialog.com/docs/waba-basics/templates/template-elements' },
  apiEvangelistSchema: { label: 'API Evangelist: WhatsApp Business Management API template component schema (community, unconfirmed)', url: 'https://raw.githubusercontent.com/api-evangelist/whatsapp/refs/heads/main/json-schema/whatsapp-business-management-api-template-component-definition-schema.json' },
  hilosInvalidFormat: { label: 'Hilos: template invalid format (BSP-reported)', url: 'https://hilos-40.mintlify.app/docs/en/user/using-hilos/whatsapp-guides/advanced/template-invalid-format' },
  ourareaPlaceholders: { label: 'OurArea: formatting variable errors with placeholders (BSP-reported)', url: 'https://help.ourarea.in/owa/faq/formatting-variable-errors-issues-with-placeholders' },
  cloudApiNet194: { label: 'Whatsapp-Business-Cloud-Api-Net issue #194: named parameters need parameter_format', url: 'https://github.com/gabrieldwight/Whatsapp-Business-Cloud-Api-Net/issues/194' },
  jaalYantra2134: { label: 'Jaal-Yantra-Textiles/v2 PR #2134: leading or trailing params (subcode 2388299)', url: 'https://github.com/Jaal-Yantra-Textiles/v2/pull/2134' },
  jaalYantra2126: { label: 'Jaal-Yantra-Textiles/v2 PR #2126: parameter values with new lines or tabs', url: 'https://github.com/Jaal-Yantra-Textiles/v2/pull/2126' },
  twilioText: { label: 'Twilio: twilio/text content type', url: 'https://twilio.com/docs/content/twilio-text' },
  authgear3356: { label: 'authgear-server issue #3356: AUTHENTICATION parameter longer than 15 characters', url: 'https://github.com/authgear/authgear-server/issues/3356' },
  glific3517: { label: 'Glific issue #3517: rendered body over 1,024 characters fails to send', url: 'https://github.com/glific/glific/issues/3517' },
} satisfies Record<string, RuleSource>;
