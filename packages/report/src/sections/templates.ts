import type { Period, TemplateRow } from '../model.js';
import type { ReportQuery } from '../query.js';
import type { LintIndex } from '../lint.js';
import { selectionOf, type Cube } from '../cube.js';
import { templateKey } from '../rows.js';
import { totalsOf } from './totals.js';

/**
 * One row per template (name x language) with messages in the period: every count and rate, and the lint status of
 * its draft when the drafts were linted (joined by name and language).
 */
export async function templateRows(cube: Cube, query: ReportQuery, period: Period | null, lint: LintIndex | null): Promise<TemplateRow[]> {
  if (!period) return [];
  await cube.select(selectionOf(query, period));
  return (await cube.rows('by_template.sql')).map((row) => {
    const template = String(row.template);
    const language = String(row.language);
    const status = lint?.byTemplate.get(templateKey(template, language)) ?? null;
    return {
      template,
      language,
      category: row.category === null || row.category === undefined ? null : String(row.category),
      ...totalsOf(row),
      lint: status ? { errors: status.errors, warnings: status.warnings, rules: status.rules, files: status.files } : null,
    };
  });
}
