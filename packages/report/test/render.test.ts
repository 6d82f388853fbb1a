import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript, parseReportQuery, renderPage, type ReportData } from '../src/index.js';

const hostile = '</script><script>window.__pwned=1</script>"><img src=x onerror=window.__pwned=1>\u202Eevil\u2028';

function minimalData(name: string): ReportData {
  const totals = { attempted: 1, sent: 1, delivered: 1, read: 1, failed: 0, clicked: 0, replied: 0, optedOut: 0, deliveryRate: 1, readRate: 1, clickRate: 0, optOutRate: 0, failureRate: 0, urlClicks: null, urlClicksUnique: null, ttrP50Seconds: 5, ttrP90Seconds: 5 };
  return {
    meta: { generatedAt: '2026-01-01T00:00:00Z', pesanVersion: '0', database: name, tz: 'UTC', period: { from: '2026-01-01', to: '2026-01-01', days: 1 }, previousPeriod: null, filters: { template: name }, options: { templates: [], languages: [], categories: [] }, unattributed: 0, lint: null },
    summary: { kpis: { current: totals, previous: null }, funnel: [], timeToRead: { buckets: [], readMessages: 0, p50Seconds: null, p90Seconds: null }, heatmap: [], optOuts: [] },
    templates: { templates: [{ template: name, language: 'en_US', category: 'UTILITY', ...totals, lint: null }] },
    timeseries: { days: [], overall: { template: null, language: null, attempted: [], delivered: [], read: [], clicked: [], optedOut: [] }, series: [], annotations: [] },
    failures: { attempted: 1, byCode: [{ code: 1, class: 'unknown', title: name, failed: 1 }], byClass: [] },
    lint: { available: false, rules: [], actions: [], draftsWithoutMessages: [] },
  };
}

describe('page rendering', () => {
  it('escapes text for HTML and JSON for a script block', () => {
    expect(escapeHtml(`<a href="x">'&`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;');
    const json = jsonForScript({ name: hostile });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ name: hostile });
  });

  it('embeds hostile data without a tag an HTML parser could see, and no external resource', () => {
    const html = renderPage({ mode: 'file', data: minimalData(hostile) });
    expect(html).not.toContain('window.__pwned=1</script>');
    expect(html).not.toContain('<img src=x');
    expect(html.match(/<script\b/g)).toHaveLength(4); // config, data, chart.js, page script
    expect(html).not.toMatch(/\b(?:src|href)=["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?(?:https?:)?\/\//i);
    expect(html).not.toContain('sourceMappingURL');
  });

  it('allows exactly its own inline scripts and style by hash in a strict CSP', () => {
    const html = renderPage({ mode: 'file', data: minimalData('x') });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!.replace(/&#39;/g, "'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline).toHaveLength(2);
    for (const source of inline) expect(csp).toContain(`'sha256-${createHash('sha256').update(source).digest('base64')}'`);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(renderPage({ mode: 'server' })).toContain('connect-src &#39;self&#39;');
  });
});

describe('report size', () => {
  it('stays under 2 MB for 200 templates x 90 days (counts are aggregated before they are embedded)', () => {
    const days = Array.from({ length: 90 }, (_, i) => new Date(Date.UTC(2026, 6, 1 + i)).toISOString().slice(0, 10));
    const data = minimalData('x');
    const big = (n: number): number[] => days.map((_, i) => (n * 7919 + i * 104729) % 99_991);
    data.timeseries = {
      days,
      overall: { template: null, language: null, attempted: big(1), delivered: big(2), read: big(3), clicked: big(4), optedOut: big(5) },
      series: Array.from({ length: 200 }, (_, t) => ({ template: `template_name_number_${t}`, language: 'pt_BR', attempted: big(t), delivered: big(t + 1), read: big(t + 2), clicked: big(t + 3), optedOut: big(t + 4) })),
      annotations: Array.from({ length: 400 }, (_, i) => ({ template: `template_name_number_${i % 200}`, language: 'pt_BR', day: days[i % 90]!, kind: 'quality' as const, label: 'quality GREEN → YELLOW' })),
    };
    const row = data.templates.templates[0]!;
    data.templates.templates = Array.from({ length: 200 }, (_, t) => ({
      ...row,
      template: `template_name_number_${t}`,
      lint: { errors: 3, warnings: 2, files: [`drafts/marketing/template_name_number_${t}.pt.md`], rules: ['param-ratio', 'example-required', 'url-shortener', 'footer-plain-text', 'category-mismatch'].map((ruleId, i) => ({ ruleId, severity: (i < 3 ? 2 : 1) as 1 | 2, count: 1, url: `file:///home/someone/projects/pesan/rules/docs/${ruleId}.md`, description: 'Unexpected parameters next to each other, expected words between them (a typical description).' })) },
    }));
    data.summary.heatmap = Array.from({ length: 168 }, (_, i) => ({ weekday: 1 + Math.floor(i / 24), hour: i % 24, delivered: 99_999, read: 88_888 }));
    const bytes = Buffer.byteLength(renderPage({ mode: 'file', data }));
    expect(bytes).toBeLessThan(2_000_000);
  });
});

describe('query validation', () => {
  it('accepts dates, zones, filters and normalises the category', () => {
    expect(parseReportQuery({ from: '2026-10-01', to: '2026-10-31', tz: 'Asia/Jakarta', category: 'marketing', template: '' })).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
      tz: 'Asia/Jakarta',
      category: 'MARKETING',
    });
  });

  it.each([
    [{ from: '2026-02-30' }, 'from: expected a date as YYYY-MM-DD'],
    [{ to: '31/10/2026' }, 'to: expected a date as YYYY-MM-DD'],
    [{ from: '2026-10-02', to: '2026-10-01' }, 'from: from is after to'],
    [{ tz: 'Mars/Olympus' }, 'tz: not an IANA time zone'],
    [{ category: 'PROMO' }, 'category: expected UTILITY, MARKETING or AUTHENTICATION'],
    [{ template: ['a', 'b'] }, 'template: expected a single string'],
    [{ templte: 'x' }, 'templte: unknown parameter'],
    [{ template: 'a\nb' }, 'template: contains control characters'],
  ])('rejects %j with a one-line message', (input, message) => {
    expect(() => parseReportQuery(input)).toThrow(message);
  });
});
