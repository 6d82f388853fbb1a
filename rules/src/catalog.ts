import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { nodeCrypto, type Rule, type RuleCatalog } from '@pesan/core';
import { allRules } from './rules/index.js';
import { reloadLexicons } from './lexicon/index.js';

// Resolved through the package name, so it also holds when the CLI runs from a single-file bundle.
const packageRoot = path.dirname(fileURLToPath(import.meta.resolve('@pesan/rules/package.json')));
const version = (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;

/** Folder of the generated rule pages (`rules/docs/<id>.md`). */
export const docsDir = path.join(packageRoot, 'docs');

/**
 * Where a rule's page lives. Defaults to the page shipped with Pesan (a file URL, so it opens offline from the
 * terminal, an editor or the HTML report); a team that hosts the docs sets `docsUrl` in its config.
 */
export function docsUrl(id: string): string {
  return pathToFileURL(path.join(docsDir, `${id}.md`)).href;
}

let cachedFingerprint: string | undefined;

/** Hash of the compiled rules and the lexicon data: any change to a rule or a term list invalidates caches. */
function fingerprint(): string {
  if (cachedFingerprint) return cachedFingerprint;
  const hash = nodeCrypto().createHash('md5');
  for (const dir of ['dist', 'lexicons']) {
    const root = path.join(packageRoot, dir);
    let names: string[] = [];
    try {
      names = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((n) => /\.(js|ya?ml|json)$/.test(n)).sort();
    } catch {
      // A folder that does not exist contributes nothing.
    }
    for (const name of names) hash.update(name).update(readFileSync(path.join(root, name)));
  }
  cachedFingerprint = hash.digest('hex');
  return cachedFingerprint;
}

/** Re-reads lexicon files on next use (after an edit in an editor session) and recomputes the fingerprint. */
function reload(): void {
  reloadLexicons();
  cachedFingerprint = undefined;
}

export const catalog: RuleCatalog & { reload(): void } = {
  rules: allRules as readonly Rule[],
  version,
  docsUrl,
  fingerprint,
  reload,
};
