import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pesan } from './run-pesan.js';

function tempDraft(name: string, content: string): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'pesan-explain-'));
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return { dir, file };
}

const savedSearch =
  '---\nname: saved_search_match\ncategory: UTILITY\nlanguage: en_US\nexamples:\n  body: ["2019 Honda Civic", "Austin"]\n---\nWe found a {{1}} near {{2}} that meets your saved search. Take a look in the app to see photos and details.\n';

interface ExplainJson {
  filePath: string;
  errors: string[];
  templates: {
    name: string;
    declared: string;
    predicted: string;
    mismatch: boolean;
    scores: Record<string, number>;
    signals: { kind: string; label: string; weight: number; category: string; text: string; line: number; column: number; endLine: number; endColumn: number; reportedBy?: string }[];
  }[];
}

describe('pesan explain', () => {
  it('prints the declared and predicted category, the scores and each signal with file:line:col', () => {
    const { dir } = tempDraft('saved_search_match.md', savedSearch);
    const r = pesan(['explain', 'saved_search_match.md'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('saved_search_match.md: saved_search_match (en_US)');
    expect(r.stdout).toMatch(/declared\s+UTILITY/);
    expect(r.stdout).toMatch(/predicted\s+MARKETING\s+\(differs from the declared category\)/);
    expect(r.stdout).toContain('MARKETING 4, UTILITY 1, AUTHENTICATION 0');
    // body line 8, "saved search" starts at column 45
    expect(r.stdout).toMatch(/saved_search_match\.md:8:45\s+\+4 MARKETING\s+marketing-intent\/saved-search\s+saved-search match `saved search`/);
  });

  it('prints JSON with --format json', () => {
    const { dir } = tempDraft('saved_search_match.md', savedSearch);
    const r = pesan(['explain', 'saved_search_match.md', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const [file] = JSON.parse(r.stdout) as ExplainJson[];
    expect(file!.errors).toEqual([]);
    const [t] = file!.templates;
    expect(t).toMatchObject({ name: 'saved_search_match', declared: 'UTILITY', predicted: 'MARKETING', mismatch: true, scores: { MARKETING: 4, UTILITY: 1, AUTHENTICATION: 0 } });
    expect(t!.signals[0]).toMatchObject({ kind: 'marketing-intent', label: 'saved-search', weight: 4, category: 'MARKETING', text: 'saved search', line: 8, column: 45, endLine: 8, endColumn: 57 });
  });

  it('shows promotional signals as reported by their own rule, and utility evidence', () => {
    const draft = '---\nname: order_shipped\ncategory: UTILITY\nlanguage: id\n---\nPesanan {{1}} sudah dikirim. Dapatkan diskon 20% untuk pembelian berikutnya.\n';
    const { dir } = tempDraft('pesanan.md', draft);
    const r = pesan(['explain', 'pesanan.md', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const t = (JSON.parse(r.stdout) as ExplainJson[])[0]!.templates[0]!;
    expect(t.predicted).toBe('MARKETING');
    expect(t.signals.find((s) => s.label === 'discount')).toMatchObject({ category: 'MARKETING', reportedBy: 'no-promotional-content', line: 6, column: 30 });
    expect(t.signals.some((s) => s.category === 'UTILITY' && s.kind === 'transaction-detail')).toBe(true);
  });

  it('explains every template of a Meta JSON file', () => {
    const json = JSON.stringify([
      { name: 'order_confirmed', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Your order {{1}} is confirmed and ships on {{2}}.', example: { body_text: [['A-1001', 'June 3']] } }] },
      { name: 'login_code', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Your verification code is {{1}}.', example: { body_text: [['482913']] } }] },
    ]);
    const { dir } = tempDraft('templates.json', json);
    const r = pesan(['explain', 'templates.json', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const templates = (JSON.parse(r.stdout) as ExplainJson[])[0]!.templates;
    expect(templates.map((t) => [t.name, t.predicted])).toEqual([
      ['order_confirmed', 'UTILITY'],
      ['login_code', 'AUTHENTICATION'],
    ]);
  });

  it('exits 1 on a draft that cannot be parsed and 2 on a missing path', () => {
    const { dir } = tempDraft('broken.md', '---\nname: [unclosed\n---\nHello\n');
    const broken = pesan(['explain', 'broken.md'], { cwd: dir });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/broken\.md:\d+:\d+: /);
    const missing = pesan(['explain', 'no/such/draft.md'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no\/such\/draft\.md/);
  });
});
