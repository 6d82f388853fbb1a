/**
 * The data contract between the report's data assembly (Node) and its page (browser). The static report embeds one
 * `ReportData`; the server answers the same pieces from its API (`/api/summary` → SummarySection + meta, ...), and
 * the page merges them back into a `ReportData`. Everything here is aggregated counts: no user key, phone number or
 * message text ever enters it.
 */

/** Message counts of a group (the unit is one template message, cohorted by its send day). */
export interface Counts {
  attempted: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  clicked: number;
  replied: number;
  optedOut: number;
}

/** Rates are 0..1, null when the denominator is 0 (definitions: @pesan/analytics sql/metrics/stats.sql). */
export interface Rates {
  deliveryRate: number | null;
  readRate: number | null;
  clickRate: number | null;
  optOutRate: number | null;
  failureRate: number | null;
}

export interface Totals extends Counts, Rates {
  urlClicks: number | null;
  urlClicksUnique: number | null;
  ttrP50Seconds: number | null;
  ttrP90Seconds: number | null;
}

export interface Period {
  /** Inclusive first and last day, YYYY-MM-DD in the report's time zone. */
  from: string;
  to: string;
  days: number;
}

export interface Filters {
  template?: string;
  language?: string;
  category?: string;
}

export interface TemplateOption {
  template: string;
  language: string;
  category: string | null;
  messages: number;
}

export interface ReportMeta {
  generatedAt: string;
  pesanVersion: string;
  /** The database file's name (not its folder). */
  database: string;
  tz: string;
  /** null when no message matches the filters. */
  period: Period | null;
  /** The period of equal length just before `period` (for the KPI changes). */
  previousPeriod: Period | null;
  filters: Filters;
  /** Choices for the pickers, unfiltered. */
  options: { templates: TemplateOption[]; languages: string[]; categories: string[] };
  /** Messages that could not be joined to a template (no send-log row, no usable callback data): not in any number. */
  unattributed: number;
  lint: LintMeta | null;
}

export interface LintMeta {
  /** The drafts folder as the user gave it. */
  dir: string;
  files: number;
  templates: number;
  /** Drafts that could not be parsed or read (their findings are not joined to any template). */
  unparsed: number;
}

export interface FunnelStep {
  step: 'attempted' | 'sent' | 'delivered' | 'read' | 'clicked' | 'replied' | 'optedOut';
  count: number;
}

export interface TimeToReadBucket {
  label: string;
  /** Lower and upper bounds in seconds (upper null for the last, open bucket). */
  fromSeconds: number;
  toSeconds: number | null;
  messages: number;
}

export interface HeatmapCell {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  hour: number;
  delivered: number;
  read: number;
}

export interface OptOutCount {
  kind: string;
  keyword: string | null;
  people: number;
}

export interface SummarySection {
  kpis: { current: Totals; previous: Totals | null };
  funnel: FunnelStep[];
  timeToRead: { buckets: TimeToReadBucket[]; readMessages: number; p50Seconds: number | null; p90Seconds: number | null };
  heatmap: HeatmapCell[];
  optOuts: OptOutCount[];
}

export interface RuleCount {
  ruleId: string;
  /** 2 = error, 1 = warning. */
  severity: 1 | 2;
  count: number;
  url: string;
  /** The rule's one-line description (shown on hover: the docs link is a local file that may not exist elsewhere). */
  description: string;
}

export interface LintStatus {
  errors: number;
  warnings: number;
  /** Rules with findings, most severe and most frequent first. */
  rules: RuleCount[];
  /** Draft files (relative to the current folder) that define this template. */
  files: string[];
}

export interface TemplateRow extends Totals {
  template: string;
  language: string;
  category: string | null;
  /** null when no draft of this name and language was linted (or no --templates was given). */
  lint: LintStatus | null;
}

export interface TemplatesSection {
  templates: TemplateRow[];
}

/** Daily counts of one template (or of all), aligned with `TimeseriesSection.days`. */
export interface DailySeries {
  template: string | null;
  language: string | null;
  attempted: number[];
  delivered: number[];
  read: number[];
  clicked: number[];
  optedOut: number[];
}

export type AnnotationKind = 'approved' | 'rejected' | 'paused' | 'disabled' | 'flagged' | 'category' | 'quality' | 'other';

export interface Annotation {
  template: string;
  language: string | null;
  day: string;
  kind: AnnotationKind;
  /** Short text, e.g. "PAUSED (FIRST_PAUSE)", "UTILITY → MARKETING", "quality GREEN → YELLOW". */
  label: string;
}

export interface TimeseriesSection {
  days: string[];
  overall: DailySeries;
  series: DailySeries[];
  annotations: Annotation[];
}

export interface FailureCode {
  code: number | null;
  class: string;
  title: string | null;
  failed: number;
}

export interface FailuresSection {
  attempted: number;
  byCode: FailureCode[];
  byClass: { class: string; failed: number }[];
}

/** Pooled outcomes of a group of templates (sums of counts, then rates). */
export interface OutcomeGroup {
  templates: number;
  delivered: number;
  read: number;
  clicked: number;
  optedOut: number;
  readRate: number | null;
  clickRate: number | null;
  optOutRate: number | null;
}

export interface RuleOutcome {
  ruleId: string;
  url: string;
  description: string;
  /** Templates (with a linted draft and messages in the period) whose draft triggers the rule. */
  triggered: OutcomeGroup;
  /** The other templates with a linted draft and messages in the period. */
  notTriggered: OutcomeGroup;
}

export interface MetaAction {
  action: 'recategorised' | 'rejected';
  template: string;
  language: string | null;
  day: string;
  /** "UTILITY → MARKETING" or the rejection reason. */
  detail: string | null;
  /** null: no draft of this template was linted; else whether Pesan reported an error or warning. */
  flagged: boolean | null;
  rules: string[];
}

export interface LintSection {
  /** false when the report was made without --templates. */
  available: boolean;
  rules: RuleOutcome[];
  actions: MetaAction[];
  /** Linted templates with no message in the period (shown so a missing join is visible). */
  draftsWithoutMessages: { template: string; language: string | null; errors: number; warnings: number }[];
}

export interface ReportData {
  meta: ReportMeta;
  summary: SummarySection;
  templates: TemplatesSection;
  timeseries: TimeseriesSection;
  failures: FailuresSection;
  lint: LintSection;
}
