import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, ConfigResolver, isIgnored, Linter, settingsForDraft } from '../src/index.js';
import { draftText, tempTree, testCatalog } from './helpers.js';

const catalog = new Linter(testCatalog).fullCatalog;

describe('config lookup', () => {
  it('uses the nearest config above each draft, without merging parents', () => {
    const root = tempTree({
      'pesan.config.yaml': 'rules:\n  no-marker: warn\n',
      'sub/pesan.config.json': '{"extends": "strict"}',
      'a.md': '', 'sub/b.md': '', 'other/c.md': '',
    });
    const resolver = new ConfigResolver(catalog);
    expect(resolver.forFile(path.join(root, 'a.md')).rules.get('no-marker')!.severity).toBe('warn');
    expect(resolver.forFile(path.join(root, 'other/c.md')).rules.get('no-marker')!.severity).toBe('warn');
    const sub = resolver.forFile(path.join(root, 'sub/b.md'));
    expect(sub.rules.get('no-marker')!.severity).toBe('error');
    expect(sub.rules.get('info-rule')!.severity).toBe('warn');
  });

  it('reads a "pesan" key in package.json', () => {
    const root = tempTree({ 'package.json': '{"name":"x","pesan":{"rules":{"no-marker":"off"}}}', 'a.md': '' });
    expect(new ConfigResolver(catalog).forFile(path.join(root, 'a.md')).rules.get('no-marker')!.severity).toBe('off');
  });

  it('follows extends to a shared file, with options and severity-only overrides', () => {
    const root = tempTree({
      'shared/base.yaml': 'rules:\n  no-marker: [error, {word: FOO}]\n',
      'pesan.config.yml': 'extends: ./shared/base.yaml\nrules:\n  no-marker: warn\n',
    });
    const config = new ConfigResolver(catalog).forDir(root);
    expect(config.rules.get('no-marker')).toEqual({ severity: 'warn', options: { word: 'FOO' } });
  });

  it('applies overrides by glob (relative to the config) and by category', () => {
    const root = tempTree({
      'pesan.config.yaml': [
        'overrides:',
        '  - files: ["legacy/**"]',
        '    rules: {no-marker: off}',
        '  - categories: [MARKETING]',
        '    rules: {info-rule: error}',
        'ignores: ["archive/**"]',
      ].join('\n'),
    });
    const config = new ConfigResolver(catalog).forDir(root);
    expect(settingsForDraft(config, path.join(root, 'legacy/a.md'), 'UTILITY', 'en').get('no-marker')!.severity).toBe('off');
    expect(settingsForDraft(config, path.join(root, 'new/a.md'), 'UTILITY', 'en').get('no-marker')!.severity).toBe('error');
    expect(settingsForDraft(config, path.join(root, 'new/a.md'), 'MARKETING', 'en').get('info-rule')!.severity).toBe('error');
    expect(isIgnored(config, path.join(root, 'archive/x.md'))).toBe(true);
    expect(isIgnored(config, path.join(root, 'live/x.md'))).toBe(false);
    const linter = new Linter(testCatalog);
    expect(linter.lintText(draftText('MARKER'), path.join(root, 'legacy/a.md'), config).messages).toEqual([]);
  });

  const bad: [string, string, RegExp, number | undefined][] = [
    ['unknown key', 'rulez:\n  no-marker: off\n', /unknown key `rulez`/, 1],
    ['unknown rule', 'rules:\n  no-markr: off\n', /unknown rule `no-markr`.*did you mean `no-marker`/, 2],
    ['bad severity', 'rules:\n  no-marker: loud\n', /invalid `rules.no-marker`/, 2],
    ['bad option', 'rules:\n  no-marker: [error, {word: 3}]\n', /invalid options for rule `no-marker`/, 2],
    ['unknown option', 'rules:\n  no-marker: [error, {wrd: x}]\n', /invalid options for rule `no-marker`/, 2],
    ['bad extends', 'extends: nowhere.yaml\n', /neither `recommended`/, 1],
    ['yaml syntax', 'rules: [\n', /invalid YAML/, undefined],
  ];
  for (const [name, content, pattern, line] of bad) {
    it(`names the file, line and problem: ${name}`, () => {
      const root = tempTree({ 'pesan.config.yaml': content });
      let error: unknown;
      try {
        new ConfigResolver(catalog).forDir(root);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const e = error as ConfigError;
      expect(e.message).toMatch(pattern);
      expect(e.file).toBe(path.join(root, 'pesan.config.yaml'));
      if (line !== undefined) expect(e.line).toBe(line);
    });
  }
});
