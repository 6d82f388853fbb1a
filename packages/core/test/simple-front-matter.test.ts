import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { globSync } from 'tinyglobby';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { MAX_DEPTH, readSimpleFrontMatter } from '../src/parse/simple-front-matter.js';

/**
 * The fast front-matter reader must answer exactly as `yaml` does (same nodes, scalar styles, values and every
 * range) whenever it answers at all, and must leave to `yaml` whatever it does not fully understand.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const runs = Number(process.env.PESAN_FUZZ_RUNS ?? 300);

function shape(node: unknown): unknown {
  if (isMap(node)) return { kind: 'map', flow: Boolean(node.flow), range: node.range, items: node.items.map((p) => [shape(p.key), shape(p.value)]) };
  if (isSeq(node)) return { kind: 'seq', flow: Boolean(node.flow), range: node.range, items: node.items.map(shape) };
  if (isScalar(node)) return { kind: 'scalar', type: node.type, value: node.value, range: node.range, source: node.source };
  return { kind: String(node) };
}

/** Whether the fast reader declined, or answered exactly as the `yaml` parser Pesan uses. */
function agreesWithYaml(src: string): 'declined' | 'same' | string {
  const fast = readSimpleFrontMatter(src);
  if (!fast) return 'declined';
  const doc = parseDocument(src, { uniqueKeys: true, prettyErrors: false, strict: true, logLevel: 'error' });
  if (doc.errors.length > 0) return `yaml reports ${doc.errors[0]!.message.split('\n')[0]}`;
  try {
    expect(shape(fast.contents)).toEqual(shape(doc.contents));
    expect(fast.value).toEqual(doc.toJS());
  } catch (error) {
    return `differs from yaml: ${(error as Error).message.slice(0, 2000)}`;
  }
  return 'same';
}

function frontMatterOf(text: string): string | undefined {
  if (!text.startsWith('---\n')) return undefined;
  const end = text.indexOf('\n---', 3);
  return end < 0 ? undefined : text.slice(4, end + 1);
}

const fixtureFrontMatters = globSync(['fixtures/**/*.md', 'rules/docs/**/*.md'], { cwd: root, absolute: true })
  .map((file) => frontMatterOf(readFileSync(file, 'utf8')))
  .filter((src): src is string => src !== undefined);

describe('readSimpleFrontMatter', () => {
  it('reads most fixture front matter, exactly as yaml does', () => {
    let read = 0;
    for (const src of fixtureFrontMatters) {
      const verdict = agreesWithYaml(src);
      if (verdict === 'same') read++;
      else expect(verdict, src).toBe('declined');
    }
    // The shortcut only pays if it is taken: most drafts are plain `key: value` front matter.
    expect(read / fixtureFrontMatters.length).toBeGreaterThan(0.8);
  });

  it('keeps positions, styles and values of a typical draft', () => {
    const src = [
      'name: order_shipped',
      "category: 'UTILITY'",
      'language: "en_US"',
      'code_expiration_minutes: 10',
      'add_security_recommendation: true',
      'header: "Order {{1}} \\"shipped\\""',
      'buttons:',
      '  - {type: url, text: "Track", url: "https://x.example/t/{{1}}" , example: https://x.example/t/A1}',
      '  - type: QUICK_REPLY',
      "    text: 'It''s fine'",
      'examples:',
      '  body: [Ana, "A-1",  B ]',
      '',
    ].join('\n');
    expect(agreesWithYaml(src)).toBe('same');
    const fast = readSimpleFrontMatter(src)!;
    expect(fast.value).toMatchObject({ category: 'UTILITY', code_expiration_minutes: 10, add_security_recommendation: true, header: 'Order {{1}} "shipped"' });
    expect((fast.value.buttons as { text: string }[])[1]!.text).toBe("It's fine");
  });

  it.each([
    ['a comment', 'name: a # note\n'],
    ['a comment line', '# note\nname: a\n'],
    ['a blank line', 'name: a\n\ncategory: UTILITY\n'],
    ['an empty value', 'name:\ncategory: UTILITY\n'],
    ['a block scalar', 'footer: |\n  text\n'],
    ['an anchor and alias', 'name: &n a\nlanguage: *n\n'],
    ['a tag', 'name: !!str a\n'],
    ['a duplicate key', 'name: a\nname: b\n'],
    ['a duplicate flow key', 'buttons:\n  - {type: url, type: phone}\n'],
    ['CRLF line ends', 'name: a\r\ncategory: UTILITY\r\n'],
    ['a tab', 'name:\ta\n'],
    ['a multi-line plain scalar', 'name: a\n  b\n'],
    ['a multi-line flow sequence', 'examples:\n  body: [a,\n    b]\n'],
    ['a number that is not a small integer', 'code_expiration_minutes: 1.5\n'],
    ['null', 'footer: null\n'],
    ['a colon without a space in a flow map', 'header: {format:text}\n'],
    ['an unknown escape', 'header: "\\u00e9"\n'],
    ['an unclosed quote', 'header: "open\n'],
    ['a sequence at the root', '- a\n'],
    ['a __proto__ key', '__proto__: a\n'],
    ['a key that is not a string', 'buttons:\n  - {type: url, null: x}\n'],
    ['trailing spaces after a value', 'name: a  \n'],
    ['no final line break', 'name: a'],
  ])('leaves %s to yaml', (_what, src) => {
    expect(readSimpleFrontMatter(src)).toBeUndefined();
  });

  it(`reads collections nested up to MAX_DEPTH (${MAX_DEPTH}) deep and leaves deeper ones to yaml and its nesting guard`, () => {
    const nested = (levels: number): string => Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k${i}:\n`).join('') + `${' '.repeat(levels)}leaf: x\n`;
    // `levels` keys with a map below each, plus the root map: levels + 1 collections.
    expect(agreesWithYaml(nested(MAX_DEPTH - 1))).toBe('same');
    expect(readSimpleFrontMatter(nested(MAX_DEPTH))).toBeUndefined();
  });

  it('agrees with yaml on edited fixture front matter (property)', () => {
    const tokens = [' ', '  ', '\n', ':', ': ', '-', '- ', '"', "'", "''", ',', '[', ']', '{', '}', '#', '\\', '\\n', '\\u0041', 'a', 'Z', '1', '0', '.', '~', 'true', 'null', 'é', '{{1}}', '*', '&', '!', '|', '>', '?', '%', '@', '`', '\t', '\r'];
    const edit = fc.record({ at: fc.nat(), drop: fc.nat({ max: 3 }), insert: fc.constantFrom(...tokens, '') });
    fc.assert(
      fc.property(fc.constantFrom(...fixtureFrontMatters), fc.array(edit, { minLength: 1, maxLength: 3 }), (base, edits) => {
        let src = base;
        for (const { at, drop, insert } of edits) {
          const i = at % (src.length + 1);
          src = src.slice(0, i) + insert + src.slice(i + drop);
        }
        const verdict = agreesWithYaml(src);
        return verdict === 'same' || verdict === 'declined' ? true : (expect(verdict, JSON.stringify(src)).toBe('same'), false);
      }),
      { numRuns: runs * 10 },
    );
  });

  it('agrees with yaml on generated front matter (property)', () => {
    const key = fc.stringMatching(/^[a-z_][a-z0-9_-]{0,8}$/);
    const plain = fc.stringMatching(/^[A-Za-z0-9{}.,:/() é+-]{1,12}$/);
    const quoted = fc.string({ maxLength: 10 }).map((s) => JSON.stringify(s));
    const single = fc.stringMatching(/^[a-z ']{0,8}$/).map((s) => `'${s.replace(/'/g, "''")}'`);
    const scalar = fc.oneof(plain, quoted, single, fc.constantFrom('true', 'False', '42', '007', '1.5', '~'));
    const space = fc.constantFrom('', ' ', '  ');
    const flowSeq = fc.tuple(fc.array(fc.tuple(space, scalar, space), { minLength: 1, maxLength: 3 })).map(([items]) => `[${items.map((i) => i.join('')).join(',')}]`);
    const flowMap = fc.array(fc.tuple(key, scalar, space), { minLength: 1, maxLength: 3 }).map((items) => `{${items.map(([k, v, s]) => `${k}: ${v}${s}`).join(', ')}}`);
    const inline = fc.oneof(scalar, flowSeq, flowMap);
    const lines = (indent: string, depth: number): fc.Arbitrary<string[]> =>
      fc.array(
        fc.oneof(
          fc.tuple(key, inline).map(([k, v]) => [`${indent}${k}: ${v}`]),
          ...(depth > 0
            ? [
                fc.tuple(key, lines(`${indent}  `, depth - 1)).map(([k, sub]) => [`${indent}${k}:`, ...sub]),
                fc.tuple(key, fc.array(inline, { minLength: 1, maxLength: 3 }), fc.boolean()).map(([k, items, sameIndent]) => [
                  `${indent}${k}:`,
                  ...items.map((item) => `${indent}${sameIndent ? '' : '  '}- ${item}`),
                ]),
                fc.tuple(key, key, inline, key, inline).map(([k, k1, v1, k2, v2]) => [`${indent}${k}:`, `${indent}  - ${k1}: ${v1}`, `${indent}    ${k2}: ${v2}`]),
              ]
            : []),
        ),
        { minLength: 1, maxLength: 5 },
      ).map((groups) => groups.flat());
    let read = 0;
    let total = 0;
    fc.assert(
      fc.property(lines('', 2), (ls) => {
        const src = `${ls.join('\n')}\n`;
        const verdict = agreesWithYaml(src);
        total++;
        if (verdict === 'same') read++;
        return verdict === 'same' || verdict === 'declined' ? true : (expect(verdict, JSON.stringify(src)).toBe('same'), false);
      }),
      { numRuns: runs * 10 },
    );
    // A good share of generated documents must take the shortcut, or the property proves nothing (the rest hold
    // duplicate keys, non-string scalars, `: ` inside plain scalars or escapes the shortcut leaves to yaml).
    expect(read / total).toBeGreaterThan(0.1);
  });
});
