import type { ButtonModel, Draft, Range, RuleSource, TextField } from '@pesan/core';

/** How a button is named in messages: `URL button 2` (type in Meta's upper case, 1-based position). */
export function buttonLabel(button: ButtonModel): string {
  const type = button.type.value.trim();
  return `${type ? type.toUpperCase() : 'untyped'} button ${button.index + 1}`;
}

/** File range of the characters of a button's `type` value, without the quotes around it (kept for `""`). */
export function typeValueRange(draft: Draft, button: ButtonModel): Range {
  const [start, end] = button.type.range;
  const text = draft.file.text;
  const quote = text[start];
  if ((quote === '"' || quote === "'") && end - start > 2 && text[end - 1] === quote) return [start + 1, end - 1];
  return [start, end];
}

/**
 * The source object of a button (`draft.raw`), for fields the model does not lift (flow_id, flow_name...). Keys
 * are returned lower-cased so Meta JSON's mixed-case keys read the same as front matter.
 */
export function rawButton(draft: Draft, button: ButtonModel): Record<string, unknown> | undefined {
  const list: unknown[] = [];
  if (draft.format === 'markdown') {
    const buttons = draft.raw.buttons;
    if (!Array.isArray(buttons)) return undefined;
    // Front matter: the model's index is the position in the YAML sequence.
    const item = buttons[button.index];
    return isObject(item) ? lowerKeys(item) : undefined;
  }
  const components = lowerKeys(draft.raw).components;
  if (!Array.isArray(components)) return undefined;
  for (const component of components) {
    if (!isObject(component)) continue;
    const c = lowerKeys(component);
    if (typeof c.type !== 'string' || c.type.toUpperCase() !== 'BUTTONS' || !Array.isArray(c.buttons)) continue;
    // Meta JSON: the model numbers the object buttons of every BUTTONS component in order.
    for (const b of c.buttons) if (isObject(b)) list.push(b);
  }
  const item = list[button.index];
  return isObject(item) ? lowerKeys(item) : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lowerKeys(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!(k.toLowerCase() in out)) out[k.toLowerCase()] = v;
  return out;
}

/** Where the host of an absolute URL sits in the URL string; undefined when there is no `scheme://`. */
export interface UrlParts {
  /** Lower-case scheme without `://`. */
  scheme: string;
  /** Lower-case host name, without user info or port. */
  host: string;
  hostStart: number;
  hostEnd: number;
  /** Index just past the authority (where the path, query or fragment starts). */
  authorityEnd: number;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

export function urlParts(url: string): UrlParts | undefined {
  const m = SCHEME.exec(url);
  if (!m) return undefined;
  const start = m[0].length;
  let authorityEnd = url.slice(start).search(/[/?#]/);
  authorityEnd = authorityEnd === -1 ? url.length : start + authorityEnd;
  const at = url.lastIndexOf('@', authorityEnd - 1);
  const hostStart = at >= start ? at + 1 : start;
  // A port follows the last colon of the authority (IPv6 literals are not expected in template URLs).
  const colon = url.indexOf(':', hostStart);
  const hostEnd = colon !== -1 && colon < authorityEnd ? colon : authorityEnd;
  return { scheme: (m[1] ?? '').toLowerCase(), host: url.slice(hostStart, hostEnd).toLowerCase(), hostStart, hostEnd, authorityEnd };
}

/**
 * Meta creates an OTP button as a URL button pointing to whatsapp.com/otp/ ("in your template creation request the
 * button type is designated as OTP, but upon creation the button type will be set to URL"), so templates read back
 * from the API show it that way.
 */
export const META_OTP_URL = /^https:\/\/(?:www\.)?whatsapp\.com\/otp\//i;

/** An OTP button as written for creation (`otp`) or as Meta returns it (a URL button to whatsapp.com/otp/). */
export function isOtpButton(button: ButtonModel): boolean {
  const type = button.type.value.trim();
  return type === 'otp' || (type === 'url' && META_OTP_URL.test(button.url?.value.trim() ?? ''));
}

/** A URL found in free text. */
export interface UrlMatch {
  start: number;
  end: number;
  url: string;
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`]+/gi;
/** Characters that end a sentence or close WhatsApp formatting, not the URL. */
const TRAILING = /[.,;:!?'"*_~]+$/;

/** `http(s)://` URLs in free text (a body, a footer), trailing punctuation and formatting markers left out. */
export function urlsInText(text: string): UrlMatch[] {
  const out: UrlMatch[] = [];
  URL_IN_TEXT.lastIndex = 0;
  for (let m = URL_IN_TEXT.exec(text); m; m = URL_IN_TEXT.exec(text)) {
    let url = m[0].replace(TRAILING, '');
    // A closing parenthesis belongs to the URL only when the URL opened one: "(see https://x.com/a)".
    while (url.endsWith(')') && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0)) url = url.slice(0, -1).replace(TRAILING, '');
    out.push({ start: m.index, end: m.index + url.length, url });
  }
  return out;
}

/**
 * Links written without a scheme to one of `hosts` (`bit.ly/promo`, `wa.me/628123`): a host at a word boundary,
 * optionally after `www.`, followed by a `/`. Requiring the slash keeps prose such as "t.co" or "s.id" out.
 */
export function bareLinksTo(text: string, hosts: readonly string[]): UrlMatch[] {
  // Every bare link has a `/` after its host: most texts have none and need no regex at all.
  if (hosts.length === 0 || text.indexOf('/') === -1) return [];
  const re = bareLinkPattern(hosts);
  re.lastIndex = 0;
  const out: UrlMatch[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const url = m[0].replace(TRAILING, '');
    out.push({ start: m.index, end: m.index + url.length, url });
  }
  return out;
}

const bareLinkPatterns = new Map<string, RegExp>();
const bareLinkPatternsByList = new WeakMap<readonly string[], RegExp>();

/**
 * One compiled pattern per host list, built on first use (rules run on every draft; compiling is not free). Rules
 * pass the same array for every draft: found by identity first, without joining the list again.
 */
function bareLinkPattern(hosts: readonly string[]): RegExp {
  const same = bareLinkPatternsByList.get(hosts);
  if (same) return same;
  const key = hosts.join('\n');
  let re = bareLinkPatterns.get(key);
  if (re) bareLinkPatternsByList.set(hosts, re);
  else {
    const alternatives = [...hosts].sort((a, b) => b.length - a.length).map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    re = new RegExp(`(?<![\\w.@/:-])(?:www\\.)?(?:${alternatives.join('|')})/[^\\s<>"'\`]*`, 'gi');
    bareLinkPatterns.set(key, re);
    bareLinkPatternsByList.set(hosts, re);
  }
  return re;
}

/** A URL to check and the text field it sits in, with its position in that field's value. */
export interface LocatedUrl extends UrlMatch {
  field: TextField;
  /** `body`, `header`, `footer` or a button label such as `URL button 1`. */
  where: string;
}

/**
 * Every URL of a draft: the `url` of each button, and links inside the header, body and footer text (with a
 * scheme, or bare links to `bareHosts`).
 */
export function draftUrls(draft: Draft, bareHosts: readonly string[] = NO_HOSTS): readonly LocatedUrl[] {
  // Two rules ask for every draft, each with its own constant host list: answers kept for the last draft.
  if (draft !== urlsDraft) {
    urlsDraft = draft;
    urlsByHosts.clear();
  }
  let urls = urlsByHosts.get(bareHosts);
  if (urls === undefined) urlsByHosts.set(bareHosts, (urls = computeDraftUrls(draft, bareHosts)));
  return urls;
}

const NO_HOSTS: readonly string[] = [];
let urlsDraft: Draft | undefined;
const urlsByHosts = new Map<readonly string[], readonly LocatedUrl[]>();

function computeDraftUrls(draft: Draft, bareHosts: readonly string[]): LocatedUrl[] {
  const out: LocatedUrl[] = [];
  for (const button of draft.buttons) {
    if (!button.url) continue;
    const value = button.url.value;
    const lead = value.length - value.trimStart().length;
    const url = value.trim();
    if (url) out.push({ field: button.url, where: buttonLabel(button), start: lead, end: lead + url.length, url });
  }
  const texts: { where: string; field: TextField | { text: TextField['text'] } }[] = [];
  if (draft.header?.text) texts.push({ where: 'header', field: draft.header.text });
  if (draft.body) texts.push({ where: 'body', field: { text: draft.body.text } });
  if (draft.footer) texts.push({ where: 'footer', field: draft.footer });
  for (const { where, field } of texts) {
    const text = field.text.text;
    const found = urlsInText(text);
    for (const bare of bareLinksTo(text, bareHosts)) {
      if (!found.some((f) => bare.start < f.end && f.start < bare.end)) found.push(bare);
    }
    found.sort((a, b) => a.start - b.start);
    const asField: TextField = 'value' in field ? field : { value: text, text: field.text, range: field.text.range };
    for (const f of found) out.push({ ...f, field: asField, where });
  }
  return out;
}

/** The host of a URL written with or without a scheme (`bit.ly/x` → `bit.ly`), lower case, `www.` kept. */
export function hostOf(url: string): string {
  const parts = urlParts(url);
  if (parts) return parts.host;
  const end = url.search(/[/?#:]/);
  return (end === -1 ? url : url.slice(0, end)).toLowerCase();
}

/** Sources cited only by the button rules (kept here so the shared sources file is not edited concurrently). */
export const BUTTON_SOURCES = {
  twilioCallToAction: { label: 'Twilio: call-to-action content templates', url: 'https://twilio.com/docs/content/twilio-call-to-action' },
  rvops: {
    label: 'RVOps: boas práticas na criação de templates do WhatsApp (BSP-reported)',
    url: 'https://help.rvops.com/central-de-ajuda-rvops-crm/comunicacao/templates-do-whatsapp/como-criar-um-template/boas-praticas-criacao-de-templates',
  },
  metaCoupon: { label: 'Meta: Coupon code templates (updated May 28, 2026)', url: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/marketing-templates/coupon-templates' },
  metaCopyCodeAuth: { label: 'Meta: Copy code authentication templates (updated Jun 24, 2026)', url: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/authentication-templates/copy-code-button-authentication-templates/' },
  metaSendingFlow: { label: 'Meta: WhatsApp Flows, sending a Flow (updated Jun 16, 2026)', url: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/flows/guides/sendingaflow/' },
  quickreplyGuidelines: { label: 'QuickReply.ai: mirror of Meta\'s message template guidelines', url: 'https://help.quickreply.ai/portal/en/kb/articles/message-template-guidelines' },
} satisfies Record<string, RuleSource>;
