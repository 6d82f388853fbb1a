import { describe, expect, it } from 'vitest';
import { defaultConfig, Linter } from '../src/index.js';
import { draftText, testCatalog } from './helpers.js';

const linter = new Linter(testCatalog);
const config = defaultConfig(linter.fullCatalog, process.cwd());
const lint = (text: string) => linter.lintText(text, 'draft.md', config).messages;

describe('engine', () => {
  it('stamps rule id, severity, docs URL and 1-based positions on findings', () => {
    const [finding] = lint(draftText('Hello MARKER there'));
    expect(finding).toMatchObject({ ruleId: 'no-marker', severity: 2, url: 'https://docs.example/no-marker', line: 6, column: 7, endLine: 6, endColumn: 13, message: 'Unexpected MARKER', messageId: 'found' });
    expect(finding!.fix).toEqual({ range: [53, 59], text: 'marker' });
  });

  it('counts columns in UTF-16 code units after astral characters', () => {
    const [finding] = lint(draftText('😀😀 MARKER'));
    expect(finding!.column).toBe(6);
  });

  it('turns info rules off in recommended and applies category filters', () => {
    expect(lint(draftText('text', 'MARKETING')).map((f) => f.ruleId)).toEqual([]);
  });

  it('skips a UTF-8 BOM without shifting columns', () => {
    expect(lint(`\uFEFF${draftText('MARKER')}`)[0]!.column).toBe(1);
  });

  it('applies disable, enable, disable-line and disable-next-line directives', () => {
    const text = draftText(
      [
        'MARKER one',
        '<!-- pesan-disable no-marker -- legacy copy -->',
        'MARKER two',
        '<!-- pesan-enable no-marker -->',
        'MARKER three',
        '<!-- pesan-disable-next-line -->',
        'MARKER four',
        'MARKER five <!-- pesan-disable-line no-marker -->',
      ].join('\n'),
    );
    const lines = lint(text).map((f) => `${f.ruleId}@${f.line}`);
    expect(lines).toEqual(['no-marker@6', 'no-marker@10']);
  });

  it('reports unknown rule ids and unused directives', () => {
    const found = lint(draftText('<!-- pesan-disable-next-line no-such-rule -->\nclean text\n<!-- pesan-disable-next-line no-marker -->\nclean'));
    expect(found.map((f) => f.ruleId)).toEqual(['unused-disable-directive', 'unknown-rule-in-directive', 'unused-disable-directive']);
  });

  it('never lets a parse error be disabled', () => {
    const found = linter.lintText('---\nname: [\n---\n<!-- pesan-disable -->\nx', 'a.md', config).messages;
    expect(found.some((f) => f.ruleId === 'parse-error')).toBe(true);
  });

  it('reports a crashing rule as internal-error and keeps going', () => {
    const crashing = { ...testCatalog, rules: [{ ...testCatalog.rules[0]!, check: () => { throw new Error('boom'); } }] };
    const l = new Linter(crashing);
    const found = l.lintText(draftText('x'), 'a.md', defaultConfig(l.fullCatalog, process.cwd())).messages;
    expect(found.map((f) => [f.ruleId, f.message.includes('boom')])).toEqual([['internal-error', true]]);
  });

  it('sorts findings by position', () => {
    const found = lint(draftText('MARKER\nMARKER MARKER'));
    expect(found.map((f) => [f.line, f.column])).toEqual([[6, 1], [7, 1], [7, 8]]);
  });
});
