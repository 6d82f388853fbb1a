import { describe, expect, it } from 'vitest';
import { findTerms, foldText, getLexicons, loadLexicons, valueShape, DEFAULT_LEXICON_DIR } from '../src/lexicon/index.js';
import { kindOf, tableGeneration, tokenizeFolded, tokenList, valueOf } from '../src/lexicon/tokenize.js';

/**
 * The lexicon engine's internal fast paths (interned token ids, one scan per language, caches by content, lazily
 * compiled languages, the bounded token value table) must give exactly the results of the plain definitions.
 */

const TRICKY = [
  'Hi {{1}}, your order #88017 (BK-55102) ships on 20/06/2025 at 7:30 pm. Get 20% off: R$ 1.299,90!',
  "Don't miss it — we'll refund 12,99 € on 20 de junio; no coupon needed.",
  'Ｐｒｏｍｏção válida: PROMOÇÕES 🎉🎉 «oferta» ¿listo? ¡sí! {{ first_name }} {{a{b}} {{}}',
  'Tagihan Rp50rb jatuh tempo 24jam lagi\nBalas STOP untuk berhenti.',
  'x\u0301 \u2019quoted\u2018 ﬁnal ½ ①',
];

describe('compact tokens', () => {
  it('agree with token objects (kinds, values, offsets, sentences)', () => {
    for (const text of TRICKY) {
      const folded = foldText(text).text;
      const objects = tokenizeFolded(folded);
      const list = tokenList(folded);
      expect(list.n).toBe(objects.length);
      const kinds = ['word', 'num', 'param', 'sym', 'brk', 'emoji'];
      objects.forEach((t, i) => {
        const id = list.d[4 * i]!;
        expect(valueOf(id)).toBe(t.value);
        expect(kinds[kindOf(id)]).toBe(t.kind);
        expect(kinds[list.d[4 * i + 3]! & 7]).toBe(t.kind);
        expect([list.d[4 * i + 1], list.d[4 * i + 2], list.d[4 * i + 3]! >> 3]).toEqual([t.start, t.end, t.sentence]);
      });
    }
  });
});

describe('caches', () => {
  const asked = [
    { text: 'Hi {{1}}, your order {{2}} has shipped. Get 20% off your next order! No coupon needed.', languages: ['en'], kinds: ['promotion', 'transaction-detail'] },
    { text: 'Halo {{1}}, pesanan {{2}} sudah dikirim. Dapatkan diskon 20% untuk pembelian berikutnya.', languages: ['id'], kinds: ['promotion', 'use-case'] },
    { text: 'Olá {{1}}, seu pedido {{2}} foi entregue. Compre já, só hoje!', languages: undefined, kinds: ['promotion'] },
    { text: 'Hola {{1}}, tu cita es el 20 de junio a las 10:30. Responde BAJA para no recibir más.', languages: ['es'], kinds: undefined },
  ];
  const run = () => asked.map(({ text, languages, kinds }) => findTerms(text, { ...(languages ? { languages } : {}), ...(kinds ? { kinds } : {}) }));

  it('give the results of a fresh compile of the lexicons', () => {
    const fresh = loadLexicons(DEFAULT_LEXICON_DIR, { cache: false });
    const expected = asked.map(({ text, languages, kinds }) => findTerms(text, { ...(languages ? { languages } : {}), ...(kinds ? { kinds } : {}) }, fresh));
    expect(run()).toEqual(expected);
    // Equal texts in other string objects, and again (cached analyses).
    expect(asked.map(({ text, languages, kinds }) => findTerms(` ${text}`.slice(1), { ...(languages ? { languages } : {}), ...(kinds ? { kinds } : {}) }))).toEqual(expected);
    expect(run()).toEqual(expected);
  });

  it('give the same results after the token value table is reset', () => {
    const before = run();
    const shapes = ['Friday, June 20', '19.30', 'Rp 150.000', 'BK-55102'].map((v) => valueShape(v, ['en', 'id']));
    const generation = tableGeneration();
    // More distinct words than the table keeps (2^17): the next new text starts a new table.
    const words: string[] = [];
    for (let i = 0; i < 140_000; i++) {
      let w = '';
      for (let n = i; w.length < 4 || n > 0; n = Math.floor(n / 26)) w += String.fromCharCode(97 + (n % 26));
      words.push(w);
    }
    findTerms(words.join(' '), { languages: ['en'], kinds: ['promotion'] });
    findTerms('A new text after the flood.', { languages: ['en'] });
    expect(tableGeneration()).toBeGreaterThan(generation);
    expect(run()).toEqual(before);
    expect(['Friday, June 20', '19.30', 'Rp 150.000', 'BK-55102'].map((v) => valueShape(v, ['en', 'id']))).toEqual(shapes);
    expect(getLexicons().languages.get('en')!.entries.length).toBeGreaterThan(0);
  });
});
