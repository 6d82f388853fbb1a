import type { Rule } from '@pesan/core';
import buttonCountLimits from '../button-count-limits.js';
import buttonTypeValid from '../button-type-valid.js';
import quickReplyGrouping from '../quick-reply-grouping.js';
import buttonTextLength from '../button-text-length.js';
import buttonTextRequired from '../button-text-required.js';
import buttonTextCharset from '../button-text-charset.js';
import urlTooLong from '../url-too-long.js';
import urlVariablePosition from '../url-variable-position.js';
import urlExampleRequired from '../url-example-required.js';
import urlShortener from '../url-shortener.js';
import urlContainsWhatsapp from '../url-contains-whatsapp.js';
import phoneNumberFormat from '../phone-number-format.js';
import copyCodeExampleLength from '../copy-code-example-length.js';
import otpButtonCategory from '../otp-button-category.js';
import flowButtonFields from '../flow-button-fields.js';

/** Button, URL, phone and OTP rules. */
export const buttonRules = [
  buttonCountLimits,
  buttonTypeValid,
  quickReplyGrouping,
  buttonTextRequired,
  buttonTextLength,
  buttonTextCharset,
  urlVariablePosition,
  urlTooLong,
  urlExampleRequired,
  urlShortener,
  urlContainsWhatsapp,
  phoneNumberFormat,
  copyCodeExampleLength,
  otpButtonCategory,
  flowButtonFields,
] as readonly Rule[];
