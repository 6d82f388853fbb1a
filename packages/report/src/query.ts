import { z } from 'zod';
import { AnalyticsError } from '@pesan/analytics';

/** What a report (or one API answer) covers. Dates are inclusive days in `tz`; filters match exactly. */
export interface ReportQuery {
  from?: string;
  to?: string;
  tz?: string;
  template?: string;
  language?: string;
  category?: string;
}

const date = z.string().refine((value) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}, 'expected a date as YYYY-MM-DD');

const timeZone = z
  .string()
  .max(64)
  .refine((value) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }, 'not an IANA time zone (e.g. UTC, Asia/Jakarta)');

// Names are user-controlled: bounded, and free of control characters so they cannot smuggle line breaks into logs.
const name = z
  .string()
  .min(1, 'must not be empty')
  .max(512)
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this rejects
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), 'contains control characters');

/**
 * The filters of `pesan report` and of every `/api/*` endpoint. `strict`: an unknown parameter is a mistake the
 * user should hear about (a typo such as `templte=` would otherwise silently show everything).
 */
export const reportQuerySchema = z
  .strictObject({
    from: date.optional(),
    to: date.optional(),
    tz: timeZone.optional(),
    template: name.optional(),
    language: name.optional(),
    category: z
      .string()
      .transform((value) => value.toUpperCase())
      .pipe(z.enum(['UTILITY', 'MARKETING', 'AUTHENTICATION'], { message: 'expected UTILITY, MARKETING or AUTHENTICATION' }))
      .optional(),
  })
  .refine((q) => !(q.from && q.to && q.from > q.to), { message: 'from is after to', path: ['from'] });

/** Validates a query; throws AnalyticsError with a one-line message naming the parameter. */
export function parseReportQuery(input: Record<string, unknown>, prefix = ''): ReportQuery {
  const result = reportQuerySchema.safeParse(dropUndefined(input));
  if (!result.success) throw new AnalyticsError(describeIssues(result.error, prefix));
  return dropUndefined(result.data) as ReportQuery;
}

/** "from: expected a date as YYYY-MM-DD; foo: unknown parameter" (one line, for a CLI or a JSON error). */
export function describeIssues(error: z.ZodError, prefix = ''): string {
  return error.issues
    .map((issue) => {
      if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => `${prefix}${k}: unknown parameter`).join('; ');
      const where = issue.path.length ? `${prefix}${issue.path.join('.')}: ` : '';
      const message = issue.code === 'invalid_type' ? `expected a single ${issue.expected}` : issue.message;
      return `${where}${message}`;
    })
    .join('; ');
}

function dropUndefined<T extends Record<string, unknown>>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== '')) as T;
}

/** Adds `days` (may be negative) to a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Number of days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Every day from `from` to `to`, both included. */
export function dayRange(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}
