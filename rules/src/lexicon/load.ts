import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { fingerprintHash } from '@pesan/core';
import type { z } from 'zod';
import { fold } from './fold.js';
import {
  addToIndex,
  compileTerm,
  emptyIndex,
  Inflector,
  TermSyntaxError,
  type CompiledEntry,
  type CompiledLanguage,
  type CompiledLexicons,
  type CompiledTerm,
} from './compile.js';
import { kindsFileSchema, languageFileSchema, lexiconFileSchema, type KindDef, type LanguageDef } from './schema.js';

/** `rules/lexicons` (the same relative place from `src/lexicon` and `dist/lexicon`). */
// Resolved through the package name, so it also holds when the CLI runs from a single-file bundle.
export const DEFAULT_LEXICON_DIR = path.join(path.dirname(fileURLToPath(import.meta.resolve('@pesan/rules/package.json'))), 'lexicons');

/** A lexicon file is malformed: the message names the file and, where there is one, the entry. */
export class LexiconError extends Error {
  constructor(
    readonly file: string,
    readonly entry: string | undefined,
    detail: string,
  ) {
    super(`${file}${entry ? `: entry ${entry}` : ''}: ${detail}`);
    this.name = 'LexiconError';
  }
}

/** Keyword normal form: folded, anything but letters and digits removed, single spaces. */
export function normalizeKeyword(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function readYaml(source: string, shown: string): unknown {
  try {
    return parseYaml(source);
  } catch (error) {
    throw new LexiconError(shown, undefined, `invalid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

function zodDetail(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ');
}

function entryName(data: unknown, index: number): string {
  const id = (data as { entries?: { id?: unknown }[] } | undefined)?.entries?.[index]?.id;
  return typeof id === 'string' ? `"${id}" (entries[${index}])` : `entries[${index}]`;
}

interface ValidatedFile {
  /** Path relative to the lexicon dir, e.g. `id/promotion.yaml`. */
  rel: string;
  data: unknown;
}

/** Bump when the validated data shape changes, so old caches are ignored. */
const CACHE_VERSION = 2;

/**
 * Size and time of the modules that validate and compile the data (or of the bundle they are part of): cached data
 * is not validated again, so a change of the schemas must not reuse data validated by the old ones.
 */
let stamp: string | undefined;
function codeStamp(): string {
  if (stamp === undefined) {
    stamp = '';
    // This module's own file (in a bundle: the bundle, which changes with any of them), then its neighbours.
    for (const url of [import.meta.url, new URL('./schema.js', import.meta.url).href, new URL('./compile.js', import.meta.url).href]) {
      try {
        const st = statSync(fileURLToPath(url));
        stamp += `${st.size}:${st.mtimeMs};`;
      } catch {
        stamp += '-;';
      }
    }
  }
  return stamp;
}

/**
 * Reads every YAML file under `dir`. Parsing YAML and validating it are the slow parts of loading (~100 ms and
 * ~60 ms for the shipped lexicons), so the validated data (the schemas' output) of an unchanged set of files is
 * cached as JSON in the OS temp folder, under a name that is the hash of the directory, every file's path, size and
 * modification time, and `codeStamp()`: editing any file (or the schemas) invalidates it, a cache is written only after the whole set
 * validated and compiled, and a failing cache write is ignored. Data read from the cache is not validated again.
 */
interface ReadResult {
  kinds: unknown;
  files: ValidatedFile[];
  fromCache: boolean;
  /** Where to write the cache after validation (when caching is on). */
  cacheFile?: string;
}

function readAll(dir: string, shown: (file: string) => string, useCache: boolean): ReadResult {
  const kindsFile = path.join(dir, 'kinds.yaml');
  if (!existsSync(kindsFile)) throw new LexiconError(shown(kindsFile), undefined, 'missing: every lexicon directory declares its kinds in kinds.yaml');
  const rels: string[] = [];
  for (const code of readdirSync(dir).sort()) {
    if (!statSync(path.join(dir, code)).isDirectory()) continue;
    if (!existsSync(path.join(dir, code, 'language.yaml'))) throw new LexiconError(shown(path.join(dir, code)), undefined, 'missing language.yaml (inflection rules, negation words, currencies)');
    for (const f of readdirSync(path.join(dir, code)).sort()) if (/\.ya?ml$/.test(f)) rels.push(`${code}/${f}`);
  }
  // The cache is named after each file's path, size and modification time (not its content: reading and hashing
  // ~65 files cost more than the rest of loading from the cache, on every start).
  let key = `${CACHE_VERSION}\0${codeStamp()}`;
  for (const rel of ['kinds.yaml', ...rels]) {
    const st = statSync(path.join(dir, rel));
    key += `\0${rel}\0${st.size}\0${st.mtimeMs}`;
  }
  const cacheFile = path.join(os.tmpdir(), `pesan-lexicons-${fingerprintHash(`${dir}\0${key}`)}.json`);
  if (useCache && existsSync(cacheFile)) {
    try {
      const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as { kinds: unknown; files: ValidatedFile[] };
      return { ...cached, fromCache: true };
    } catch {
      // A broken cache is rebuilt below.
    }
  }
  const kinds = readYaml(readFileSync(kindsFile, 'utf8'), shown(kindsFile));
  const files = rels.map((rel) => ({ rel, data: readYaml(readFileSync(path.join(dir, rel), 'utf8'), shown(path.join(dir, rel))) }));
  return { kinds, files, fromCache: false, ...(useCache ? { cacheFile } : {}) };
}

function writeCache(cacheFile: string, content: { kinds: unknown; files: ValidatedFile[] }): void {
  try {
    const tmp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(tmp, JSON.stringify(content));
    renameSync(tmp, cacheFile);
  } catch {
    // Read-only temp folder: load from YAML every time.
  }
}

/** The fields of a language that a lazy language (see `lazyLanguage`) computes on first access. */
const LAZY_FIELDS = ['def', 'env', 'indexes', 'combined', 'negBefore', 'negAfter', 'negBeforeEntry', 'negAfterEntry', 'scanIndex', 'entries', 'keywords'] as const;
const pendingBuilds = new WeakMap<object, () => CompiledLanguage>();
/** Prototype of lazy languages: reading any LAZY_FIELDS builds the language and sets them all on the object. */
const lazyPrototype: object = {};
for (const key of LAZY_FIELDS) {
  Object.defineProperty(lazyPrototype, key, {
    get(this: object): unknown {
      const build = pendingBuilds.get(this);
      if (build === undefined) return undefined;
      const built = build();
      pendingBuilds.delete(this);
      for (const field of LAZY_FIELDS) Object.defineProperty(this, field, { value: built[field], writable: true, enumerable: true, configurable: true });
      return (this as Record<string, unknown>)[key];
    },
    enumerable: true,
    configurable: true,
  });
}

/** A language whose terms are compiled when one of its LAZY_FIELDS is first read. */
function lazyLanguage(code: string, slot: number, kindCount: number, build: () => CompiledLanguage): CompiledLanguage {
  const lang = Object.create(lazyPrototype) as CompiledLanguage;
  Object.assign(lang, { code, slot, kindCount });
  pendingBuilds.set(lang, build);
  return lang;
}

/**
 * Loads, validates and compiles every lexicon under `dir` (not cached in memory: use `getLexicons()` for the shared
 * copy). Throws LexiconError naming the file and the entry when a file is malformed.
 */
export function loadLexicons(dir: string = DEFAULT_LEXICON_DIR, options: { cache?: boolean } = {}): CompiledLexicons {
  const shown = (file: string) => path.relative(process.cwd(), file) || file;
  const read = readAll(dir, shown, options.cache ?? dir === DEFAULT_LEXICON_DIR);
  const kindsFile = path.join(dir, 'kinds.yaml');
  // Validated data goes to the cache (written at the end, when everything compiled).
  const validated = new Map<string, unknown>();
  const kindsParsed = read.fromCache ? { success: true as const, data: read.kinds as Record<string, KindDef> } : kindsFileSchema.safeParse(read.kinds);
  if (!kindsParsed.success) throw new LexiconError(shown(kindsFile), undefined, zodDetail(kindsParsed.error));
  const kinds: Record<string, KindDef> = kindsParsed.data;
  const kindSlots = new Map(Object.keys(kinds).map((kind, i) => [kind, i]));
  const byRel = new Map(read.files.map((f) => [f.rel, f.data]));

  const languages = new Map<string, CompiledLanguage>();
  const langDirs = [...new Set(read.files.map((f) => f.rel.split('/')[0]!))].sort();
  const build = (code: string, slot: number): CompiledLanguage => {
    const langFile = path.join(dir, code, 'language.yaml');
    if (!byRel.has(`${code}/language.yaml`)) throw new LexiconError(shown(path.join(dir, code)), undefined, 'missing language.yaml (inflection rules, negation words, currencies)');
    const langData = byRel.get(`${code}/language.yaml`);
    const langParsed = read.fromCache ? { success: true as const, data: langData as LanguageDef } : languageFileSchema.safeParse(langData);
    if (!langParsed.success) throw new LexiconError(shown(langFile), undefined, zodDetail(langParsed.error));
    const def = langParsed.data;
    validated.set(`${code}/language.yaml`, def);
    const env = {
      inflector: new Inflector(def),
      currencies: new Set(def.currencies.map(fold)),
      months: new Set(def.dates.months.map(fold)),
      weekdays: new Set(def.dates.weekdays.map(fold)),
      relativeDays: def.dates.relative.map((r) => fold(r).split(/\s+/)),
      timeWords: new Set(def.time_words.map(fold)),
    };
    const negEntry = (kind: string): CompiledEntry => ({ id: `negation-${kind}`, label: kind, kind: 'negation', language: code, file: shown(langFile), def: undefined as never, terms: [], requires: undefined, unless: undefined, except: undefined, kindSlot: -1 });
    const before = negEntry('before');
    const after = negEntry('after');
    const lang: CompiledLanguage = {
      code,
      slot,
      kindCount: kindSlots.size,
      def,
      env,
      indexes: new Map(),
      combined: emptyIndex(),
      negBefore: emptyIndex(),
      negAfter: emptyIndex(),
      negBeforeEntry: before,
      negAfterEntry: after,
      scanIndex: emptyIndex(),
      entries: [],
      keywords: new Map(),
    };
    const scanned: CompiledTerm[] = [];
    const compileOrThrow = (source: string, entry: CompiledEntry, file: string, name: string | undefined): CompiledTerm => {
      try {
        return compileTerm(source, entry);
      } catch (error) {
        if (error instanceof TermSyntaxError) throw new LexiconError(file, name, error.message);
        throw error;
      }
    };
    const negated: CompiledTerm[] = [];
    for (const t of def.negation.before) {
      const term = compileOrThrow(t, before, shown(langFile), undefined);
      addToIndex(lang.negBefore, term);
      negated.push(term);
    }
    for (const t of def.negation.after) {
      const term = compileOrThrow(t, after, shown(langFile), undefined);
      addToIndex(lang.negAfter, term);
      negated.push(term);
    }

    const files = read.files.filter((x) => x.rel.startsWith(`${code}/`) && x.rel !== `${code}/language.yaml`).map((x) => x.rel.slice(code.length + 1));
    for (const f of files) {
      const file = path.join(dir, code, f);
      const name = shown(file);
      const kind = f.replace(/\.ya?ml$/, '');
      const kindDef = kinds[kind];
      if (!kindDef) throw new LexiconError(name, undefined, `unknown kind "${kind}": declare it in kinds.yaml (known: ${Object.keys(kinds).join(', ')})`);
      const data = byRel.get(`${code}/${f}`);
      const parsed = read.fromCache ? { success: true as const, data: data as z.infer<typeof lexiconFileSchema> } : lexiconFileSchema.safeParse(data);
      if (!parsed.success) {
        const first = parsed.error.issues[0]!;
        const at = first.path[0] === 'entries' && typeof first.path[1] === 'number' ? entryName(data, first.path[1]) : undefined;
        throw new LexiconError(name, at, zodDetail(parsed.error));
      }
      validated.set(`${code}/${f}`, parsed.data);
      const ids = new Set<string>();
      parsed.data.entries.forEach((def, i) => {
        const label = entryName(data, i);
        if (ids.has(def.id)) throw new LexiconError(name, label, `duplicate id "${def.id}"`);
        ids.add(def.id);
        if (!kindDef.labels.includes(def.label)) throw new LexiconError(name, label, `label "${def.label}" is not a label of kind ${kind} (expected one of: ${kindDef.labels.join(', ')})`);
        const entry: CompiledEntry = { id: def.id, label: def.label, kind, language: code, file: name, def, terms: [], requires: undefined, unless: undefined, except: undefined, kindSlot: kindSlots.get(kind)! };
        if (kindDef.match === 'whole') {
          let table = lang.keywords.get(kind);
          if (!table) lang.keywords.set(kind, (table = new Map()));
          for (const t of def.terms) {
            if (/[*{}]/.test(t)) throw new LexiconError(name, label, `keyword "${t}" of a whole-text kind cannot use wildcards or placeholders`);
            const key = normalizeKeyword(t);
            if (!key) throw new LexiconError(name, label, `keyword "${t}" has no letters or digits`);
            table.set(key, entry);
          }
        } else {
          entry.terms = def.terms.map((t) => compileOrThrow(t, entry, name, label));
          if (def.requires_context) entry.requires = def.requires_context.map((t) => compileOrThrow(t, entry, name, label));
          if (def.unless) entry.unless = def.unless.map((t) => compileOrThrow(t, entry, name, label));
          if (def.except) entry.except = def.except.map((t) => compileOrThrow(t, entry, name, label));
          let index = lang.indexes.get(kind);
          if (!index) lang.indexes.set(kind, (index = emptyIndex()));
          for (const term of entry.terms) {
            addToIndex(index, term);
            addToIndex(lang.combined, term);
            scanned.push(term);
          }
        }
        lang.entries.push(entry);
      });
    }
    // Phrase terms first, then negation terms: a term list per token keeps the order of `combined`.
    for (const term of scanned) addToIndex(lang.scanIndex, term);
    for (const term of negated) addToIndex(lang.scanIndex, term);
    return lang;
  };
  // Data from the cache validated and compiled without error before: each language is compiled on first use (a
  // draft needs one language). Fresh data is validated and compiled now, so that any error shows at load.
  langDirs.forEach((code, slot) => languages.set(code, read.fromCache ? lazyLanguage(code, slot, kindSlots.size, () => build(code, slot)) : build(code, slot)));
  if (languages.size === 0) throw new LexiconError(shown(dir), undefined, 'no language directories');
  if (!read.fromCache && read.cacheFile) writeCache(read.cacheFile, { kinds, files: read.files.map((f) => ({ rel: f.rel, data: validated.get(f.rel) })) });
  return { dir, kinds, kindSlots, languages, codes: [...languages.keys()] };
}
