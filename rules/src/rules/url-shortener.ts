import { defineRule } from '@pesan/core';
import { z } from 'zod';
import { META, BSP } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { BUTTON_SOURCES, draftUrls, hostOf } from '../util/buttons.js';

/** Public URL shorteners: their links hide the destination domain. Matched as the whole host or `www.` + host. */
export const SHORTENER_HOSTS: readonly string[] = [
  'bit.ly', 'bitly.com', 'bit.do', 'tinyurl.com', 'goo.gl', 't.co', 'ow.ly', 'is.gd', 'v.gd', 'buff.ly', 'cutt.ly',
  'rebrand.ly', 's.id', 'shorturl.at', 'tiny.cc', 'rb.gy', 't.ly', 'tr.im', 'lnkd.in', 'shorte.st', 'adf.ly',
  'bl.ink', 'snip.ly', 'qrco.de', 'x.gd', 'shrtco.de', 'urlz.fr', 'surl.li', 'clck.ru', 'u.to', 'did.li',
];

/** `https://www.Bit.ly/` → `bit.ly`. */
function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/\/.*$/, '').replace(/^www\./, '');
}

/** The host list and set per `extraHosts` option (the same array for every draft of a config): built once. */
const hostLists = new WeakMap<readonly string[], { hosts: string[]; set: ReadonlySet<string> }>();
function hostsFor(extraHosts: readonly string[]): { hosts: string[]; set: ReadonlySet<string> } {
  let found = hostLists.get(extraHosts);
  if (!found) {
    const hosts = [...new Set([...SHORTENER_HOSTS, ...extraHosts.map(normaliseHost).filter(Boolean)])];
    found = { hosts, set: new Set(hosts) };
    hostLists.set(extraHosts, found);
  }
  return found;
}

export default defineRule({
  meta: {
    id: 'url-shortener',
    description: 'Links do not use public URL shorteners such as bit.ly or tinyurl.com.',
    type: 'compliance',
    area: 'buttons',
    defaultSeverity: 'warn',
    options: z.strictObject({
      extraHosts: z.array(z.string()).default([]).describe('More shortener hosts to flag (e.g. a shortener your market uses), matched as the whole host or www. plus it.'),
    }),
    messages: {
      shortener: 'Unexpected URL shortener `{{host}}` in the {{where}} link `{{url}}`, expected the full URL on your own domain',
    },
    docs: {
      rationale:
        'Meta\'s template guidelines: "Refrain from using a URL shortener" and "the URL domain in your links should belong to your business". A shortened link hides where it leads, to the reviewer and to the customer. BSP guidance (Meritto) repeats the advice. It is a warning because the quote comes from Meta\'s older guidelines page, but it leans towards an error.',
      details:
        'Checked: the `url` of every button, and links in the header, body and footer, written with `http(s)://` or as a bare `bit.ly/…` (a bare host must be followed by `/`, so prose such as "t.co" is not flagged). A host matches when it equals a listed shortener or `www.` plus it; subdomains such as `maps.app.goo.gl` do not match. The list is data in the rule; `extraHosts` adds to it. There is no fix: only you know the full URL.',
      sources: [META.guidelinesOld, BUTTON_SOURCES.quickreplyGuidelines, BSP.meritto],
      valid: [{ title: 'A link on the business domain', draft: exampleDraft('Halo {{1}}, tagihan {{2}} jatuh tempo besok. Bayar di https://tagihan.example.co.id/bayar sebelum jam 17.00.', '', { language: 'id' }) }],
      invalid: [
        { title: 'A bit.ly button URL', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.', 'buttons:\n  - {type: url, text: "Track package", url: "https://bit.ly/3xYzAbc"}'), messageIds: ['shortener'] },
        { title: 'A bare s.id link in the body', draft: exampleDraft('Halo {{1}}, tagihan {{2}} jatuh tempo besok. Bayar di s.id/bayar-tagihan sebelum jam 17.00.', '', { language: 'id' }), messageIds: ['shortener'] },
      ],
    },
  },
  check({ draft, options, report }) {
    const { hosts, set } = hostsFor(options.extraHosts);
    for (const found of draftUrls(draft, hosts)) {
      const host = hostOf(found.url);
      const bare = host.replace(/^www\./, '');
      if (!set.has(bare)) continue;
      report({
        messageId: 'shortener',
        data: { host: bare, where: found.where, url: found.url },
        range: found.field.text.fileRange(found.start, found.end),
      });
    }
  },
});
