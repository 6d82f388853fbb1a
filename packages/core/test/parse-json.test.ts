import { describe, expect, it } from 'vitest';
import { createSourceFile, parseMetaJson } from '../src/index.js';

function parse(text: string) {
  const file = createSourceFile('t.json', text);
  return { file, ...parseMetaJson(file) };
}

const one = {
  name: 'order_shipped',
  language: 'en_US',
  category: 'UTILITY',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['A-1'] } },
    { type: 'BODY', text: 'Hi {{1}},\nyour order \\"{{2}}\\" shipped.', example: { body_text: [['Ana', 'A-1']] } },
    { type: 'FOOTER', text: 'Reply STOP' },
    { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://x.example/{{1}}', example: ['https://x.example/1'] }] },
  ],
};

describe('Meta JSON parser', () => {
  it('reads one template object with positions inside escaped strings', () => {
    const text = JSON.stringify(one, null, 2);
    const { drafts, problems } = parse(text);
    expect(problems).toEqual([]);
    const d = drafts[0]!;
    expect(d.body!.text.text).toBe('Hi {{1}},\nyour order \\"{{2}}\\" shipped.');
    const i = d.body!.text.text.indexOf('{{2}}');
    const r = d.body!.text.fileRange(i, i + 5);
    expect(text.slice(r[0], r[1])).toBe('{{2}}');
    expect(d.bodyExamples.positional.map((e) => e.value)).toEqual(['Ana', 'A-1']);
    expect(d.header!.examples.map((e) => e.value)).toEqual(['A-1']);
    expect(d.buttons[0]!.type.value).toBe('url');
    expect(d.footer!.value).toBe('Reply STOP');
  });

  it('maps characters after \\n and \\" escapes exactly', () => {
    const text = '{"name":"a","language":"en","category":"UTILITY","components":[{"type":"BODY","text":"A\\n\\"B\\" {{1}} end"}]}';
    const { drafts } = parse(text);
    const body = drafts[0]!.body!.text;
    expect(body.text).toBe('A\n"B" {{1}} end');
    const i = body.text.indexOf('{{1}}');
    const r = body.fileRange(i, i + 5);
    expect(text.slice(r[0], r[1])).toBe('{{1}}');
  });

  it('reads arrays and WhatsApp Manager exports ({data: [...]})', () => {
    expect(parse(JSON.stringify([one, { ...one, name: 'b' }])).drafts.map((d) => d.name?.value)).toEqual(['order_shipped', 'b']);
    expect(parse(JSON.stringify({ data: [one], paging: {} })).drafts).toHaveLength(1);
  });

  it('reports JSON syntax errors at their position', () => {
    const { problems, file } = parse('{\n  "name": "x",,\n}');
    expect(problems[0]!.ruleId).toBe('parse-error');
    expect(file.lines.position(problems[0]!.range[0]).line).toBe(2);
  });

  it('reports missing required fields as template-schema', () => {
    const { problems } = parse(JSON.stringify({ name: 'x', components: [] }));
    expect(problems.map((p) => p.ruleId)).toEqual(['template-schema', 'template-schema']);
    expect(problems.map((p) => p.message).join(' ')).toMatch(/language/);
  });
});
