import { BUTTON_TYPES, defineRule } from '@pesan/core';
import { BSP, META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { typeValueRange } from '../util/buttons.js';

/** Words writers use for a button type that is spelled differently in Meta's API. */
const ALIASES: Record<string, string> = {
  quickreply: 'quick_reply',
  reply: 'quick_reply',
  qr: 'quick_reply',
  link: 'url',
  website: 'url',
  web: 'url',
  cta_url: 'url',
  visit_website: 'url',
  phone: 'phone_number',
  call: 'phone_number',
  call_phone: 'phone_number',
  phonenumber: 'phone_number',
  tel: 'phone_number',
  copy: 'copy_code',
  coupon: 'copy_code',
  coupon_code: 'copy_code',
  copycode: 'copy_code',
  one_tap: 'otp',
  zero_tap: 'otp',
  flows: 'flow',
  multi_product: 'mpm',
  single_product: 'spm',
  voicecall: 'voice_call',
};

/** Levenshtein distance, small strings only. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** The valid type a misspelled one most likely means, or undefined when nothing is close. */
function closestButtonType(written: string): string | undefined {
  const normal = written.trim().toLowerCase().replace(/[\s-]+/g, '_').replace(/[^a-z_]/g, '');
  if (!normal) return undefined;
  if ((BUTTON_TYPES as readonly string[]).includes(normal)) return normal;
  const alias = ALIASES[normal] ?? ALIASES[normal.replace(/_/g, '')];
  if (alias) return alias;
  const squashed = normal.replace(/_/g, '');
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const type of BUTTON_TYPES) {
    const d = distance(squashed, type.replace(/_/g, ''));
    if (d < bestDistance) {
      best = type;
      bestDistance = d;
    }
  }
  // Short types (url, otp, mpm) tolerate one typo; longer ones two.
  const allowed = squashed.length <= 4 ? 1 : 2;
  return bestDistance <= allowed ? best : undefined;
}

const LIST = BUTTON_TYPES.map((t) => t.toUpperCase()).join(', ');

export default defineRule({
  meta: {
    id: 'button-type-valid',
    description: 'Every button type is one Meta knows: QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE, OTP, FLOW, CATALOG, MPM, SPM or VOICE_CALL.',
    type: 'structure',
    area: 'buttons',
    defaultSeverity: 'error',
    hasSuggestions: true,
    messages: {
      invalid: 'Unexpected button type `{{type}}` in button {{position}}, expected one of {{list}}{{hint}}',
      replace: 'Replace with `{{suggestion}}`',
    },
    docs: {
      rationale:
        'Meta\'s template API accepts a fixed set of button types (QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE, OTP, FLOW, CATALOG, MPM, SPM, VOICE_CALL) and rejects the whole template when a button has any other type. A misspelled type (`phone`, `quick-reply`) is a common cause of an API error that names no field.',
      details:
        'The comparison ignores case: Meta JSON writes `QUICK_REPLY`, front matter usually `quick_reply`. For an unknown type the finding suggests the closest valid type (written aliases such as `phone`, `link` or `coupon`, or a type one or two letters away); the suggestion keeps the case style of the value. A missing `type` key is reported by `template-schema`.',
      sources: [META.components, BSP.gupshup],
      valid: [
        { title: 'Lower-case types in front matter', draft: exampleDraft('Halo {{1}}, tagihan {{2}} jatuh tempo besok. Terima kasih.', 'buttons:\n  - {type: quick_reply, text: "Sudah bayar"}\n  - {type: url, text: "Bayar", url: "https://tagihan.example.co.id/bayar"}', { language: 'id' }) },
      ],
      invalid: [
        { title: 'A phone button written as `phone`', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.', 'buttons:\n  - {type: phone, text: "Call us", phone_number: "+15550051310"}'), messageIds: ['invalid'] },
      ],
    },
  },
  check({ draft, report }) {
    for (const button of draft.buttons) {
      const type = button.type;
      // No `type` key at all: template-schema reports it.
      if (type.range[0] === button.range[0] && type.range[1] === button.range[1]) continue;
      const value = type.value.trim();
      if ((BUTTON_TYPES as readonly string[]).includes(value)) continue;
      const range = typeValueRange(draft, button);
      const written = draft.file.text.slice(range[0], range[1]);
      const closest = closestButtonType(value);
      const upper = draft.format === 'meta-json' || (/[A-Z]/.test(written) && written === written.toUpperCase());
      const suggestion = closest ? (upper ? closest.toUpperCase() : closest) : undefined;
      report({
        messageId: 'invalid',
        data: { type: written, position: button.index + 1, list: LIST, hint: suggestion ? ` (did you mean \`${suggestion}\`?)` : '' },
        range,
        ...(suggestion ? { suggest: [{ messageId: 'replace', data: { suggestion }, fix: { range, text: suggestion } }] } : {}),
      });
    }
  },
});
