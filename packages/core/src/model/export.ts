import type { Draft } from './draft.js';

/** Meta's create-template payload (POST /<WABA_ID>/message_templates). */
export interface MetaTemplatePayload {
  name: string;
  language: string;
  category: string;
  parameter_format?: 'NAMED' | 'POSITIONAL';
  components: Record<string, unknown>[];
}

const BUTTON_FIELDS: Record<string, string[]> = {
  quick_reply: ['text'],
  url: ['text', 'url', 'example'],
  phone_number: ['text', 'phone_number'],
  copy_code: ['example'],
  otp: ['otp_type', 'text', 'autofill_text', 'package_name', 'signature_hash', 'supported_apps'],
  flow: ['text', 'flow_id', 'flow_name', 'flow_json', 'flow_action', 'navigate_screen'],
  catalog: ['text'],
  mpm: ['text'],
  spm: ['text'],
  voice_call: ['text'],
};

/**
 * Builds the payload Meta expects from a Markdown draft. Pesan-only fields (use_case, expect, notes) and
 * directive comments are left out, so the result can be submitted as is.
 */
export function toMetaPayload(draft: Draft): MetaTemplatePayload {
  const raw = draft.raw;
  const named = (draft.parameterFormat?.value ?? '').toLowerCase() === 'named';
  const payload: MetaTemplatePayload = {
    name: draft.name?.value ?? '',
    language: draft.language?.value ?? '',
    category: (draft.category?.value ?? '').toUpperCase(),
    components: [],
  };
  if (draft.parameterFormat) payload.parameter_format = named ? 'NAMED' : 'POSITIONAL';

  const header = raw.header;
  const examples = (raw.examples ?? {}) as { header?: unknown; body?: unknown };
  if (header !== undefined) {
    const h = typeof header === 'string' ? { format: 'text', text: header } : (header as Record<string, unknown>);
    const format = String(h.format ?? 'text').toUpperCase();
    const component: Record<string, unknown> = { type: 'HEADER', format };
    if (format === 'TEXT') {
      component.text = h.text;
      const values = exampleValues(h.example ?? examples.header);
      if (values) {
        component.example = Array.isArray(values)
          ? { header_text: values }
          : { header_text_named_params: Object.entries(values).map(([param_name, example]) => ({ param_name, example })) };
      }
    } else if (h.media_handle ?? h.media_url) {
      component.example = { header_handle: [h.media_handle ?? h.media_url] };
    }
    payload.components.push(component);
  }
  if (draft.body) {
    const component: Record<string, unknown> = { type: 'BODY', text: draft.body.text.text };
    const values = exampleValues(examples.body);
    if (values) {
      component.example = Array.isArray(values)
        ? { body_text: [values] }
        : { body_text_named_params: Object.entries(values).map(([param_name, example]) => ({ param_name, example })) };
    }
    if (typeof raw.add_security_recommendation === 'boolean') component.add_security_recommendation = raw.add_security_recommendation;
    payload.components.push(component);
  }
  if (typeof raw.footer === 'string' || typeof raw.code_expiration_minutes === 'number') {
    const component: Record<string, unknown> = { type: 'FOOTER' };
    if (typeof raw.footer === 'string') component.text = raw.footer;
    if (typeof raw.code_expiration_minutes === 'number') component.code_expiration_minutes = raw.code_expiration_minutes;
    payload.components.push(component);
  }
  if (Array.isArray(raw.buttons) && raw.buttons.length > 0) {
    const buttons = (raw.buttons as Record<string, unknown>[]).map((b) => {
      const type = String(b.type ?? '').toLowerCase();
      const out: Record<string, unknown> = { type: type.toUpperCase() };
      for (const key of BUTTON_FIELDS[type] ?? Object.keys(b).filter((k) => k !== 'type')) {
        if (b[key] === undefined) continue;
        out[key] = key === 'example' && type === 'url' && !Array.isArray(b[key]) ? [b[key]] : key === 'otp_type' ? String(b[key]).toUpperCase() : b[key];
      }
      return out;
    });
    payload.components.push({ type: 'BUTTONS', buttons });
  }
  return payload;
}

function exampleValues(value: unknown): string[] | Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
  return [String(value)];
}
