import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultConfig, fingerprintHash, FingerprintHasher, Linter, resolveProjectKeys, type RuleCatalog } from '@pesan/core';
import nameUnique from '../src/rules/name-unique-per-language.js';
import duplicateContent, { addNormalised } from '../src/rules/duplicate-content.js';
import { draft } from '../src/testing/rule-tester.js';
import { docsUrl } from '../src/catalog.js';

const catalog: RuleCatalog = { rules: [nameUnique, duplicateContent], version: 'test', docsUrl };
const linter = new Linter(catalog);
const config = defaultConfig(linter.fullCatalog, process.cwd());
const lintAll = (files: [string, string][]) => resolveProjectKeys(files.map(([name, text]) => linter.lintText(text, name, config)));

describe('project rules', () => {
  it('name-unique-per-language: reports the later duplicate, naming the first', () => {
    const results = lintAll([
      ['a.md', draft('Your order {{1}} has shipped today.', '', { name: 'order_shipped' })],
      ['b.md', draft('Pesanan {{1}} Anda sudah dikirim hari ini.', '', { name: 'order_shipped', language: 'id' })],
      ['c.md', draft('Your parcel {{1}} left our warehouse.', '', { name: 'order_shipped' })],
    ]);
    expect(results[0]!.messages).toEqual([]);
    expect(results[1]!.messages).toEqual([]);
    expect(results[2]!.messages.map((m) => [m.ruleId, m.line, m.column, m.message])).toEqual([
      ['name-unique-per-language', 2, 7, 'Unexpected second template `order_shipped` in `en_US`, expected each name and language once (first defined at a.md:2)'],
    ]);
    expect(results[2]!.errorCount).toBe(1);
  });

  it('duplicate-content: same body and footer ignoring case and whitespace; authentication excepted', () => {
    const results = lintAll([
      ['a.md', draft('Your order {{1}} has shipped.', '', { name: 'a' })],
      ['b.md', draft('your  order {{1}}\nhas shipped.', '', { name: 'b' })],
      ['c.md', draft('Your order {{1}} has shipped.', 'footer: Different footer', { name: 'c' })],
      ['d.md', draft('{{1}} is your code.', '', { name: 'd', category: 'AUTHENTICATION' })],
      ['e.md', draft('{{1}} is your code.', '', { name: 'e', category: 'AUTHENTICATION' })],
    ]);
    expect(results.map((r) => r.messages.map((m) => m.ruleId))).toEqual([[], ['duplicate-content'], [], [], []]);
    expect(results[1]!.messages[0]!.message).toContain('a.md:6');
  });

  it('checks templates inside one Meta JSON file', () => {
    const t = (name: string) => ({ name, language: 'en', category: 'UTILITY', components: [{ type: 'BODY', text: `Body of ${name} {{1}}` }] });
    const [result] = lintAll([['x.json', JSON.stringify([t('same'), t('other'), t('same')], null, 1)]]);
    expect(result!.messages.map((m) => [m.ruleId, m.message.includes('line ')])).toEqual([
      ['name-unique-per-language', true],
      ['duplicate-content', true],
    ]);
  });

  it('fingerprintHash stays the same function (fingerprints in baselines and caches depend on it)', () => {
    expect(fingerprintHash('Halo {{1}}\0ação 😀')).toBe('b43fe76b627e7091');
    expect(fingerprintHash('')).toBe('811c9dc501000193');
  });

  it('duplicate-content: the streamed key is the hash of the lower-cased, whitespace-collapsed, trimmed text', () => {
    const spaces = [' ', '  ', '\n', '\t', '\r\n', '\u00a0', '\u2003', '\u2028', '\u3000', '\ufeff', '\u200b', '\u180e'];
    const pieces = ['Halo', 'PESANAN', '{{1}}', 'Ação', 'İ', 'ΣΑΣ', 'ß', '😀', '\ud800', 'x', ...spaces];
    const expected = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        const hasher = new FingerprintHasher();
        addNormalised(hasher, text);
        expect(hasher.digest()).toBe(fingerprintHash(expected(text)));
      }),
      { numRuns: Number(process.env.PESAN_FUZZ_RUNS ?? 300) },
    );
  });
});
