import { describe, it } from 'vitest';
import rule from '../src/rules/url-shortener.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';
import { at, buttons, metaJson } from './button-helpers.js';

const BODY = 'Your order {{1}} has shipped and arrives on {{2}}. Thank you.';
const urlButton = (url: string): string => buttons(`{type: url, text: "Track", url: "${url}"}`);

const BUTTON = draft(BODY, urlButton('https://bit.ly/3xYzAbc'));
const BODY_LINK = draft('Halo {{1}}, tagihan {{2}} jatuh tempo besok. Bayar di https://s.id/bayar-tagihan.', '', { language: 'id' });
const BARE = draft('Hola {{1}}, su pedido {{2}} ya salió. Síguelo en tinyurl.com/pedido-mx hoy.', '', { language: 'es_MX' });
const JSON_SHORT = metaJson(BODY, [{ type: 'URL', text: 'Track', url: 'https://www.Bit.ly/{{1}}', example: ['https://www.bit.ly/abc'] }]);

runRuleTests(rule, {
  valid: [
    // the business's own domain
    { code: draft(BODY, urlButton('https://shop.example.com/track')) },
    // prose that only looks like a host: a bare host needs a slash after it
    { code: draft('Our new store at.co opens soon, and t.co is not a link here. Order {{1}} ships {{2}}.') },
    // a subdomain of a listed host is not matched (Google Maps share links)
    { code: draft('Hi {{1}}, your pickup point for order {{2}} is https://maps.app.goo.gl/AbC123 today.') },
    // a host that merely ends like a shortener (Portuguese)
    { code: draft('Olá {{1}}, acompanhe o pedido {{2}} em https://notbit.ly.example.com.br/p agora.', '', { language: 'pt_BR' }) },
    // Meta JSON with a normal URL
    { filename: 'x.json', code: metaJson(BODY, [{ type: 'URL', text: 'Track', url: 'https://shop.example.com' }]) },
  ],
  invalid: [
    // bit.ly button URL: the whole URL is marked
    { code: BUTTON, errors: [{ messageId: 'shortener', ...at(BUTTON, 'https://bit.ly/3xYzAbc'), message: 'URL shortener `bit.ly` in the URL button 1 link `https://bit.ly/3xYzAbc`, expected the full URL on your own domain' }] },
    // a link in the body, trailing full stop left out
    { code: BODY_LINK, errors: [{ messageId: 'shortener', ...at(BODY_LINK, 'https://s.id/bayar-tagihan'), message: 'in the body link' }] },
    // a bare link without a scheme
    { code: BARE, errors: [{ messageId: 'shortener', ...at(BARE, 'tinyurl.com/pedido-mx'), message: '`tinyurl.com`' }] },
    // the footer and the header are checked too
    { code: draft(BODY, 'header: "Sale at https://cutt.ly/abc"\nfooter: "More: rb.gy/x1"'), errors: [{ messageId: 'shortener', line: 5, message: 'header' }, { messageId: 'shortener', line: 6, message: 'footer' }] },
    // extraHosts adds a shortener, written with scheme and www.
    { code: draft(BODY, urlButton('https://lnk.example/abc')), options: { extraHosts: ['https://www.LNK.example'] }, errors: [{ messageId: 'shortener', message: '`lnk.example`' }] },
    // Meta JSON: host case and www. do not matter
    { filename: 'x.json', code: JSON_SHORT, errors: [{ messageId: 'shortener', line: 1, column: JSON_SHORT.indexOf('https://www.Bit') + 1, endColumn: JSON_SHORT.indexOf('{{1}}"') + 6, message: '`bit.ly`' }] },
  ],
}, { describe, it });
