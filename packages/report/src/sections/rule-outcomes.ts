import type { Cube } from '../cube.js';
import type { LintSection, MetaAction, OutcomeGroup, RuleOutcome, TemplateRow } from '../model.js';
import type { LintIndex } from '../lint.js';
import type { ReportQuery } from '../query.js';
import { normaliseLanguage, rate, templateKey, toNullableString } from '../rows.js';

/**
 * "Which rules predict outcomes": for every rule that fires on at least one linted template with messages in the
 * period, the pooled read, click and opt-out rates of the templates that trigger it versus the linted templates
 * that do not (sums of counts, then rates, so a template with 10 messages does not weigh as much as one with
 * 10,000). Plus the templates Meta re-categorised or rejected, and whether Pesan had flagged their drafts.
 * This is correlation on few templates, not proof: the page shows the template counts next to every rate.
 */
export async function ruleOutcomes(cube: Cube, query: ReportQuery, rows: readonly TemplateRow[], lint: LintIndex | null): Promise<LintSection> {
  if (!lint) return { available: false, rules: [], actions: [], draftsWithoutMessages: [] };
  const linked = rows.filter((row) => row.lint !== null);
  const ruleIds = new Map<string, { url: string; description: string }>();
  for (const row of linked) for (const rule of row.lint!.rules) ruleIds.set(rule.ruleId, { url: rule.url, description: rule.description });
  const rules: RuleOutcome[] = [...ruleIds].map(([ruleId, { url, description }]) => {
    const fires = (row: TemplateRow): boolean => row.lint!.rules.some((r) => r.ruleId === ruleId);
    return { ruleId, url, description, triggered: pool(linked.filter(fires)), notTriggered: pool(linked.filter((row) => !fires(row))) };
  });
  rules.sort((a, b) => b.triggered.templates - a.triggered.templates || a.ruleId.localeCompare(b.ruleId));

  const withMessages = new Set(rows.map((row) => templateKey(row.template, row.language)));
  const draftsWithoutMessages = [...lint.byTemplate.entries()]
    .filter(([key, entry]) => !withMessages.has(key) && matchesFilters(entry, query))
    .map(([, entry]) => ({ template: entry.template, language: entry.language, errors: entry.errors, warnings: entry.warnings }))
    .sort((a, b) => a.template.localeCompare(b.template) || String(a.language).localeCompare(String(b.language)));

  const actions: MetaAction[] = (await cube.rows('meta_actions.sql')).map((row) => {
    const template = String(row.template);
    const language = toNullableString(row.language);
    const status = lint.byTemplate.get(templateKey(template, language));
    return {
      action: row.action === 'recategorised' ? 'recategorised' : 'rejected',
      template,
      language,
      day: String(row.day),
      detail: toNullableString(row.detail),
      flagged: status ? status.errors + status.warnings > 0 : null,
      rules: status ? status.rules.map((r) => r.ruleId) : [],
    };
  });
  return { available: true, rules, actions, draftsWithoutMessages };
}

function pool(rows: readonly TemplateRow[]): OutcomeGroup {
  const sum = (pick: (row: TemplateRow) => number): number => rows.reduce((n, row) => n + pick(row), 0);
  const delivered = sum((r) => r.delivered);
  const read = sum((r) => r.read);
  const clicked = sum((r) => r.clicked);
  const optedOut = sum((r) => r.optedOut);
  return {
    templates: rows.length,
    delivered,
    read,
    clicked,
    optedOut,
    readRate: rate(read, delivered),
    clickRate: rate(clicked, delivered),
    optOutRate: rate(optedOut, delivered),
  };
}

function matchesFilters(entry: { template: string; language: string | null; category: string | null }, query: ReportQuery): boolean {
  if (query.template && entry.template !== query.template) return false;
  if (query.language && normaliseLanguage(entry.language ?? '') !== normaliseLanguage(query.language)) return false;
  if (query.category && entry.category !== query.category.toUpperCase()) return false;
  return true;
}
