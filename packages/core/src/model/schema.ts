import { z } from 'zod';
import { USE_CASES } from './vocabulary.js';

/**
 * zod schemas of the two input formats. They check shape (types, required and unknown keys); the value rules
 * (name charset, category enum, limits...) live in the rule catalog, where each gets a positioned message, a
 * doc page and a fix. Strings such as `category` are therefore plain strings here.
 */

const exampleValues = z.union([z.array(z.union([z.string(), z.number()])), z.record(z.string(), z.union([z.string(), z.number()]))]);

export const headerObjectSchema = z.strictObject({
  format: z.string(),
  text: z.string().optional(),
  example: z.union([z.string(), z.array(z.string())]).optional(),
  /** Sample media handle (from the Resumable Upload API) that Meta requires for media headers. */
  media_handle: z.string().optional(),
  /** Public sample URL, accepted by some BSPs instead of a handle. */
  media_url: z.string().optional(),
});

export const buttonSchema = z.strictObject({
  type: z.string(),
  text: z.string().optional(),
  url: z.string().optional(),
  example: z.union([z.string(), z.array(z.string())]).optional(),
  phone_number: z.string().optional(),
  otp_type: z.string().optional(),
  autofill_text: z.string().optional(),
  package_name: z.string().optional(),
  signature_hash: z.string().optional(),
  supported_apps: z.array(z.strictObject({ package_name: z.string(), signature_hash: z.string() })).optional(),
  flow_id: z.union([z.string(), z.number()]).optional(),
  flow_name: z.string().optional(),
  flow_json: z.string().optional(),
  flow_action: z.string().optional(),
  navigate_screen: z.string().optional(),
});

/** Front matter of a Markdown draft (snake_case keys). The body is the Markdown content below it. */
export const frontMatterSchema = z.strictObject({
  name: z.string({ error: 'expected the template name as a string' }),
  category: z.string({ error: 'expected one of UTILITY, MARKETING, AUTHENTICATION' }),
  language: z.string({ error: 'expected a Meta language code such as en_US, id, es_MX or pt_BR' }),
  use_case: z.enum(USE_CASES).optional(),
  parameter_format: z.string().optional(),
  header: z.union([z.string(), headerObjectSchema]).optional(),
  footer: z.string().optional(),
  buttons: z.array(buttonSchema).optional(),
  examples: z
    .strictObject({
      header: exampleValues.optional(),
      body: exampleValues.optional(),
    })
    .optional(),
  /** AUTHENTICATION: add Meta's "For your security, do not share this code." line. */
  add_security_recommendation: z.boolean().optional(),
  /** AUTHENTICATION: code expiry shown in the footer. */
  code_expiration_minutes: z.number().optional(),
  /** AUTHENTICATION: message send TTL in seconds. */
  message_send_ttl_seconds: z.number().optional(),
  /** Pesan-only: labels for the evaluation corpus (`expect: [rule-id]` or `[clean]`). Never exported. */
  expect: z.array(z.string()).optional(),
  /** Pesan-only: free-form notes for writers and reviewers. Never exported. */
  notes: z.string().optional(),
});
export type FrontMatter = z.infer<typeof frontMatterSchema>;

/** Keys that exist only for Pesan and are removed by `pesan export`. */
export const PESAN_ONLY_KEYS = ['use_case', 'expect', 'notes'] as const;

const metaButtonSchema = z.looseObject({
  type: z.string(),
  text: z.string().optional(),
  url: z.string().optional(),
  example: z.union([z.string(), z.array(z.string())]).optional(),
  phone_number: z.string().optional(),
  otp_type: z.string().optional(),
});

export const metaComponentSchema = z.looseObject({
  type: z.string(),
  format: z.string().optional(),
  text: z.string().optional(),
  buttons: z.array(metaButtonSchema).optional(),
  example: z.looseObject({}).optional(),
  add_security_recommendation: z.boolean().optional(),
  code_expiration_minutes: z.number().optional(),
});

/** One template in Meta's Graph API `message_templates` shape. Unknown fields (id, status...) are kept. */
export const metaTemplateSchema = z.looseObject({
  name: z.string({ error: 'expected the template name as a string' }),
  language: z.string({ error: 'expected a Meta language code such as en_US' }),
  category: z.string({ error: 'expected one of UTILITY, MARKETING, AUTHENTICATION' }),
  parameter_format: z.string().optional(),
  components: z.array(metaComponentSchema, { error: 'expected `components` as an array' }),
});
