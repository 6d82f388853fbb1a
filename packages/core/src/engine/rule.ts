import type { z } from 'zod';
import type { Category } from '../model/vocabulary.js';
import type { Draft } from '../model/draft.js';
import type { Range } from '../source/text.js';
import type { MappedText } from '../source/mapped-text.js';

/** Severity as configured. `info` exists only as a rule's default: `recommended` turns it off, `strict` warns. */
export type Severity = 'error' | 'warn' | 'off';
export type DefaultSeverity = 'error' | 'warn' | 'info';
export type RuleType = 'structure' | 'compliance' | 'style';
export type RuleArea =
  | 'file' | 'name' | 'language' | 'category' | 'header' | 'body' | 'parameters' | 'examples' | 'footer' | 'buttons'
  | 'authentication' | 'content';

/** A documentation example; `draft` is a whole Markdown draft. Docs examples run as tests. */
export interface RuleExample {
  title: string;
  draft: string;
  options?: unknown;
  /** For invalid examples: the message ids expected, in order. */
  messageIds?: string[];
  /** File name of the example (`.json` for Meta JSON examples); default `draft.md`. */
  filename?: string;
}

export interface RuleSource {
  label: string;
  url: string;
}

export interface RuleMeta<Options = unknown> {
  /** Stable kebab-case id: used in config, directives, suppressions and analytics. */
  id: string;
  /** One sentence, shown by `pesan rules` and at the top of the rule's doc page. */
  description: string;
  type: RuleType;
  area: RuleArea;
  defaultSeverity: DefaultSeverity;
  /** Declared categories the rule applies to; omitted means every category. */
  categories?: readonly Category[];
  /** The rule offers safe fixes that `--fix` may apply. */
  fixable?: boolean;
  /** The rule offers suggestions that only a human applies. */
  hasSuggestions?: boolean;
  /** Options with their defaults, validated once by the engine when the config is loaded. */
  options?: z.ZodType<Options>;
  /** Stable message ids → templates with `{{placeholder}}` slots. */
  messages: Record<string, string>;
  docs: {
    rationale: string;
    sources: RuleSource[];
    valid: RuleExample[];
    invalid: RuleExample[];
    /** Extra notes rendered under "Details" (how lengths are counted, known limits...). */
    details?: string;
  };
}

/** A safe, deterministic text edit in file offsets (ESLint's `fix` shape). */
export interface Fix {
  range: Range;
  text: string;
}

export interface SuggestionDescriptor {
  messageId: string;
  data?: Record<string, string | number>;
  fix: Fix;
}

export interface ReportDescriptor {
  messageId: string;
  data?: Record<string, string | number>;
  range: Range;
  fix?: Fix;
  suggest?: SuggestionDescriptor[];
}

/** Project-wide settings from the config that rules may read. */
export interface LintSettings {
  business?: { name?: string; aliases?: string[] };
  vocabulary?: { accept: string[]; reject: string[] };
}

export interface RuleContext<Options = unknown> {
  readonly draft: Draft;
  readonly options: Options;
  readonly settings: LintSettings;
  /** Upper-case declared category, if any. */
  readonly category: string | undefined;
  report(descriptor: ReportDescriptor): void;
  /** File range of value characters `[start, end)` of a mapped text. */
  rangeOf(text: MappedText, start: number, end: number): Range;
}

export interface Rule<Options = unknown> {
  meta: RuleMeta<Options>;
  check(context: RuleContext<Options>): void;
  /**
   * Project rules (duplicates across files) return a key per draft; the engine reports every draft whose key was
   * already seen in an earlier file or template of the same run, with `messages[messageId]` and `{other}` (the
   * first location) as data.
   */
  project?: { messageId: string; key(context: RuleContext<Options>): { key: string; range: Range; data?: Record<string, string | number> } | undefined };
}

/** Identity function that gives a rule module its types (ESLint's `RuleModule`, unified-lint-rule's `lintRule`). */
export function defineRule<Options = Record<string, never>>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

/** Fills `{{name}}` slots of a message template. Unknown slots are left as written so a typo is visible. */
export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}
