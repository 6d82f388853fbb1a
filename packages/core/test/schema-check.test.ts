import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { compileValidityCheck } from '../src/model/schema-check.js';
import { frontMatterSchema, metaTemplateSchema } from '../src/model/schema.js';
import { USE_CASES } from '../src/model/vocabulary.js';

/**
 * The quick validity check may only ever say "valid" when zod agrees (the linter then skips zod); saying "invalid"
 * for a valid value would only cost time, but it should say "valid" for the usual front matter, or it is useless.
 */

const runs = Number(process.env.PESAN_FUZZ_RUNS ?? 300);

const scalar = fc.oneof(
  fc.constantFrom('UTILITY', 'en_US', 'order_shipped', '', 'x', ...USE_CASES),
  fc.integer({ min: -5, max: 1000 }),
  fc.constantFrom(true, false, null, 1.5, Number.NaN, Number.POSITIVE_INFINITY),
);
const keys = ['name', 'category', 'language', 'use_case', 'header', 'footer', 'buttons', 'examples', 'format', 'text', 'type', 'url', 'example',
  'body', 'expect', 'notes', 'add_security_recommendation', 'code_expiration_minutes', 'supported_apps', 'package_name', 'signature_hash',
  'components', 'flow_id', 'unknown_key'];
const { value: anyValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.constantFrom(...keys), tie('value'), { maxKeys: 5 })),
}));

/** Valid front matter, then often one key set to a random value: near misses are where a quick check goes wrong. */
const validFrontMatter = fc.record(
  {
    name: fc.constantFrom('order_shipped', 'x'),
    category: fc.constantFrom('UTILITY', 'MARKETING'),
    language: fc.constantFrom('en_US', 'id'),
    use_case: fc.constantFrom(...USE_CASES),
    header: fc.oneof(fc.constant('Your order'), fc.record({ format: fc.constant('text'), text: fc.constant('Hi'), example: fc.array(fc.string(), { maxLength: 2 }) }, { requiredKeys: ['format'] })),
    footer: fc.constant('Reply STOP'),
    buttons: fc.array(fc.record({ type: fc.constantFrom('url', 'quick_reply'), text: fc.constant('Track'), url: fc.constant('https://x.example/{{1}}'), flow_id: fc.oneof(fc.string(), fc.integer()) }, { requiredKeys: ['type'] }), { maxLength: 3 }),
    examples: fc.record({ body: fc.oneof(fc.array(fc.oneof(fc.string(), fc.integer())), fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer()))) }, { requiredKeys: [] }),
    expect: fc.array(fc.constantFrom('clean', 'no-promotional-content')),
    code_expiration_minutes: fc.integer(),
    add_security_recommendation: fc.boolean(),
  },
  { requiredKeys: ['name', 'category', 'language'] },
);
const likelyFrontMatter = fc
  .tuple(validFrontMatter, fc.option(fc.tuple(fc.constantFrom(...keys), anyValue), { freq: 2 }))
  .map(([valid, change]) => (change === null ? valid : { ...valid, [change[0]]: change[1] }));

describe('compileValidityCheck', () => {
  const check = compileValidityCheck(frontMatterSchema);

  it('says valid only when zod does (front matter schema, generated values)', () => {
    let valid = 0;
    fc.assert(
      fc.property(fc.oneof(likelyFrontMatter, anyValue), (value) => {
        if (check(value)) {
          valid++;
          expect(frontMatterSchema.safeParse(value).success).toBe(true);
        }
      }),
      { numRuns: runs * 4 },
    );
    // The generator reaches valid front matter often enough for the property to mean something.
    expect(valid).toBeGreaterThan(runs / 20);
  });

  it('agrees with zod exactly on these front matters', () => {
    const cases: unknown[] = [
      { name: 'a', category: 'UTILITY', language: 'id' },
      { name: 'a', category: 'UTILITY', language: 'id', buttons: [{ type: 'url', text: 'Lacak', url: 'https://x/{{1}}', example: ['https://x/1'] }] },
      { name: 'a', category: 'UTILITY', language: 'id', examples: { body: { name: 'Budi', '1': 2 } }, header: { format: 'text', text: 'Hi' } },
      { name: 'a', category: 'UTILITY', language: 'id', use_case: 'shipping_update' },
      { name: 'a', category: 'UTILITY', language: 'id', use_case: 'not_a_use_case' },
      { name: 'a', category: 'UTILITY' },
      { name: 'a', category: 'UTILITY', language: 'id', colour: 'red' },
      { name: 'a', category: 'UTILITY', language: 'id', buttons: [{ type: 'url', colour: 'red' }] },
      { name: 'a', category: 'UTILITY', language: 'id', code_expiration_minutes: Number.POSITIVE_INFINITY },
      { name: 1, category: 'UTILITY', language: 'id' },
      ['name'],
      null,
    ];
    for (const value of cases) expect(check(value), JSON.stringify(value)).toBe(frontMatterSchema.safeParse(value).success);
  });

  it('handles loose objects (Meta JSON) and leaves unknown schema features to zod', () => {
    const meta = compileValidityCheck(metaTemplateSchema);
    const template = { name: 'a', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hi', id: 7 }], status: 'APPROVED' };
    expect(meta(template)).toBe(true);
    expect(meta({ ...template, components: 'BODY' })).toBe(false);
    // Refinements and other checks: never answered here, so zod always runs.
    expect(compileValidityCheck(z.string().min(3))('long enough')).toBe(false);
    expect(compileValidityCheck(z.strictObject({ when: z.date() }))({ when: new Date() })).toBe(false);
  });
});
