import type { Cube } from '../cube.js';
import type { Annotation, AnnotationKind } from '../model.js';
import { toNullableString } from '../rows.js';

const STATUS_KINDS: Record<string, AnnotationKind> = {
  APPROVED: 'approved',
  REJECTED: 'rejected',
  PAUSED: 'paused',
  DISABLED: 'disabled',
  FLAGGED: 'flagged',
};

/**
 * Lifecycle events of the templates in the period (status, category and quality webhooks), for marks on the trend
 * chart. The selection (period, template and language) must be set on the cube.
 */
export async function lifecycleAnnotations(cube: Cube): Promise<Annotation[]> {
  const rows = await cube.rows('lifecycle_events.sql');
  return rows.map((row) => {
    const template = String(row.template);
    const language = toNullableString(row.language);
    const day = String(row.day);
    const field = String(row.field);
    if (field === 'template_category_update') {
      return { template, language, day, kind: 'category', label: `${str(row.previous_category)} → ${str(row.new_category)}` };
    }
    if (field === 'message_template_quality_update') {
      return { template, language, day, kind: 'quality', label: `quality ${str(row.previous_quality)} → ${str(row.new_quality)}` };
    }
    const event = str(row.event);
    const detail = [toNullableString(row.other_title), reasonOf(row.reason)].filter(Boolean).join(', ');
    return { template, language, day, kind: STATUS_KINDS[event] ?? 'other', label: detail ? `${event} (${detail})` : event };
  });
}

function str(value: unknown): string {
  return toNullableString(value) ?? '?';
}

/** "NONE" is Meta's way of saying there is no reason: not worth a label. */
function reasonOf(value: unknown): string | null {
  const reason = toNullableString(value);
  return reason && reason !== 'NONE' ? reason : null;
}
