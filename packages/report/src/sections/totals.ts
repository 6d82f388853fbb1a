import type { Totals } from '../model.js';
import { rate, toNullableNumber, toNumber } from '../rows.js';

/**
 * Totals from a row of totals.sql or by_template.sql: the counts, and the rates of @pesan/analytics
 * sql/metrics/stats.sql (null when the denominator is 0): delivery = delivered / attempted, read = read / delivered
 * (a lower bound), click = clicked / delivered, opt-out = opted-out people / delivered, failure = failed / attempted.
 */
export function totalsOf(row: Record<string, unknown> | undefined): Totals {
  const attempted = toNumber(row?.attempted);
  const delivered = toNumber(row?.delivered);
  const read = toNumber(row?.read);
  const failed = toNumber(row?.failed);
  const clicked = toNumber(row?.clicked);
  const optedOut = toNumber(row?.opted_out);
  return {
    attempted,
    sent: toNumber(row?.sent),
    delivered,
    read,
    failed,
    clicked,
    replied: toNumber(row?.replied),
    optedOut,
    deliveryRate: rate(delivered, attempted),
    readRate: rate(read, delivered),
    clickRate: rate(clicked, delivered),
    optOutRate: rate(optedOut, delivered),
    failureRate: rate(failed, attempted),
    urlClicks: toNullableNumber(row?.url_clicks),
    urlClicksUnique: toNullableNumber(row?.url_clicks_unique),
    ttrP50Seconds: toNullableNumber(row?.ttr_p50_seconds),
    ttrP90Seconds: toNullableNumber(row?.ttr_p90_seconds),
  };
}
