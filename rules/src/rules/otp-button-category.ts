import { defineRule } from '@pesan/core';
import { META, BSP } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { BUTTON_SOURCES, isOtpButton, typeValueRange } from '../util/buttons.js';

export default defineRule({
  meta: {
    id: 'otp-button-category',
    description: 'OTP buttons appear only in AUTHENTICATION templates, and an AUTHENTICATION template has exactly one.',
    type: 'structure',
    area: 'authentication',
    defaultSeverity: 'error',
    messages: {
      otpOutsideAuth: 'Unexpected OTP button {{position}} in a {{category}} template, expected OTP buttons only in AUTHENTICATION templates (send one-time codes with an authentication template)',
      missingOtp: 'Missing OTP button in an AUTHENTICATION template, expected exactly one button with `type: otp` and `otp_type` copy_code, one_tap or zero_tap',
      extraOtp: 'Unexpected OTP button {{position}} in an AUTHENTICATION template that already has one, expected exactly one (remove it)',
    },
    docs: {
      rationale:
        'Meta: "Only authentication templates can be used to send a one-time passcode"; since October 1, 2024 a UTILITY or MARKETING template that sends one is moved to REJECTED on the first day of the next month, with no category review. Authentication templates are built from Meta\'s preset (fixed body text, optional security disclaimer and expiry) and must have one OTP button: copy code, one-tap autofill or zero-tap.',
      details:
        'A button counts as OTP when its type is `otp`, or when it is the URL button to `https://www.whatsapp.com/otp/…` that Meta returns for an OTP button once the template is created (so exported templates pass). The category is the declared one; a missing or unknown category is left to `category-enum`. A missing OTP button is reported on the buttons list, or on the category when there are no buttons; each OTP button after the first is reported as extra.',
      sources: [META.categorization, BUTTON_SOURCES.metaCopyCodeAuth, BSP.gupshup],
      valid: [
        {
          title: 'Authentication template with one copy-code button',
          draft: exampleDraft('{{1}} adalah kode verifikasi Anda.', 'add_security_recommendation: true\nbuttons:\n  - {type: otp, otp_type: copy_code, text: "Salin kode"}\nexamples:\n  body: ["482913"]', { name: 'kode_verifikasi', category: 'AUTHENTICATION', language: 'id' }),
        },
      ],
      invalid: [
        {
          title: 'An OTP button in a UTILITY template',
          draft: exampleDraft('Olá {{1}}, seu código de acesso é {{2}}. Não compartilhe este código.', 'buttons:\n  - {type: otp, otp_type: copy_code, text: "Copiar código"}', { name: 'codigo_acesso', language: 'pt_BR' }),
          messageIds: ['otpOutsideAuth'],
        },
        {
          title: 'An authentication template without an OTP button',
          draft: exampleDraft('{{1}} is your verification code.', 'examples:\n  body: ["482913"]', { name: 'login_code', category: 'AUTHENTICATION' }),
          messageIds: ['missingOtp'],
        },
      ],
    },
  },
  check({ draft, category, report }) {
    const otp = draft.buttons.filter(isOtpButton);
    if (category === 'UTILITY' || category === 'MARKETING') {
      for (const button of otp) {
        report({ messageId: 'otpOutsideAuth', data: { position: button.index + 1, category }, range: typeValueRange(draft, button) });
      }
      return;
    }
    if (category !== 'AUTHENTICATION') return;
    if (otp.length === 0) {
      const range = draft.buttonsRange ?? draft.category?.text.range ?? draft.range;
      report({ messageId: 'missingOtp', range });
      return;
    }
    for (const button of otp.slice(1)) report({ messageId: 'extraOtp', data: { position: button.index + 1 }, range: button.range });
  },
});
