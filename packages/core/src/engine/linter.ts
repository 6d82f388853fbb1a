import path from 'node:path';
import type { Draft } from '../model/draft.js';
import { declaredCategory } from '../model/draft.js';
import { parseMarkdownDraft, type ParseResult } from '../parse/markdown.js';
import { parseMetaJson } from '../parse/meta-json.js';
import { createSourceFile, detached, type Range, type SourceFile } from '../source/text.js';
import { compareFindings, summarize, visibleMessage, type FileResult, type Finding, type ProjectKey } from './finding.js';
import { formatMessage, type LintSettings, type ReportDescriptor, type Rule, type RuleContext } from './rule.js';
import { CORE_RULES } from './core-rules.js';
import { draftSizeProblem } from '../parse/limits.js';
import { applyDirectives } from './directives.js';
import { fingerprintHash } from './fingerprint.js';
import { settingsForDraft, type ResolvedConfig, type RuleCatalog, type RuleSetting } from '../config/resolve.js';
import type { Severity } from './rule.js';
import type { MappedText } from '../source/mapped-text.js';

export { fingerprintHash, FingerprintHasher } from './fingerprint.js';

export type DraftFormat = 'markdown' | 'meta-json';

/**
 * Per-rule time in milliseconds, collected when `PESAN_TIMING` is set (ESLint's `TIMING=1`): `pesan lint` prints
 * the slowest rules at the end, so a slow rule is found without a profiler.
 */
export const ruleTimes: Map<string, number> | undefined = process.env.PESAN_TIMING ? new Map() : undefined;

export function formatForPath(filePath: string): DraftFormat {
  return path.extname(filePath).toLowerCase() === '.json' ? 'meta-json' : 'markdown';
}

export function parseDraftFile(file: SourceFile, format: DraftFormat = formatForPath(file.path)): ParseResult {
  return format === 'meta-json' ? parseMetaJson(file) : parseMarkdownDraft(file);
}

export interface LintOptions {
  /** Severity overrides from the command line (`--rule id:severity`), applied last. */
  ruleOverrides?: ReadonlyMap<string, Severity>;
}

/**
 * Runs the rules of a catalog on drafts. It stamps rule id, severity and docs URL on every finding (the rules
 * only say what and where), applies directives and sorts the result.
 */
export class Linter {
  readonly rules: readonly Rule[];
  private readonly byId: Map<string, Rule>;
  private readonly knownIds: ReadonlySet<string>;

  constructor(readonly catalog: RuleCatalog) {
    this.rules = [...CORE_RULES, ...catalog.rules];
    this.byId = new Map(this.rules.map((r) => [r.meta.id, r]));
    this.knownIds = new Set(this.byId.keys());
  }

  private readonly docsUrls = new Map<string, string>();
  /** Docs URLs are stable per rule: build each once (pathToFileURL is not free on a hot path). */
  private docsUrlOf(id: string): string {
    let url = this.docsUrls.get(id);
    if (url === undefined) {
      url = this.catalog.docsUrl(id);
      this.docsUrls.set(id, url);
    }
    return url;
  }

  /** The catalog the config loader validates against (core rules included). */
  get fullCatalog(): RuleCatalog {
    return { rules: this.rules, version: this.catalog.version, docsUrl: (id) => this.catalog.docsUrl(id) };
  }

  lintText(text: string, filePath: string, config: ResolvedConfig, options: LintOptions = {}): FileResult {
    const file = createSourceFile(filePath, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    const format = formatForPath(filePath);
    // Files are refused before they are read (see readTextFile); this covers text from stdin, an editor or an API.
    const tooLarge = draftSizeProblem(format, file.text.length);
    if (tooLarge) {
      const message = `File ${tooLarge}: not linted.`;
      return this.lintParsed(file, { drafts: [], problems: [{ ruleId: 'parse-error', message, range: [0, Math.min(1, file.text.length)] }], directives: [] }, config, options);
    }
    let parsed: ParseResult;
    try {
      parsed = parseDraftFile(file, format);
    } catch (error) {
      // A parser bug must not end the run: the draft gets an internal-error finding, like a crashing rule.
      const reason = error instanceof Error ? error.message : String(error);
      const result = this.lintParsed(file, { drafts: [], problems: [], directives: [] }, config, options);
      const finding = this.internalErrorFinding(file, `The parser failed on this draft (${reason}); please report it with the draft`, config);
      return summarize(result.filePath, [finding, ...result.messages], result.templates);
    }
    return this.lintParsed(file, parsed, config, options);
  }

  private internalErrorFinding(file: SourceFile, message: string, config: ResolvedConfig): Finding {
    const end = file.lines.position(Math.min(1, file.text.length));
    return {
      ruleId: 'internal-error',
      severity: 2,
      message,
      messageId: 'crashed',
      line: 1,
      column: 1,
      endLine: end.line,
      endColumn: end.column,
      range: [0, Math.min(1, file.text.length)],
      url: config.docsUrl ? config.docsUrl.replace('{id}', 'internal-error') : this.docsUrlOf('internal-error'),
      fingerprint: fingerprintHash(`internal-error\0\0\0${file.text.slice(0, 1)}\0crashed`),
    };
  }

  lintParsed(file: SourceFile, parsed: ParseResult, config: ResolvedConfig, options: LintOptions = {}): FileResult {
    const findings: Finding[] = [];
    const fileSettings = this.withCli(config.rules, options);
    const docsUrl = (id: string): string => (config.docsUrl ? config.docsUrl.replace('{id}', id) : this.docsUrlOf(id));
    const text = file.text;
    // An offset between the CR and the LF of a CRLF is not a position on any line: take the whole line break.
    const inCrlf = (i: number): boolean => i > 0 && text.charCodeAt(i - 1) === 13 && text.charCodeAt(i) === 10;
    const wholeLineBreaks = (range: Range): Range => {
      const from = inCrlf(range[0]) ? range[0] - 1 : range[0];
      const to = inCrlf(range[1]) ? range[1] + 1 : range[1];
      return from !== range[0] || to !== range[1] ? [from, Math.max(from, to)] : range;
    };
    /** A finding's position fields and docs URL for `range` (severity not `off`). */
    const locatedFinding = (ruleId: string, severity: Severity, range: Range, message: string): Finding => {
      range = wholeLineBreaks(range);
      const start = file.lines.position(range[0]);
      const end = file.lines.position(range[1]);
      return {
        ruleId,
        severity: severity === 'error' ? 2 : 1,
        message,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        range,
        url: docsUrl(ruleId),
      };
    };
    const makeFinding = (ruleId: string, severity: Severity, range: Range, message: string, extra: Partial<Finding> = {}): Finding | undefined =>
      severity === 'off' ? undefined : Object.assign(locatedFinding(ruleId, severity, range, detached(visibleMessage(message))), extra);
    /**
     * Fingerprint for baselines: rule id, template name and language, and the text the finding marks, so edits
     * elsewhere in the file keep a suppressed finding suppressed.
     */
    const fingerprintOf = (finding: Finding): string =>
      fingerprintHash(`${finding.ruleId}\0${finding.template?.name ?? ''}\0${finding.template?.language ?? ''}\0${file.text.slice(finding.range[0], finding.range[1])}\0${finding.messageId ?? ''}`);
    const stamp = (ruleId: string, severity: Severity, range: Range, message: string, extra: Partial<Finding> = {}): void => {
      const finding = makeFinding(ruleId, severity, range, message, extra);
      if (finding) findings.push(finding);
    };

    for (const problem of parsed.problems) {
      const severity = problem.ruleId === 'parse-error' ? 'error' : (fileSettings.get(problem.ruleId)?.severity ?? 'error');
      stamp(problem.ruleId, severity, problem.range, problem.message, { messageId: problem.ruleId === 'parse-error' ? 'parseError' : 'schema' });
    }
    const projectKeys: ProjectKey[] = [];
    // Every draft has project keys and few are duplicates: no spread of extras, the message left unformatted.
    const makeProjectKey: ProjectKeyFactory = (ruleId, severity, project, message, messageId, template) => {
      const key = locatedFinding(ruleId, severity, project.range, message) as ProjectKey;
      // Kept until the run ends: copies, so that no key or value cut from a draft keeps its file's text alive.
      key.key = detached(project.key);
      key.data = project.data && detachedValues(project.data);
      key.messageId = messageId;
      key.template = template;
      return key;
    };
    for (const draft of parsed.drafts) this.runRules(draft, config, options, stamp, projectKeys, makeProjectKey);

    const outcome = applyDirectives(parsed.directives, findings, this.knownIds, file.lines.lineCount);
    const messages = outcome.kept;
    for (const problem of outcome.problems) {
      const rule = this.byId.get(problem.ruleId)!;
      const severity = fileSettings.get(problem.ruleId)?.severity ?? 'warn';
      const message = formatMessage(rule.meta.messages[problem.messageId] ?? problem.messageId, problem.data);
      const finding = makeFinding(problem.ruleId, severity, problem.range, message, { messageId: problem.messageId });
      if (finding) messages.push(finding);
    }
    messages.sort(compareFindings);
    for (const m of messages) m.fingerprint = fingerprintOf(m);
    const templates = parsed.drafts.map((d) => {
      const described = templateOf(d) as FileResult['templates'][number];
      if (d.category) described.category = detached(d.category.value);
      return described;
    });
    const result = summarize(file.path, messages, templates);
    if (projectKeys.length > 0) result.projectKeys = projectKeys;
    return result;
  }

  /** Resolved settings are the same for every draft of a config without `files` overrides: compute them once. */
  private readonly settingsCache = new WeakMap<ResolvedConfig, Map<string, Map<string, RuleSetting>>>();
  private lastSettings: { config: ResolvedConfig; category: string | undefined; language: string | undefined; settings: Map<string, RuleSetting> } | undefined;
  private settingsFor(config: ResolvedConfig, draft: Draft, category: string | undefined, options: LintOptions): Map<string, RuleSetting> {
    const byPathToo = config.overrides.some((o) => o.files);
    const cacheable = !byPathToo && !(options.ruleOverrides && options.ruleOverrides.size > 0);
    const language = draft.language?.value;
    // Drafts linted in a row mostly share config, category and language: the last answer is checked first.
    const last = this.lastSettings;
    if (cacheable && last !== undefined && last.config === config && last.category === category && last.language === language) return last.settings;
    const key = `${category ?? ''}\0${language ?? ''}`;
    if (cacheable) {
      const hit = this.settingsCache.get(config)?.get(key);
      if (hit) {
        this.lastSettings = { config, category, language, settings: hit };
        return hit;
      }
    }
    const settings = this.withCli(settingsForDraft(config, draft.file.path, category, draft.language?.value), options);
    if (cacheable) {
      let perConfig = this.settingsCache.get(config);
      if (!perConfig) this.settingsCache.set(config, (perConfig = new Map()));
      perConfig.set(key, settings);
    }
    return settings;
  }

  private withCli(rules: Map<string, RuleSetting>, options: LintOptions): Map<string, RuleSetting> {
    if (!options.ruleOverrides || options.ruleOverrides.size === 0) return rules;
    const out = new Map(rules);
    for (const [id, severity] of options.ruleOverrides) out.set(id, { severity, options: rules.get(id)?.options });
    return out;
  }

  private readonly activeCache = new WeakMap<Map<string, RuleSetting>, Map<string, { rule: Rule; setting: RuleSetting }[]>>();

  /** The rules that run with these settings on a draft of this category, in catalog order (one list for most drafts). */
  private activeRules(settings: Map<string, RuleSetting>, category: string | undefined): { rule: Rule; setting: RuleSetting }[] {
    let byCategory = this.activeCache.get(settings);
    if (!byCategory) this.activeCache.set(settings, (byCategory = new Map()));
    let list = byCategory.get(category ?? '');
    if (!list) {
      list = [];
      for (const rule of this.catalog.rules) {
        const setting = settings.get(rule.meta.id);
        if (!setting || setting.severity === 'off') continue;
        const applies = rule.meta.categories;
        if (applies && (!category || !(applies as readonly string[]).includes(category))) continue;
        list.push({ rule, setting });
      }
      byCategory.set(category ?? '', list);
    }
    return list;
  }

  private runRules(
    draft: Draft,
    config: ResolvedConfig,
    options: LintOptions,
    stamp: (ruleId: string, severity: Severity, range: Range, message: string, extra?: Partial<Finding>) => void,
    projectKeys: ProjectKey[],
    makeProjectKey: ProjectKeyFactory,
  ): void {
    const category = declaredCategory(draft);
    const settings = this.settingsFor(config, draft, category, options);
    const template = templateOf(draft);
    // One context and one report function per draft, pointed at each rule in turn: a context and two closures per
    // rule and draft were a sixth of everything the linter allocates. Rules are synchronous, so `rule` and
    // `setting` below are those of the rule that is running whenever `report` is called.
    let rule: Rule = this.catalog.rules[0]!;
    let setting: RuleSetting = NOT_RUNNING;
    const report = (d: ReportDescriptor): void => {
      const template_ = rule.meta.messages[d.messageId];
      if (template_ === undefined) throw new Error(`rule ${rule.meta.id} reported unknown messageId "${d.messageId}"`);
      const extra: Partial<Finding> = { messageId: d.messageId, template };
      if (d.fix) extra.fix = d.fix;
      if (d.suggest?.length) {
        extra.suggestions = d.suggest.map((s) => ({
          desc: visibleMessage(formatMessage(rule.meta.messages[s.messageId] ?? s.messageId, s.data)),
          messageId: s.messageId,
          fix: s.fix,
        }));
      }
      stamp(rule.meta.id, setting.severity, d.range, formatMessage(template_, d.data), extra);
    };
    const context: { -readonly [K in keyof RuleContext]: RuleContext[K] } = {
      draft,
      options: undefined,
      settings: config.settings as LintSettings,
      category,
      report,
      rangeOf,
    };
    for (const active of this.activeRules(settings, category)) {
      rule = active.rule;
      setting = active.setting;
      context.options = setting.options;
      const started = ruleTimes ? performance.now() : 0;
      try {
        rule.check(context);
        const project = rule.project?.key(context);
        if (project && rule.project && setting.severity !== 'off') {
          const messageId = rule.project.messageId;
          projectKeys.push(makeProjectKey(rule.meta.id, setting.severity, project, rule.meta.messages[messageId] ?? messageId, messageId, template));
        }
        if (ruleTimes) ruleTimes.set(rule.meta.id, (ruleTimes.get(rule.meta.id) ?? 0) + performance.now() - started);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        stamp('internal-error', 'error', draft.range, `Rule \`${rule.meta.id}\` failed on this draft (${reason}); please report it with the draft`, {
          messageId: 'crashed',
        });
      }
    }
  }
}

/**
 * Name and language of a draft, for findings and results. Built by assignment in a fixed order: an object spread
 * (`{...(a ? {name} : {})}`) gave every such object a hidden class of its own in V8, two new ones per draft,
 * kept as long as the results.
 */
function templateOf(draft: Draft): { name?: string; language?: string } {
  const template: { name?: string; language?: string } = {};
  // Copies: the results keep these until the run ends, and a slice would keep the whole file's text.
  if (draft.name) template.name = detached(draft.name.value);
  if (draft.language) template.language = detached(draft.language.value);
  return template;
}

type ProjectKeyFactory = (
  ruleId: string,
  severity: Severity,
  project: { key: string; range: Range; data?: Record<string, string | number> },
  message: string,
  messageId: string,
  template: { name?: string; language?: string },
) => ProjectKey;

/** `data` with each string value `detached`. */
function detachedValues(data: Record<string, string | number>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const key in data) {
    const value = data[key]!;
    out[key] = typeof value === 'string' ? detached(value) : value;
  }
  return out;
}

/** The setting `report` sees before the first rule runs (it is never called then). */
const NOT_RUNNING: RuleSetting = { severity: 'off', options: undefined };

function rangeOf(text: MappedText, start: number, end: number): Range {
  return text.fileRange(start, end);
}
