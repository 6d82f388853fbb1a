import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderAll } from '../src/docs/render.js';
import { docsDir } from '../src/catalog.js';

describe('generated rule docs', () => {
  const files = renderAll();
  for (const [name, content] of files) {
    it(`${name} is up to date (run \`npm run docs:rules\` after changing a rule)`, () => {
      const file = path.join(docsDir, name);
      expect(existsSync(file)).toBe(true);
      expect(readFileSync(file, 'utf8')).toBe(content);
    });
  }
  it('documents the draft format', () => {
    expect(existsSync(path.join(docsDir, 'FORMAT.md'))).toBe(true);
  });
});
