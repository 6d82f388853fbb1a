/** Closed vocabularies of Meta's template model, shared by the schemas, the rules and the docs. */

export const CATEGORIES = ['UTILITY', 'MARKETING', 'AUTHENTICATION'] as const;
export type Category = (typeof CATEGORIES)[number];

export const USE_CASES = [
  'order_confirmation',
  'shipping_update',
  'delivery_update',
  'appointment_reminder',
  'payment_reminder',
  'payment_received',
  'refund',
  'account_alert',
  'opt_in_confirmation',
  'opt_out_confirmation',
  'feedback_survey',
  'continue_conversation',
  'other',
] as const;
export type UseCase = (typeof USE_CASES)[number];

export const HEADER_FORMATS = ['text', 'image', 'video', 'gif', 'document', 'location'] as const;
export type HeaderFormat = (typeof HEADER_FORMATS)[number];

export const BUTTON_TYPES = [
  'quick_reply',
  'url',
  'phone_number',
  'copy_code',
  'otp',
  'flow',
  'catalog',
  'mpm',
  'spm',
  'voice_call',
] as const;
export type ButtonType = (typeof BUTTON_TYPES)[number];

export const PARAMETER_FORMATS = ['positional', 'named'] as const;
export type ParameterFormat = (typeof PARAMETER_FORMATS)[number];

export const OTP_TYPES = ['copy_code', 'one_tap', 'zero_tap'] as const;

/**
 * Meta's template language codes (case-sensitive, underscore-separated).
 * Source: the supported-languages lists restated by WATI and YCloud (see rules/docs/language-code-valid.md).
 */
export const LANGUAGE_CODES = [
  'af', 'sq', 'ar', 'ar_EG', 'ar_AE', 'ar_LB', 'ar_MA', 'ar_QA', 'az', 'be_BY', 'bn', 'bn_IN', 'bg', 'ca', 'zh_CN',
  'zh_HK', 'zh_TW', 'hr', 'cs', 'da', 'prs_AF', 'nl', 'nl_BE', 'en', 'en_GB', 'en_US', 'en_AE', 'en_AU', 'en_CA',
  'en_GH', 'en_IE', 'en_IN', 'en_JM', 'en_MY', 'en_NZ', 'en_QA', 'en_SG', 'en_UG', 'en_ZA', 'et', 'fil', 'fi',
  'fr', 'fr_BE', 'fr_CA', 'fr_CH', 'fr_CI', 'fr_MA', 'ka', 'de', 'de_AT', 'de_CH', 'el', 'gu', 'ha', 'he', 'hi',
  'hu', 'id', 'ga', 'it', 'ja', 'kn', 'kk', 'rw_RW', 'ko', 'ky_KG', 'lo', 'lv', 'lt', 'mk', 'ms', 'ml', 'mr',
  'nb', 'ps_AF', 'fa', 'pl', 'pt_BR', 'pt_PT', 'pa', 'ro', 'ru', 'sr', 'si_LK', 'sk', 'sl', 'es', 'es_AR',
  'es_CL', 'es_CO', 'es_CR', 'es_DO', 'es_EC', 'es_HN', 'es_MX', 'es_PA', 'es_PE', 'es_ES', 'es_UY', 'sw', 'sv',
  'ta', 'te', 'th', 'tr', 'uk', 'ur', 'uz', 'vi', 'zu',
] as const;
