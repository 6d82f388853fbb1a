import { readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fingerprintHash } from '../engine/fingerprint.js';
import picomatch from 'picomatch';
import { parseDocument } from 'yaml';
import type { Rule, LintSettings, Severity } from '../engine/rule.js';
import { configSchema, CONFIG_FILE_NAMES, type ConfigFile } from './schema.js';
import { ConfigError } from './errors.js';
import { locate, type PathKey, type YamlSource } from '../parse/yaml-nodes.js';
import { pathLabel } from '../parse/problems.js';

export interface RuleSetting {
  severity: Severity;
  options: unknown;
}

type Matcher = (relativePath: string) => boolean;

interface ResolvedOverride {
  baseDir: string;
  files?: Matcher;
  categories?: ReadonlySet<string>;
  languages?: ReadonlySet<string>;
  rules: Map<string, Partial<RuleSetting> & { severity: Severity }>;
}

/** A config file resolved against the rule catalog: every rule has a severity and parsed options. */
export interface ResolvedConfig {
  /** The config file, or undefined for the built-in default (`recommended`). */
  file?: string;
  dir: string;
  rules: Map<string, RuleSetting>;
  overrides: ResolvedOverride[];
  ignores: { baseDir: string; match: Matcher }[];
  settings: LintSettings;
  docsUrl?: string;
  /** Hash of everything that can change findings (for caches). */
  hash: string;
}

export type PresetName = 'recommended' | 'strict';

/** A rule catalog: the rules plus where their docs live. Core knows no rule by name; the caller provides this. */
export interface RuleCatalog {
  rules: readonly Rule[];
  version: string;
  docsUrl(id: string): string;
  /** Hash of the catalog's code and data (rules, lexicons): a cache built by other rules is invalid. */
  fingerprint?(): string;
}

const NUMERIC_SEVERITY: Record<number, Severity> = { 0: 'off', 1: 'warn', 2: 'error' };

function toSeverity(value: string | number): Severity {
  return typeof value === 'number' ? (NUMERIC_SEVERITY[value] ?? 'off') : (value as Severity);
}

export function presetSeverity(rule: Rule, preset: PresetName): Severity {
  const d = rule.meta.defaultSeverity;
  if (d === 'info') return preset === 'strict' ? 'warn' : 'off';
  return d;
}

/** Default options of each rule, parsed once per process. */
const defaultOptionsCache = new WeakMap<Rule, unknown>();
export function defaultOptions(rule: Rule): unknown {
  if (defaultOptionsCache.has(rule)) return defaultOptionsCache.get(rule);
  const value = rule.meta.options ? rule.meta.options.parse({}) : {};
  defaultOptionsCache.set(rule, value);
  return value;
}

export function presetRules(catalog: RuleCatalog, preset: PresetName): Map<string, RuleSetting> {
  const map = new Map<string, RuleSetting>();
  for (const rule of catalog.rules) map.set(rule.meta.id, { severity: presetSeverity(rule, preset), options: defaultOptions(rule) });
  return map;
}

export function defaultConfig(catalog: RuleCatalog, dir: string): ResolvedConfig {
  return {
    dir,
    rules: presetRules(catalog, 'recommended'),
    overrides: [],
    ignores: [],
    settings: {},
    hash: hashOf(catalog, 'default'),
  };
}

/** A key for `--cache` entries: FNV, not a crypto hash, so that runs without `--cache` never load `node:crypto`. */
function hashOf(catalog: RuleCatalog, content: string): string {
  return fingerprintHash(`${catalog.version}\0${content}`);
}

interface LoadedFile {
  file: string;
  data: unknown;
  /** Locates a key path in the file for error messages. */
  lineOf(pathKeys: readonly PathKey[]): number | undefined;
  raw: string;
}

function readConfigFile(file: string): LoadedFile {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, undefined, `cannot read the config file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const isPackageJson = path.basename(file) === 'package.json';
  const doc = parseDocument(raw, { prettyErrors: false, uniqueKeys: true });
  const source: YamlSource = { doc, src: raw, base: 0 };
  const lineAt = (offset: number): number => raw.slice(0, offset).split(/\r\n|\r|\n/).length;
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    throw new ConfigError(file, lineAt(first.pos[0]), `invalid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${first.message.split('\n')[0]}`);
  }
  let data: unknown;
  try {
    data = file.endsWith('.json') ? JSON.parse(raw) : doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ConfigError(file, undefined, `invalid config: ${(error as Error).message}`);
  }
  const prefix: PathKey[] = isPackageJson ? ['pesan'] : [];
  if (isPackageJson) data = (data as Record<string, unknown> | null)?.pesan;
  return {
    file,
    data: data ?? {},
    raw,
    lineOf: (keys) => {
      const found = locate(source, [...prefix, ...keys]);
      return found ? lineAt((found.keyRange ?? found.range)[0]) : undefined;
    },
  };
}

function parseRuleEntry(
  catalog: Map<string, Rule>,
  loaded: LoadedFile,
  keyPath: PathKey[],
  id: string,
  entry: unknown,
): Partial<RuleSetting> & { severity: Severity } {
  const rule = catalog.get(id);
  if (!rule) {
    const close = [...catalog.keys()].filter((known) => known.includes(id) || id.includes(known) || editDistance(known, id) <= 3).slice(0, 3);
    throw new ConfigError(loaded.file, loaded.lineOf(keyPath), `unknown rule \`${id}\` in \`${pathLabel(keyPath)}\`${close.length ? ` (did you mean ${close.map((c) => `\`${c}\``).join(', ')}?)` : ''}; run \`pesan rules\` to list rule ids`);
  }
  if (!Array.isArray(entry)) return { severity: toSeverity(entry as string | number) };
  const [severity, ...rest] = entry as [string | number, ...unknown[]];
  const schema = rule.meta.options;
  if (rest.length === 0) return { severity: toSeverity(severity) };
  if (!schema) throw new ConfigError(loaded.file, loaded.lineOf(keyPath), `rule \`${id}\` takes no options; write just the severity`);
  const parsed = schema.safeParse(rest[0]);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(
      loaded.file,
      loaded.lineOf([...keyPath, 1, ...(issue.path as PathKey[])]) ?? loaded.lineOf(keyPath),
      `invalid options for rule \`${id}\` at \`${pathLabel([...keyPath, 1, ...(issue.path as PathKey[])])}\`: ${issue.message}`,
    );
  }
  return { severity: toSeverity(severity), options: parsed.data };
}

/** Loads and resolves one config file (following `extends`). */
export function loadConfigFile(file: string, catalog: RuleCatalog, seen: ReadonlySet<string> = new Set()): ResolvedConfig {
  const absolute = path.resolve(file);
  if (seen.has(absolute)) throw new ConfigError(file, undefined, '`extends` forms a cycle');
  const loaded = readConfigFile(absolute);
  const checked = configSchema.safeParse(loaded.data);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const keyPath = issue.path as PathKey[];
    const detail =
      issue.code === 'unrecognized_keys'
        ? `unknown key \`${issue.keys.join('`, `')}\`${keyPath.length ? ` in \`${pathLabel(keyPath)}\`` : ''}; allowed keys: ${Object.keys(configSchema.shape).filter((k) => k !== '$schema').join(', ')}`
        : `invalid \`${pathLabel(keyPath)}\`: ${issue.message}`;
    throw new ConfigError(absolute, loaded.lineOf(issue.code === 'unrecognized_keys' ? [...keyPath, issue.keys[0]!] : keyPath), detail);
  }
  const config: ConfigFile = checked.data;
  const dir = path.dirname(absolute);
  const byId = new Map(catalog.rules.map((r) => [r.meta.id, r] as const));

  // Start from the last `extends` entry's result, applied in order.
  let base: ResolvedConfig | undefined;
  const parents = config.extends === undefined ? ['recommended'] : Array.isArray(config.extends) ? config.extends : [config.extends];
  for (const parent of parents) {
    let next: ResolvedConfig;
    if (parent === 'recommended' || parent === 'strict' || parent === 'pesan:recommended' || parent === 'pesan:strict') {
      next = { ...defaultConfig(catalog, dir), rules: presetRules(catalog, parent.replace('pesan:', '') as PresetName) };
    } else {
      const target = path.resolve(dir, parent);
      if (!existsSync(target) || !statSync(target).isFile()) {
        throw new ConfigError(absolute, loaded.lineOf(['extends']), `\`extends: ${parent}\` is neither \`recommended\`, \`strict\` nor an existing config file (looked for ${target})`);
      }
      next = loadConfigFile(target, catalog, new Set([...seen, absolute]));
    }
    base = base ? mergeConfigs(base, next) : next;
  }
  const resolved: ResolvedConfig = {
    ...(base as ResolvedConfig),
    file: absolute,
    dir,
    rules: new Map(base!.rules),
    overrides: [...base!.overrides],
    ignores: [...base!.ignores],
    settings: { ...base!.settings },
  };
  for (const [id, entry] of Object.entries(config.rules ?? {})) {
    const setting = parseRuleEntry(byId, loaded, ['rules', id], id, entry);
    const previous = resolved.rules.get(id);
    resolved.rules.set(id, { severity: setting.severity, options: 'options' in setting ? setting.options : (previous?.options ?? defaultOptions(byId.get(id)!)) });
  }
  (config.overrides ?? []).forEach((override, index) => {
    const rules = new Map<string, Partial<RuleSetting> & { severity: Severity }>();
    for (const [id, entry] of Object.entries(override.rules)) rules.set(id, parseRuleEntry(byId, loaded, ['overrides', index, 'rules', id], id, entry));
    const files = override.files === undefined ? undefined : picomatch(override.files, { dot: true });
    resolved.overrides.push({
      baseDir: dir,
      ...(files ? { files } : {}),
      ...(override.categories ? { categories: new Set(override.categories) } : {}),
      ...(override.languages ? { languages: new Set(override.languages) } : {}),
      rules,
    });
  });
  for (const pattern of config.ignores ?? []) resolved.ignores.push({ baseDir: dir, match: picomatch(pattern, { dot: true }) });
  if (config.business) resolved.settings.business = config.business;
  if (config.vocabulary) resolved.settings.vocabulary = config.vocabulary;
  if (config.docsUrl) resolved.docsUrl = config.docsUrl;
  resolved.hash = hashOf(catalog, `${base!.hash}\0${loaded.raw}`);
  return resolved;
}

function mergeConfigs(a: ResolvedConfig, b: ResolvedConfig): ResolvedConfig {
  const rules = new Map(a.rules);
  for (const [id, setting] of b.rules) rules.set(id, setting);
  const merged: ResolvedConfig = {
    ...a,
    rules,
    overrides: [...a.overrides, ...b.overrides],
    ignores: [...a.ignores, ...b.ignores],
    settings: { ...a.settings, ...b.settings },
    hash: `${a.hash}${b.hash}`,
  };
  const docsUrl = b.docsUrl ?? a.docsUrl;
  if (docsUrl) merged.docsUrl = docsUrl;
  return merged;
}

/** Finds the config file that applies to a directory: the nearest one above it. */
export class ConfigResolver {
  private readonly byDir = new Map<string, ResolvedConfig>();
  private readonly byFile = new Map<string, ResolvedConfig>();

  constructor(
    private readonly catalog: RuleCatalog,
    /** An explicit `--config` file used for every draft instead of the lookup. */
    private readonly explicitFile?: string,
  ) {}

  private readonly byWrittenDir = new Map<string, ResolvedConfig>();

  forFile(filePath: string): ResolvedConfig {
    if (this.explicitFile) return this.load(this.explicitFile);
    // The files of a folder share one config: found by the folder as written first, without resolving the path
    // (path.resolve on each of 10,000 files cost more than the rest of the lookup).
    const cut = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf(path.sep));
    const written = cut === -1 ? '' : filePath.slice(0, cut);
    // Files come folder by folder: the last folder's answer first.
    if (written === this.lastWrittenDir && this.lastFound !== undefined) return this.lastFound;
    let found = this.byWrittenDir.get(written);
    if (!found) {
      found = this.forDir(path.dirname(path.resolve(filePath)));
      this.byWrittenDir.set(written, found);
    }
    this.lastWrittenDir = written;
    this.lastFound = found;
    return found;
  }
  private lastWrittenDir: string | undefined;
  private lastFound: ResolvedConfig | undefined;

  private load(file: string): ResolvedConfig {
    const absolute = path.resolve(file);
    let config = this.byFile.get(absolute);
    if (!config) {
      if (!existsSync(absolute)) throw new ConfigError(file, undefined, 'config file not found');
      config = loadConfigFile(absolute, this.catalog);
      this.byFile.set(absolute, config);
    }
    return config;
  }

  forDir(dir: string): ResolvedConfig {
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    let found: ResolvedConfig | undefined;
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) {
        found = this.load(candidate);
        break;
      }
    }
    if (!found) {
      const pkg = path.join(dir, 'package.json');
      if (existsSync(pkg) && packageJsonHasPesanKey(pkg)) found = this.load(pkg);
    }
    if (!found) {
      const parent = path.dirname(dir);
      found = parent === dir ? defaultConfig(this.catalog, dir) : this.forDir(parent);
    }
    this.byDir.set(dir, found);
    return found;
  }
}

function packageJsonHasPesanKey(file: string): boolean {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> | null;
    return typeof data === 'object' && data !== null && 'pesan' in data;
  } catch {
    return false;
  }
}

/** Relative POSIX path of `file` from `baseDir`, for glob matching. */
export function relativeTo(baseDir: string, file: string): string {
  return path.relative(baseDir, path.resolve(file)).split(path.sep).join('/');
}

export function isIgnored(config: ResolvedConfig, file: string): boolean {
  return config.ignores.some((ignore) => {
    const rel = relativeTo(ignore.baseDir, file);
    return !rel.startsWith('..') && ignore.match(rel);
  });
}

/** The rule settings for one draft: the config's rules, then every matching override in order. */
export function settingsForDraft(
  config: ResolvedConfig,
  file: string,
  category: string | undefined,
  language: string | undefined,
): Map<string, RuleSetting> {
  const matching = config.overrides.filter((o) => {
    if (o.files) {
      const rel = relativeTo(o.baseDir, file);
      if (rel.startsWith('..') || !o.files(rel)) return false;
    }
    if (o.categories && (!category || !o.categories.has(category))) return false;
    if (o.languages && (!language || !o.languages.has(language))) return false;
    return true;
  });
  if (matching.length === 0) return config.rules;
  const rules = new Map(config.rules);
  for (const override of matching) {
    for (const [id, setting] of override.rules) {
      const previous = rules.get(id);
      rules.set(id, { severity: setting.severity, options: setting.options ?? previous?.options });
    }
  }
  return rules;
}

/** Levenshtein distance, for "did you mean" hints on misspelled rule ids. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
