import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { glob } from 'tinyglobby';
import { collectFiles } from '../src/files/collect.js';

/**
 * A directory operand is walked by hand (faster than matching globs against every path); it must find exactly what
 * the globs `**` `/*.md` and `/*.json` with the same ignores find, and also follow links without looping.
 */

let root: string;
const tree = [
  'a.md', 'b.json', 'notes.txt', 'package.json', 'pesan.config.json', '.hidden.md',
  'en/order_shipped.md', 'en/deep/er/payment_due.md', 'en/deep/er/readme.markdown',
  'node_modules/x/skip.md', 'dist/skip.md', '.git/skip.md', '.drafts/skip.md', 'id/dist/skip.md', 'id/pesanan.md',
];

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'pesan-collect-'));
  for (const file of tree) {
    mkdirSync(path.dirname(path.join(root, 'drafts', file)), { recursive: true });
    writeFileSync(path.join(root, 'drafts', file), '---\n');
  }
  mkdirSync(path.join(root, 'elsewhere'));
  writeFileSync(path.join(root, 'elsewhere', 'linked.md'), '---\n');
  symlinkSync(path.join(root, 'elsewhere'), path.join(root, 'drafts', 'linked-dir'));
  symlinkSync(path.join(root, 'elsewhere', 'linked.md'), path.join(root, 'drafts', 'linked-file.md'));
  symlinkSync(path.join(root, 'drafts'), path.join(root, 'drafts', 'en', 'loop'));
  symlinkSync(path.join(root, 'missing.md'), path.join(root, 'drafts', 'dangling.md'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('collectFiles on a directory', () => {
  it('finds the drafts a glob finds, relative to the working directory, sorted', async () => {
    const { files, explicit } = await collectFiles(['drafts'], root);
    expect(files).toEqual([
      'drafts/a.md', 'drafts/b.json', 'drafts/en/deep/er/payment_due.md', 'drafts/en/order_shipped.md', 'drafts/id/pesanan.md',
      'drafts/linked-dir/linked.md', 'drafts/linked-file.md',
    ].map((f) => f.split('/').join(path.sep)));
    expect(explicit.size).toBe(0);
    // The same set as tinyglobby's globs with the ignores it used to get (links to folders entered once there too).
    const globbed = await glob(['**/*.md', '**/*.json'], { cwd: path.join(root, 'drafts'), ignore: ['**/node_modules/**', '**/.git/**', '**/dist/**', 'en/loop/**'], dot: false });
    const expected = globbed.filter((f) => !['package.json', 'pesan.config.json'].includes(path.posix.basename(f)) && f !== 'dangling.md');
    expect(files.map((f) => path.relative('drafts', f).split(path.sep).join('/')).sort()).toEqual(expected.sort());
  });

  it('gives paths inside the folder when it is the working directory, and fails on a folder without drafts', async () => {
    expect((await collectFiles(['.'], path.join(root, 'drafts', 'id'))).files).toEqual(['pesanan.md']);
    await expect(collectFiles(['dist'], path.join(root, 'drafts'))).resolves.toMatchObject({ files: ['dist/skip.md'.split('/').join(path.sep)] });
    mkdirSync(path.join(root, 'empty'));
    await expect(collectFiles(['empty'], root)).rejects.toThrow('No draft files (.md or .json) found in directory "empty"');
  });
});
