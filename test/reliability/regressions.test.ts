/**
 * Regression tests for the bugs the fuzzers and the bad-input corpus found (test/RELIABILITY.md lists them). Each
 * input here broke the linter before its fix: a position outside the file, a fix that broke the file, a crash, a
 * Node warning on stderr, or time that grew with the square of the input.
 *
 * The time bounds of the quadratic cases are at most a tenth of what the old code took, and at least three times
 * what the fixed code takes on a loaded machine.
 */
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFixes, decodeText, readTextFile, UnreadableFileError } from '../../packages/core/dist/index.js';
import { MAX_NESTING } from '../../packages/core/dist/parse/limits.js';
import { valueShape } from '../../rules/dist/lexicon/index.js';
import { formattingSpans } from '../../rules/dist/util/header-body-footer.js';
import { draftPath, fix, lint, positionProblems } from './harness.js';

const FRONT = '---\nname: order_shipped\ncategory: UTILITY\nlanguage: en_US\nexamples:\n  body: ["#4521", "Friday"]\n---\n';
const BODY = 'Your order {{1}} has shipped and should arrive on {{2}}. Thank you for shopping with us.\n';
const md = draftPath('md');
const json = draftPath('json');

/** Lints, checks every position, and returns `ruleId line:column-endLine:endColumn message` per finding. */
function findings(text: string, file = md): string[] {
  const result = lint(text, file);
  expect(positionProblems(text, result.messages)).toEqual([]);
  return result.messages.map((m) => `${m.ruleId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message}`);
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

describe('positions inside the file', () => {
  it('empty body after a CRLF closing fence: the finding starts on the `---` line, not inside the CRLF', () => {
    const text = '---\r\nname: order_shipped\r\ncategory: UTILITY\r\nlanguage: en_US\r\n---\r\n';
    expect(findings(text)).toContain('parse-error 5:1-6:1 Empty body: write the message text below the closing `---` of the front matter.');
  });

  it('a one-character range on the CR of a CRLF takes the whole line break', () => {
    expect(findings('"\r\n', json)).toEqual(['parse-error 1:2-2:1 Invalid JSON: Bad control character in string literal. Fix the syntax at this position.']);
    expect(findings('---\na: &x [1, 2]\n\r\n  bad indent: 1\n---\n')[0]).toMatch(/^parse-error 3:1-4:1 /);
  });

  it('a YAML error at the end of a JSON file stays inside it', () => {
    // Valid JSON that the position parser (YAML) cannot read past: ranges are clamped to the text.
    for (const text of ['[\r\t{\r\t\t"a": [\r\t\t\t"["\r\t\t]\r\t}\r]', '{"a": "b"}\r']) findings(text, json);
  });
});

describe('lone CR line endings (old Mac) read like LF', () => {
  it('front matter: the same findings as with LF, no YAML error', () => {
    const lf = FRONT + BODY;
    const strip = (list: string[]): string[] => list.map((f) => f.split(' ')[0]!);
    expect(strip(findings(lf.replace(/\n/g, '\r')))).toEqual(strip(findings(lf)));
    expect(findings(lf.replace(/\n/g, '\r'))).toEqual(findings(lf));
  });

  it('Meta JSON: no bogus "Invalid YAML in JSON", keys found', () => {
    const lf = JSON.stringify({ name: 'order_shipped', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Your order {{1}} has shipped. Thank you for shopping with us.', example: { body_text: [['#4521']] } }] }, null, 2);
    expect(findings(lf.replace(/\n/g, '\r'), json)).toEqual(findings(lf, json));
  });
});

describe('safe fixes never break the file', () => {
  const phoneJson = (number: string): string =>
    `{"name": "order_shipped", "language": "en_US", "category": "UTILITY", "components": [{"type": "BODY", "text": "Your order {{1}} has shipped. Thank you for shopping with us.", "example": {"body_text": [["#4521"]]}}, {"type": "BUTTONS", "buttons": [{"type": "PHONE_NUMBER", "text": "Call", "phone_number": ${number}}]}]}`;

  it('phone-number-format: the fix never writes a control character, quote or backslash raw into a JSON string', () => {
    for (const number of ['"\\u001b[31m---"', '"+62\\u002021 555"', '"+62\\t21-555"', '"+62 21\\\\555"']) {
      const text = phoneJson(number);
      const fixed = fix(text, json).text;
      expect(() => JSON.parse(fixed), fixed).not.toThrow();
      expect(lint(fixed, json).messages.filter((m) => m.ruleId === 'parse-error')).toEqual([]);
    }
    // Escapes that clean away are fine: the cleaned value replaces the whole string content.
    expect(fix(phoneJson('"+62 21-555.000"'), json).text).toContain('"phone_number": "+6221555000"');
    expect(fix(phoneJson('"+62\\t21-555"'), json).text).toContain('"phone_number": "+6221555"');
  });

  it('phone-number-format: no fix that would put a quote or backslash into a quoted YAML value', () => {
    const draft = (value: string): string => FRONT.replace('---\nname', `---\nbuttons:\n  - type: phone_number\n    text: Call us\n    phone_number: ${value}\nname`) + BODY;
    for (const value of ['+62 21"555', '+62 21\\555', "'+62 21 ''555'''", '"+62\\x2021 555"']) {
      const fixed = fix(draft(value), md).text;
      expect(lint(fixed, md).messages.filter((m) => m.ruleId === 'parse-error' || m.ruleId === 'template-schema')).toEqual([]);
    }
    expect(fix(draft('+62 21 555 000'), md).text).toContain('phone_number: "+6221555000"');
  });

  it('applying 100,000 fixes is linear (each fix used to copy the whole text)', () => {
    const text = 'ab'.repeat(500_000);
    const fixes = Array.from({ length: 100_000 }, (_, i) => ({ range: [i * 10, i * 10 + 1] as const, text: 'X' }));
    const { value, ms } = timed(() => applyFixes(text, fixes));
    expect(value.applied).toBe(100_000);
    expect(value.text.length).toBe(text.length);
    expect(value.text.slice(0, 12)).toBe('XbababababXb');
    expect(ms).toBeLessThan(2_000);
  });

  it('overlapping and same-place fixes are applied as before: from the end, an overlapping earlier fix left for the next pass', () => {
    expect(applyFixes('abcdef', [{ range: [1, 3], text: 'X' }, { range: [2, 4], text: 'Y' }, { range: [5, 5], text: '1' }, { range: [5, 5], text: '2' }])).toEqual({ text: 'abYe21f', applied: 3 });
  });
});

describe('no Node warning from a draft', () => {
  it('a collection as a front-matter key is reported, without "Keys with collection values will be stringified"', () => {
    const warnings: string[] = [];
    const listener = (w: Error): void => void warnings.push(w.message);
    process.on('warning', listener);
    try {
      const text = FRONT.replace('---\nname', '---\n? [a, b]\n: c\n{{1}}: x\nname') + BODY;
      expect(findings(text).filter((f) => f.startsWith('template-schema')).length).toBe(2);
      return new Promise<void>((resolve) => setImmediate(resolve)).then(() => expect(warnings).toEqual([]));
    } finally {
      setImmediate(() => process.off('warning', listener));
    }
  });
});

describe('control characters and bidi overrides in messages are escaped', () => {
  it('an ESC sequence in the template name is shown as \\u001b, not sent to the terminal', () => {
    const text = FRONT.replace('name: order_shipped', 'name: "order\\e[2J\\e]0;pwned\\a_shipped\u202e"') + BODY;
    const name = lint(text, md).messages.find((m) => m.ruleId === 'name-charset')!;
    expect(name.message).toContain('`order\\u001b[2J\\u001b]0;pwned\\u0007_shipped\\u202e`');
    expect(name.message).not.toMatch(/[\p{Cc}\u202e]/u);
  });
});

describe('input limits (bounded time and memory)', () => {
  it('a draft larger than 1 MB (Markdown) is one parse-error finding, not linted', () => {
    const text = FRONT + 'x'.repeat(1024 * 1024);
    const { value, ms } = timed(() => findings(text));
    expect(value).toEqual(['parse-error 1:1-1:2 File too large to be a draft (1.00 MB; a Markdown draft holds one template and is at most 1 MB): not linted.']);
    expect(ms).toBeLessThan(2_000);
  });

  it('files over the limit are refused before they are read; so is stdin', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pesan-limit-'));
    const file = path.join(dir, 'huge.json');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 4 * 1024 * 1024 * 1024);
    closeSync(fd);
    expect(() => readTextFile(file)).toThrow(UnreadableFileError);
    expect(() => readTextFile(file)).toThrow(/too large to be a draft \(4096 MB; a Meta JSON file of templates is at most 8 MB\)/);
    expect(() => decodeText('x.md', new Uint8Array(1024 * 1024 + 1))).toThrow(/too large to be a draft/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a NUL byte anywhere makes the file binary (only the first 8 KB were checked)', () => {
    const bytes = Buffer.from(FRONT + 'a'.repeat(20_000) + '\u0000' + BODY);
    expect(() => decodeText('x.md', bytes)).toThrow(/binary content \(NUL byte at byte 20100\)/);
  });

  it(`JSON nested ${MAX_NESTING} levels is read; one more is a parse-error at that bracket (deep nesting crashed Node)`, () => {
    const nested = (depth: number): string => `{"name": "a", "x": ${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
    expect(findings(nested(MAX_NESTING), json).filter((f) => f.startsWith('parse-error'))).toEqual([]);
    expect(findings(nested(MAX_NESTING + 1), json).filter((f) => f.startsWith('parse-error'))).toEqual([
      `parse-error 1:${19 + MAX_NESTING}-1:${20 + MAX_NESTING} Invalid JSON: nested more than ${MAX_NESTING} levels deep here (a template needs fewer than 10). Flatten the structure.`,
    ]);
    // 50,000 levels used to abort the process (V8 "RegExpCompiler Allocation failed" deep in the YAML composer).
    const { ms } = timed(() => findings('{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000), json));
    expect(ms).toBeLessThan(2_000);
  });

  it('YAML front matter nested too deeply (flow or block) is a parse-error; 64 KB of front matter at most', () => {
    const deep = (value: string): string => FRONT.replace('---\nname', `---\nnotes: ${value}\nname`) + BODY;
    expect(findings(deep('['.repeat(63) + ']'.repeat(63))).filter((f) => f.startsWith('parse-error'))).toEqual([]);
    expect(findings(deep('['.repeat(64) + ']'.repeat(64)))[0]).toMatch(/^parse-error 2:71-2:72 Invalid YAML: nested more than 64 levels deep/);
    expect(findings(deep(`\n  ${'- '.repeat(100)}x`))[0]).toMatch(/^parse-error 3:\d+-3:\d+ Invalid YAML: nested more than 64 levels deep/);
    expect(findings(deep(`"${'n'.repeat(70_000)}"`))).toEqual([expect.stringMatching(/^parse-error 2:65537-2:65538 Front matter too long \(68\.\d KB; at most 64 KB/)]);
  });

  it('a body too long or too deeply nested for the Markdown parser: directives not read, one parse-error, fast', () => {
    const cases = {
      // 20,000 nested quotes overflowed the stack; `- - - …` 8,190 deep took two minutes.
      quotes: '> '.repeat(20_000) + 'x <!-- pesan-disable -->\n',
      list: Array.from({ length: 120 }, (_, i) => '  '.repeat(i) + '- x').join('\n') + '\n<!-- pesan-disable -->\n',
      compact: '- '.repeat(8190) + 'x<!--a-->',
      long: BODY.repeat(200) + '<!-- pesan-disable -->\n',
    };
    for (const [name, body] of Object.entries(cases)) {
      const { value, ms } = timed(() => findings(FRONT + body));
      expect(value.filter((f) => f.startsWith('parse-error')), name).toEqual([expect.stringMatching(/ Body (too long|nested too deeply) to read its directive comments/)]);
      expect(ms, name).toBeLessThan(3_000);
    }
    // Within the limits, directives still work.
    expect(findings(FRONT + '<!-- pesan-disable -->\n' + BODY)).toEqual([]);
  });
});

describe('linear time on long texts (each was quadratic)', () => {
  const cases: [string, () => string, string][] = [
    // A run of `{`: the brace-mistake pattern retried every position of the run (positional-param-syntax & co).
    ['a run of 100,000 `{` in the body', () => FRONT + '{'.repeat(100_000), md],
    // One long sentence full of promotional words: "remove the sentence" re-read the body for every finding.
    ['200,000 characters of promotional words in one sentence', () => FRONT + 'gratis ongkir diskon promo '.repeat(7_500), md],
    // Promotional words in a URL: each match rescanned the whole text for its `unless` terms (lexicon engine).
    ['60,000 characters of promotional words in a URL', () => FRONT.replace('---\nname', `---\nbuttons:\n  - {type: url, text: Go, url: "https://shop.example.com/${'diskon promo '.repeat(4_600)}"}\nname`) + BODY, md],
    // Formatting markers that never close on their line: the span pattern retried every opener to the line end.
    ['60,000 characters of unclosed formatting markers in the footer', () => FRONT.replace('---\nname', `---\nfooter: "${'*a_b~'.repeat(12_000)}"\nname`) + BODY, md],
    // Many parameters in a URL: each was replaced by a search from the start of the URL.
    ['20,000 variables in a URL', () => JSON.stringify({ name: 'order_shipped', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: BODY }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Go', url: `https://shop.example.com/${'{{a}}{{1}}'.repeat(10_000)}` }] }] }), json],
  ];
  for (const [name, make, file] of cases) {
    it(name, () => {
      const text = make();
      const { value, ms } = timed(() => lint(text, file));
      expect(value.messages.filter((m) => m.ruleId === 'internal-error' || m.ruleId === 'parse-error')).toEqual([]);
      expect(ms).toBeLessThan(5_000);
    });
  }

  it('an example value of 200,000 glued short words (`\\n\\n…` read as `\\` and `n`) is measured in linear time', () => {
    const { ms } = timed(() => valueShape('\\n'.repeat(100_000)));
    expect(ms).toBeLessThan(5_000);
  });

  it('formatting spans over 400,000 characters of unclosed markers', () => {
    const { value, ms } = timed(() => formattingSpans('*a_b~'.repeat(80_000)));
    expect(value).toEqual([]);
    expect(ms).toBeLessThan(3_000);
  });

  it('formatting spans: the hand-written scan finds exactly what the old pattern found', () => {
    const OLD: [string, RegExp][] = ['*', '_', '~'].map((marker) => {
      const m = marker === '*' ? '\\*' : marker;
      return [marker, new RegExp(`(?<![\\p{L}\\p{N}${m}])${m}(?![\\s${m}])(?:[^\\n]*?[^\\s${m}])?${m}(?![\\p{L}\\p{N}${m}])`, 'gu')];
    });
    const old = (text: string): { start: number; end: number; marker: string }[] => {
      const out: { start: number; end: number; marker: string }[] = [];
      for (const [marker, re] of OLD) {
        re.lastIndex = 0;
        for (let hit = re.exec(text); hit; hit = re.exec(text)) out.push({ start: hit.index, end: hit.index + hit[0].length, marker });
      }
      return out.sort((a, b) => a.start - b.start);
    };
    const piece = fc.constantFrom('*', '_', '~', 'a', '1', ' ', '\n', '\r', '\u00a0', '𝕏', '\ud835', '\udd4f', '.', 'é', '٣', '*a', 'b_', '~~');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }).map((a) => a.join('')), (text) => {
      expect(formattingSpans(text)).toEqual(old(text));
    }), { numRuns: 5_000 });
  });
});
