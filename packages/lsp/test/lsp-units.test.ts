import { describe, expect, it } from 'vitest';
import type { Finding } from '@pesan/core';
import { disableAction, markedTerm } from '../src/actions.js';
import { isDraft, parseText, type Analysis } from '../src/analysis.js';
import { offsetAt, positionAt } from '../src/convert.js';
import { parameterHover } from '../src/hover.js';
import { minimalReplacement, newConfigWithTerm, withAcceptedTerm } from '../src/vocabulary.js';

function analysisOf(filePath: string, text: string): Analysis {
  const { lintedText, format, parsed } = parseText(filePath, text);
  return { ...lintedText, uri: `file://${filePath}`, version: 1, generation: 0, filePath, format, parsed, diagnostics: [] };
}

function findingAt(analysis: Analysis, ruleId: string, needle: string): Finding {
  const start = analysis.file.text.indexOf(needle);
  const range = [start, start + needle.length] as const;
  const p = analysis.file.lines.position(start);
  const e = analysis.file.lines.position(range[1]);
  return { ruleId, severity: 2, message: 'm', line: p.line, column: p.column, endLine: e.line, endColumn: e.column, range };
}

const diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: 'm' };

const md = [
  '---',
  'name: order_update',
  'category: UTILITY',
  'language: en_US',
  'header: |-',
  '  Order {{1}}',
  '  is ready',
  'buttons:',
  '  - {type: quick_reply, text: "Stop"}',
  'examples:',
  '  header: ["#1"]',
  '  body: {first_name: "Ana"}',
  '---',
  'Hi {{first_name}}, your order is ready.',
  '<!-- pesan-disable-next-line body-emoji-limit -->',
  'Thanks {{first_name}}!',
  '',
].join('\n');

describe('disable comments', () => {
  it('inserts an HTML comment above a body line and a YAML comment above a front-matter line', () => {
    const a = analysisOf('/w/d.md', md);
    const body = disableAction(a, findingAt(a, 'param-adjacent', 'Hi {{first_name}}'), diagnostic)!;
    expect(body.edit!.changes!['file:///w/d.md']).toEqual([{ range: { start: { line: 13, character: 0 }, end: { line: 13, character: 0 } }, newText: '<!-- pesan-disable-next-line param-adjacent -->\n' }]);
    const button = disableAction(a, findingAt(a, 'button-text-length', '"Stop"'), diagnostic)!;
    expect(button.edit!.changes!['file:///w/d.md']![0]!.newText).toBe('  # pesan-disable-next-line button-text-length\n');
  });

  it('adds the rule to a disable-next-line comment already above the line', () => {
    const a = analysisOf('/w/d.md', md);
    const action = disableAction(a, findingAt(a, 'param-adjacent', 'Thanks'), diagnostic)!;
    expect(action.edit!.changes!['file:///w/d.md']).toEqual([{ range: { start: { line: 14, character: 45 }, end: { line: 14, character: 45 } }, newText: ', param-adjacent' }]);
  });

  it('is not offered where a comment would become template text, nor for JSON or parse errors', () => {
    const a = analysisOf('/w/d.md', md);
    // Inside the `|-` block scalar a `#` line is header text.
    expect(disableAction(a, findingAt(a, 'header-text-length', 'is ready'), diagnostic)).toBeUndefined();
    expect(disableAction(a, findingAt(a, 'parse-error', 'Hi'), diagnostic)).toBeUndefined();
    const json = analysisOf('/w/t.json', '{"name": "x", "components": []}');
    expect(disableAction(json, findingAt(json, 'name-length', '"x"'), diagnostic)).toBeUndefined();
  });

  it('keeps CRLF line endings', () => {
    const a = analysisOf('/w/d.md', md.replace(/\n/g, '\r\n'));
    const action = disableAction(a, findingAt(a, 'param-adjacent', 'Hi {{first_name}}'), diagnostic)!;
    expect(action.edit!.changes!['file:///w/d.md']![0]!.newText).toBe('<!-- pesan-disable-next-line param-adjacent -->\r\n');
  });
});

describe('hover', () => {
  it('shows a named parameter\'s example and every use in the body', () => {
    const a = analysisOf('/w/d.md', md);
    const offset = a.file.text.indexOf('{{first_name}}!') + 3;
    const hover = parameterHover(a.parsed!.drafts, offset)!;
    expect(hover.markdown).toContain('body parameter `first_name`');
    expect(hover.markdown).toContain('Example: `Ana` (line 12)');
    expect(hover.markdown).toContain('Used 2 times in the body: line 14, line 16 (here).');
    expect(parameterHover(a.parsed!.drafts, a.file.text.indexOf('your'))).toBeUndefined();
  });

  it('says how to add a missing example', () => {
    const a = analysisOf('/w/d.md', md.replace('  body: {first_name: "Ana"}\n', ''));
    const hover = parameterHover(a.parsed!.drafts, a.file.text.indexOf('{{first_name}}') + 2)!;
    expect(hover.markdown).toContain('No example value: add one under `examples.body`');
  });
});

describe('positions', () => {
  it('accounts for a byte-order mark kept by the editor on line 1 only', () => {
    const a = analysisOf('/w/d.md', `\uFEFF${md}`);
    expect(a.bom).toBe(1);
    expect(positionAt(a, 0)).toEqual({ line: 0, character: 1 });
    expect(positionAt(a, a.file.text.indexOf('name'))).toEqual({ line: 1, character: 0 });
    expect(offsetAt(a, { line: 0, character: 1 })).toBe(0);
  });

  it('marks the term of a finding with whitespace collapsed', () => {
    const a = analysisOf('/w/d.md', md.replace('your order is ready', 'your   order\nis ready'));
    expect(markedTerm(a, findingAt(a, 'x', 'order\nis'))).toBe('order is');
  });
});

describe('which documents are drafts', () => {
  it('lints Markdown with front matter and Meta JSON only', () => {
    expect(isDraft('/w/d.md', md)).toBe(true);
    expect(isDraft('/w/README.md', '# Title\n')).toBe(false);
    expect(isDraft('/w/t.json', '{"name": "a", "components": []}')).toBe(true);
    expect(isDraft('/w/package.json', '{"name": "a", "components": []}')).toBe(false);
    expect(isDraft('/w/data.json', '{"a": 1}')).toBe(false);
    expect(isDraft('/w/node_modules/x/d.md', md)).toBe(false);
  });
});

describe('project vocabulary edits', () => {
  it('adds vocabulary.accept to a YAML config, keeping its comments', () => {
    const before = '# Team config\nextends: recommended # base\nrules:\n  body-length-recommended: off\n';
    expect(withAcceptedTerm('/w/pesan.config.yaml', before, 'Diskon')).toBe(`${before}vocabulary:\n  accept:\n    - Diskon\n`);
  });

  it('appends to an existing list (block or flow) and skips a term already there', () => {
    const block = 'vocabulary:\n  accept:\n    - gratis # free shipping is policy\n  reject: []\n';
    expect(withAcceptedTerm('/w/pesan.config.yml', block, 'promo')).toBe('vocabulary:\n  accept:\n    - gratis # free shipping is policy\n    - promo\n  reject: []\n');
    expect(withAcceptedTerm('/w/pesan.config.yaml', 'vocabulary: {accept: [gratis]}\n', 'promo')).toBe('vocabulary: { accept: [ gratis, promo ] }\n');
    expect(withAcceptedTerm('/w/pesan.config.yaml', block, 'Gratis')).toBeUndefined();
    expect(withAcceptedTerm('/w/pesan.config.yaml', 'vocabulary:\n  reject: [x]\n', 'promo')).toBe('vocabulary:\n  reject: [ x ]\n  accept:\n    - promo\n');
  });

  it('keeps the inherited vocabulary when the file starts its own', () => {
    expect(withAcceptedTerm('/w/pesan.config.yaml', 'extends: ../base.yaml\n', 'promo', { accept: ['gratis'], reject: ['murah'] })).toBe(
      'extends: ../base.yaml\nvocabulary:\n  accept:\n    - gratis\n    - promo\n  reject:\n    - murah\n',
    );
  });

  it('edits JSON configs and package.json keeping the indentation', () => {
    expect(withAcceptedTerm('/w/pesan.config.json', '{\n    "rules": {}\n}\n', '50% off')).toBe('{\n    "rules": {},\n    "vocabulary": {\n        "accept": [\n            "50% off"\n        ]\n    }\n}\n');
    expect(withAcceptedTerm('/w/package.json', '{\n  "name": "t",\n  "pesan": {"vocabulary": {"accept": ["a"]}}\n}\n', 'b')).toBe(
      '{\n  "name": "t",\n  "pesan": {\n    "vocabulary": {\n      "accept": [\n        "a",\n        "b"\n      ]\n    }\n  }\n}\n',
    );
    expect(withAcceptedTerm('/w/pesan.config.json', '{ broken', 'b')).toBeUndefined();
  });

  it('writes a new config and computes minimal edits', () => {
    expect(newConfigWithTerm('#1 deal')).toContain('vocabulary:\n  accept:\n    - "#1 deal"\n');
    expect(minimalReplacement('abcdef', 'abXYef')).toEqual({ start: 2, end: 4, text: 'XY' });
    expect(minimalReplacement('abc', 'abc')).toEqual({ start: 3, end: 3, text: '' });
  });
});
