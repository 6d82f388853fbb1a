// The template catalog the simulation sends from: the drafts in fixtures/templates (their name, language, category and
// buttons, read with a small front-matter reader so the generator needs no YAML dependency) plus one generated
// MARKETING template per language carrying the marketing opt-out quick reply. Each template gets a stable numeric id
// and its own rate knobs.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LANGUAGES, languageIndex } from './lexicon.js';
import type { Rng } from './prng.js';

export type Category = 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
export const CATEGORIES: readonly Category[] = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];
export const CAT_MARKETING = 0;

export interface QuickReply {
  text: string;
  payload: string;
}

export interface TemplateRates {
  fail: number;
  read: number;
  quickReply: number;
  url: number;
  reply: number;
  reaction: number;
  keyword: number;
  decoy: number;
  optOutButton: number;
  prefStop: number;
}

export interface Template {
  index: number;
  /** 15-digit numeric id: exact as a JSON number (template webhooks carry it as an integer). */
  id: string;
  name: string;
  language: string;
  langIdx: number;
  /** Category index (CATEGORIES) before any re-categorisation. */
  category: number;
  quickReplies: QuickReply[];
  optOut: QuickReply | null;
  /** Text of the URL button, null when the template has none. */
  url: string | null;
  /** Which of the two business phone numbers sends it. */
  phone: number;
  rates: TemplateRates;
  source: string;
}

interface Draft {
  name: string;
  language: string;
  category: string;
  quickReplies: string[];
  url: string | null;
  hasButtons: boolean;
  source: string;
}

const NAME_RE = /^[a-z0-9_]+$/;

/** A front-matter scalar without surrounding quotes; an unbalanced quote stays (and then fails validation). */
function scalar(raw: string): string {
  const v = raw.trim();
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) {
    return v.slice(1, -1);
  }
  return v;
}

function parseMarkdownDraft(text: string, source: string): Draft[] {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!m) return [];
  const fm = m[1]!;
  const field = (key: string): string => {
    const hit = new RegExp(`^${key}:[ \\t]*(.*)$`, 'm').exec(fm);
    return hit ? scalar(hit[1]!) : '';
  };
  const quickReplies: string[] = [];
  let url: string | null = null;
  let hasButtons = false;
  // Buttons are flow mappings on one line each: `- {type: quick_reply, text: "..."}`.
  for (const line of fm.split(/\r?\n/)) {
    const type = /^\s*-\s*\{.*\btype:\s*([a-z_]+)/.exec(line)?.[1];
    if (!type) continue;
    hasButtons = true;
    const label = /\btext:\s*"([^"]*)"/.exec(line)?.[1];
    if (label === undefined) continue;
    if (type === 'quick_reply') quickReplies.push(label);
    else if (type === 'url' && url === null) url = label;
  }
  return [{ name: field('name'), language: field('language'), category: field('category'), quickReplies, url, hasButtons, source }];
}

function parseJsonDraft(text: string, source: string): Draft[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return [];
  }
  const items: unknown[] = Array.isArray(doc)
    ? doc
    : doc && typeof doc === 'object' && Array.isArray((doc as { data?: unknown }).data)
      ? (doc as { data: unknown[] }).data
      : [doc];
  const out: Draft[] = [];
  for (const item of items) {
    if (!item || typeof item !== 'object') continue;
    const o = item as Record<string, unknown>;
    const quickReplies: string[] = [];
    let url: string | null = null;
    let hasButtons = false;
    for (const comp of Array.isArray(o.components) ? o.components : []) {
      const c = comp as { type?: unknown; buttons?: unknown };
      if (String(c.type).toUpperCase() !== 'BUTTONS' || !Array.isArray(c.buttons)) continue;
      for (const button of c.buttons as { type?: unknown; text?: unknown }[]) {
        hasButtons = true;
        const type = String(button.type).toUpperCase();
        if (typeof button.text !== 'string') continue;
        if (type === 'QUICK_REPLY') quickReplies.push(button.text);
        else if (type === 'URL' && url === null) url = button.text;
      }
    }
    out.push({
      name: typeof o.name === 'string' ? o.name : '',
      language: typeof o.language === 'string' ? o.language : '',
      category: typeof o.category === 'string' ? o.category : '',
      quickReplies, url, hasButtons, source,
    });
  }
  return out;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (/\.(md|json)$/.test(entry.name)) out.push(full);
  }
  return out;
}

/**
 * Drafts usable as sent templates: a valid Meta name (a-z0-9_), a language the generator can simulate, a known
 * category. Invalid drafts (e.g. `Order-Shipped`, an unbalanced quote) are skipped, not repaired. Files are read in
 * sorted order and the first draft of a name+language wins, so the catalog does not depend on directory order.
 */
export function loadDrafts(dir: string): Draft[] {
  const files = listFiles(dir).map((f) => path.relative(dir, f).split(path.sep).join('/')).sort();
  const seen = new Set<string>();
  const out: Draft[] = [];
  for (const rel of files) {
    const text = readFileSync(path.join(dir, rel), 'utf8');
    const drafts = rel.endsWith('.json') ? parseJsonDraft(text, rel) : parseMarkdownDraft(text, rel);
    for (const d of drafts) {
      const category = d.category.toUpperCase();
      if (!NAME_RE.test(d.name) || languageIndex(d.language) < 0) continue;
      if (!(CATEGORIES as readonly string[]).includes(category)) continue;
      const key = `${d.name}\u0000${d.language}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ ...d, category });
    }
  }
  return out;
}

/** Payload of a quick reply: the label itself (Meta's default) or a custom code for some templates. */
function payloadFor(label: string, custom: boolean): string {
  if (!custom) return label;
  return label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

function drawRates(rng: Rng, category: string): TemplateRates {
  const marketing = category === 'MARKETING';
  return {
    fail: rng.range(0.04, 0.12),
    read: rng.range(0.55, 0.85),
    quickReply: rng.range(0.03, 0.15),
    url: rng.range(0.02, 0.12),
    reply: rng.range(0.02, 0.06),
    reaction: 0.01,
    // Keyword opt-outs also follow utility sends ("Reply STOP to stop order updates"), just less often.
    keyword: marketing ? rng.range(0.006, 0.015) : rng.range(0.001, 0.004),
    decoy: rng.range(0.003, 0.008),
    optOutButton: marketing ? rng.range(0.01, 0.03) : 0,
    prefStop: marketing ? rng.range(0.006, 0.015) : 0,
  };
}

export interface Catalog {
  templates: Template[];
  /** Zipf-like sending weights, by template index. */
  weights: Float64Array;
}

/**
 * Catalog = usable drafts + generated marketing templates, sorted by name then language (stable template indices).
 * Ids: 15-digit integers below 2^53 so template webhooks can carry them as exact JSON numbers.
 */
export function buildCatalog(drafts: readonly Draft[], rng: Rng): Catalog {
  const specs: Draft[] = [...drafts];
  const have = new Set(drafts.map((d) => `${d.name}\u0000${d.language}`));
  for (const lang of LANGUAGES) {
    const mk = lang.marketing;
    if (have.has(`${mk.name}\u0000${lang.code}`)) continue;
    specs.push({
      name: mk.name, language: lang.code, category: 'MARKETING', quickReplies: [mk.cta], url: mk.url,
      hasButtons: true, source: 'generated',
    });
  }
  specs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.language < b.language ? -1 : a.language > b.language ? 1 : 0));
  const ids = new Set<string>();
  const templates: Template[] = specs.map((d, index) => {
    let id: string;
    do id = String(100000000000000 + Math.floor(rng.float() * 899999999999999)); while (ids.has(id));
    ids.add(id);
    const langIdx = languageIndex(d.language);
    const lang = LANGUAGES[langIdx]!;
    const category = CATEGORIES.indexOf(d.category as Category);
    // A utility draft with no buttons at all still gets the language's default quick replies, so most templates
    // have something to click; drafts that define buttons keep exactly theirs (an OTP-only template has none).
    const labels = !d.hasButtons && d.category === 'UTILITY' ? [...lang.utilityQuickReplies] : d.quickReplies;
    const custom = rng.chance(0.3);
    const quickReplies = labels.map((text) => ({ text, payload: payloadFor(text, custom) }));
    const isGeneratedMarketing = d.source === 'generated';
    const optOut = isGeneratedMarketing ? { text: lang.marketing.optOut, payload: lang.marketing.optOut } : null;
    return {
      index, id, name: d.name, language: d.language, langIdx, category, quickReplies, optOut, url: d.url,
      phone: rng.chance(0.5) ? 1 : 0, rates: drawRates(rng, d.category), source: d.source,
    };
  });
  // Zipf over a seeded permutation of the catalog: a few templates carry most of the volume.
  const order = templates.map((t) => t.index);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const weights = new Float64Array(templates.length);
  order.forEach((tIdx, rank) => {
    weights[tIdx] = 1 / Math.pow(rank + 1, 0.8);
  });
  return { templates, weights };
}
