import { describe, expect, it } from 'vitest';
import { createSourceFile, parseMarkdownDraft, type TextField } from '../src/index.js';

function parse(text: string) {
  const file = createSourceFile('draft.md', text);
  return { file, ...parseMarkdownDraft(file) };
}

/** Text of the file at a field's range: what a finding on the whole field would underline. */
function at(text: string, field: TextField | undefined, start = 0, end = field?.value.length ?? 0): string {
  const range = field!.text.fileRange(start, end);
  return text.slice(range[0], range[1]);
}

describe('Markdown draft parser', () => {
  const text = [
    '---',
    'name: order_shipped',
    "category: 'UTILITY'",
    'language: "en_US"',
    'header: "Order {{1}} \\u2014 shipped"',
    'footer: Reply STOP to opt out',
    'buttons:',
    '  - {type: url, text: "Track", url: "https://x.example/t/{{1}}", example: "https://x.example/t/A1"}',
    '  - type: QUICK_REPLY',
    '    text: Help',
    'examples:',
    '  body: [Ana, "A-1"]',
    '---',
    '',
    'Hi {{1}}, your order {{2}} shipped.',
    '',
  ].join('\n');
  const { drafts, problems, file } = parse(text);
  const draft = drafts[0]!;

  it('reads every front matter field without problems', () => {
    expect(problems).toEqual([]);
    expect(draft.name?.value).toBe('order_shipped');
    expect(draft.category?.value).toBe('UTILITY');
    expect(draft.language?.value).toBe('en_US');
    expect(draft.buttons.map((b) => b.type.value)).toEqual(['url', 'quick_reply']);
    expect(draft.bodyExamples.positional.map((e) => e.value)).toEqual(['Ana', 'A-1']);
  });

  it('maps plain, single- and double-quoted scalars to exact file positions', () => {
    expect(at(text, draft.name)).toBe('order_shipped');
    expect(at(text, draft.category)).toBe('UTILITY');
    expect(at(text, draft.language)).toBe('en_US');
    expect(file.lines.position(draft.language!.text.range[0])).toEqual({ line: 4, column: 12 });
  });

  it('maps characters after an escape sequence in a double-quoted string', () => {
    const header = draft.header!.text!;
    expect(header.value).toBe('Order {{1}} — shipped');
    const i = header.value.indexOf('shipped');
    expect(at(text, header, i, i + 7)).toBe('shipped');
    const dash = header.value.indexOf('—');
    expect(at(text, header, dash, dash + 1)).toBe('\\u2014');
  });

  it('maps body offsets to lines below the front matter, trimmed', () => {
    const body = draft.body!.text;
    expect(body.text).toBe('Hi {{1}}, your order {{2}} shipped.');
    const r = body.fileRange(3, 8);
    expect(text.slice(r[0], r[1])).toBe('{{1}}');
    expect(file.lines.position(r[0])).toEqual({ line: 15, column: 4 });
  });

  it('maps button fields inside flow mappings', () => {
    expect(at(text, draft.buttons[0]!.url)).toBe('https://x.example/t/{{1}}');
    expect(file.lines.position(draft.buttons[1]!.text!.range[0])).toEqual({ line: 10, column: 11 });
  });
});

describe('Markdown draft parser: problems', () => {
  it('reports a missing front matter as parse-error at 1:1', () => {
    const { problems } = parse('Hello {{1}}\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.ruleId).toBe('parse-error');
    expect(problems[0]!.range[0]).toBe(0);
  });

  it('reports invalid YAML at its position', () => {
    const { problems, file } = parse('---\nname: [unclosed\ncategory: UTILITY\n---\nBody text here.\n');
    expect(problems[0]!.ruleId).toBe('parse-error');
    expect(file.lines.position(problems[0]!.range[0]).line).toBeGreaterThanOrEqual(2);
  });

  it('reports duplicate keys', () => {
    const { problems, file } = parse('---\nname: a\nname: b\ncategory: UTILITY\nlanguage: en\n---\nBody text.\n');
    expect(problems[0]!.message).toMatch(/duplicate key/);
    expect(file.lines.position(problems[0]!.range[0]).line).toBe(3);
  });

  it('reports an empty body', () => {
    const { problems } = parse('---\nname: a\ncategory: UTILITY\nlanguage: en\n---\n\n  \n');
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/Empty body/)]);
  });

  it('reports unknown keys at the key, and wrong types at the value', () => {
    const { problems, file } = parse('---\nname: a\ncategory: UTILITY\nlanguage: en\nfoter: x\nbuttons: nope\n---\nBody.\n');
    const unknown = problems.find((p) => p.message.includes('foter'))!;
    expect(file.lines.position(unknown.range[0])).toEqual({ line: 5, column: 1 });
    const wrong = problems.find((p) => p.message.includes('buttons'))!;
    expect(file.lines.position(wrong.range[0])).toEqual({ line: 6, column: 10 });
  });

  it('refuses a billion-laughs alias bomb without expanding it', () => {
    const bomb = ['---', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    bomb.push('name: x', 'category: UTILITY', 'language: en', '---', 'Body.');
    const { problems } = parse(bomb.join('\n'));
    expect(problems[0]!.ruleId).toBe('parse-error');
    expect(problems[0]!.message).toMatch(/alias/i);
  });
});

describe('body text', () => {
  it('removes directive comments and keeps positions after them exact', () => {
    const text = '---\nname: a\ncategory: UTILITY\nlanguage: en\n---\n<!-- pesan-disable-next-line param-adjacent -->\nOrder {{1}} {{2}} ok.\n';
    const { drafts, directives } = parse(text);
    const body = drafts[0]!.body!.text;
    expect(body.text).toBe('Order {{1}} {{2}} ok.');
    expect(directives.map((d) => [d.kind, d.ruleIds.map((r) => r.id), d.line])).toEqual([['disable-next-line', ['param-adjacent'], 6]]);
    const r = body.fileRange(6, 11);
    expect(text.slice(r[0], r[1])).toBe('{{1}}');
  });

  it('reads CRLF files: the body uses LF, positions stay exact', () => {
    const text = '---\r\nname: a\r\ncategory: UTILITY\r\nlanguage: en\r\n---\r\nLine one {{1}}\r\nLine two {{2}}\r\n';
    const { drafts, problems, file } = parse(text);
    expect(problems).toEqual([]);
    const body = drafts[0]!.body!.text;
    expect(body.text).toBe('Line one {{1}}\nLine two {{2}}');
    const i = body.text.indexOf('{{2}}');
    expect(file.lines.position(body.fileRange(i, i + 5)[0])).toEqual({ line: 7, column: 10 });
  });

  it('reads front-matter directives written as YAML comments', () => {
    const { directives } = parse('---\nname: a\n# pesan-disable-next-line category-enum -- legacy name\ncategory: utility\nlanguage: en\n---\nBody.\n');
    expect(directives).toHaveLength(1);
    expect(directives[0]!.reason).toBe('legacy name');
    expect(directives[0]!.line).toBe(3);
  });
});

describe('text helpers', () => {
  it('fixedWords gives offsets into the original text, parameters excluded', async () => {
    const { fixedWords } = await import('../src/index.js');
    const text = 'Hi {{1}}, order {{2}} shipped';
    const words = fixedWords(text);
    expect(words.map((w) => w.text)).toEqual(['Hi', 'order', 'shipped']);
    for (const w of words) expect(text.slice(w.start, w.end)).toBe(w.text);
  });

  it('findEmoji skips text-style symbols but counts emoji presentation and FE0F sequences', async () => {
    const { findEmoji } = await import('../src/index.js');
    expect(findEmoji('™ © ‼ 🎉 ❤️ 👍🏽 🇮🇩').map((e) => e.text)).toEqual(['🎉', '❤️', '👍🏽', '🇮🇩']);
  });
});
