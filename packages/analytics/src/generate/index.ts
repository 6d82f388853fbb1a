// Seeded synthetic WhatsApp export with exact ground truth: webhooks.ndjson(.gz), send_log.csv, template_analytics
// (two overlapping shapes), templates.json and truth.json. Same seed + same options => byte-identical files.
//
// Pipeline: catalog (templates.ts) -> truth table (simulate.ts) -> Meta analytics aggregates (analytics.ts) ->
// emission plan (emit.ts) -> truth + invariants (truth.ts) -> files (write.ts). Nothing is written unless the
// invariants hold.
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { aggregateAnalytics, analyticsExpansionJson, analyticsJson, dataPoints } from './analytics.js';
import { WABA_ID, WebhookEmitter } from './emit.js';
import { Wamids } from './ids.js';
import { Rng } from './prng.js';
import { M_DELIVERED_SKIPPED, simulate } from './simulate.js';
import { buildCatalog, CAT_MARKETING, CATEGORIES, loadDrafts } from './templates.js';
import { checkZone, DAY, parseStart, ZoneOffsets } from './time.js';
import { computeTruth, type Row } from './truth.js';
import { layoutJson, LineWriter, writeSendLog } from './write.js';

export type { Row, DayRow, Truth } from './truth.js';
export { OPT_OUT_BUTTON_LABELS, OPT_OUT_LEXICON } from './lexicon.js';

export const GENERATOR_VERSION = 1;

export interface GenerateOptions {
  outDir: string;
  messages: number;
  seed?: number;
  days?: number;
  /** UTC midnight, `YYYY-MM-DD`. */
  start?: string;
  /** Extra IANA zone for the byDayTz truth rows. */
  tz?: string;
  templatesDir?: string;
  /** Write webhooks.ndjson.gz instead of webhooks.ndjson. */
  gzip?: boolean;
  /** Fraction of webhook lines wrapped as {"received_at","body"}. */
  wrapFraction?: number;
}

export interface GeneratedFile {
  name: string;
  path: string;
  bytes: number;
  /** Lines (NDJSON, CSV including header) or top-level records (JSON files). */
  records: number;
}

export interface GenerateSummary {
  outDir: string;
  seed: number;
  messages: number;
  days: number;
  start: string;
  tz: string;
  users: number;
  templates: number;
  files: GeneratedFile[];
  counts: { statuses: number; inbound: number; userPreferences: number; templateEvents: number };
  noise: { duplicateLines: number; rebatchedStatuses: number; deliveredSkipped: number; outOfOrderPairs: number };
  /** Distinct webhook events (statuses + inbound + preferences + template events) per message. */
  eventsPerMessage: number;
  overall: Row;
}

export const DEFAULTS = { seed: 20261001, days: 28, start: '2026-10-01', tz: 'Asia/Jakarta', wrapFraction: 0.1 } as const;

/** fixtures/templates of the repository: the same relative path from src/generate and dist/generate. */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../../../fixtures/templates', import.meta.url));

function positiveInt(name: string, v: number): number {
  if (!Number.isSafeInteger(v) || v < 1) throw new Error(`generate: ${name} must be a positive integer, got ${v}`);
  return v;
}

export async function generateExport(opts: GenerateOptions): Promise<GenerateSummary> {
  const N = positiveInt('messages', opts.messages);
  const seed = opts.seed ?? DEFAULTS.seed;
  if (!Number.isSafeInteger(seed)) throw new Error(`generate: seed must be an integer, got ${seed}`);
  const days = positiveInt('days', opts.days ?? DEFAULTS.days);
  const start = opts.start ?? DEFAULTS.start;
  const startUnix = parseStart(start);
  const tz = opts.tz ?? DEFAULTS.tz;
  checkZone(tz);
  const wrapFraction = opts.wrapFraction ?? DEFAULTS.wrapFraction;
  if (!(wrapFraction >= 0 && wrapFraction <= 1)) throw new Error(`generate: wrapFraction must be in [0, 1]`);
  const gzip = opts.gzip ?? false;

  const root = new Rng(seed);
  const rngCatalog = root.fork();
  const rngSim = root.fork();
  const rngIds = root.fork();
  const rngEmit = root.fork();
  const rngWrite = root.fork();

  const catalog = buildCatalog(loadDrafts(opts.templatesDir ?? DEFAULT_TEMPLATES_DIR), rngCatalog);
  const zone = new ZoneOffsets(tz, startUnix - 2 * DAY, startUnix + (days + 12) * DAY);
  const sim = simulate({ messages: N, days, startUnix, zone }, catalog, rngSim);
  const wamids = new Wamids(rngIds);
  const analytics = aggregateAnalytics(sim);
  const emitter = new WebhookEmitter(sim, wamids, rngEmit);
  const truth = computeTruth(sim, analytics, zone, wamids);

  const outDir = path.resolve(opts.outDir);
  mkdirSync(outDir, { recursive: true });
  const webhooksName = gzip ? 'webhooks.ndjson.gz' : 'webhooks.ndjson';
  // A stale export in the other encoding would be ingested alongside the new one.
  rmSync(path.join(outDir, gzip ? 'webhooks.ndjson' : 'webhooks.ndjson.gz'), { force: true });
  const files: GeneratedFile[] = [];
  const record = (name: string, records: number): void => {
    const p = path.join(outDir, name);
    files.push({ name, path: p, bytes: statSync(p).size, records });
  };

  const hooks = new LineWriter(path.join(outDir, webhooksName), gzip);
  const stats = await emitter.write(hooks, rngWrite, wrapFraction);
  await hooks.close();
  record(webhooksName, stats.lines);

  const sendLogRows = await writeSendLog(path.join(outDir, 'send_log.csv'), sim, wamids);
  record('send_log.csv', sendLogRows + 1);

  const points = dataPoints(analytics, sim, 0);
  writeFileSync(path.join(outDir, 'template_analytics.json'), analyticsJson(points));
  record('template_analytics.json', points.length);
  // The expansion export overlaps the main one (its last 7 days, identical values): ingesting both must not double count.
  const overlap = dataPoints(analytics, sim, Math.max(0, days - 7));
  writeFileSync(path.join(outDir, 'template_analytics_expansion.json'), analyticsExpansionJson(overlap, WABA_ID));
  record('template_analytics_expansion.json', overlap.length);

  const { templates } = catalog;
  const latest = (t: number): string => CATEGORIES[t === sim.lifecycle.recategorised.template ? CAT_MARKETING : templates[t]!.category]!;
  const templateRows = templates.map((t) => ({ id: t.id, name: t.name, language: t.language, category: latest(t.index), status: 'APPROVED' }));
  writeFileSync(path.join(outDir, 'templates.json'), `${layoutJson({ data: templateRows })}\n`);
  record('templates.json', templateRows.length);

  const counts = {
    statuses: stats.statuses, inbound: sim.inbound.count, userPreferences: sim.prefs.count, templateEvents: stats.templateEvents,
  };
  let deliveredSkipped = 0;
  for (let i = 0; i < N; i++) if (sim.messages.flags[i]! & M_DELIVERED_SKIPPED) deliveredSkipped++;
  const noise = {
    duplicateLines: stats.duplicateLines, rebatchedStatuses: stats.rebatchedStatuses, deliveredSkipped,
    outOfOrderPairs: stats.outOfOrderPairs,
  };
  const doc = {
    generator: { seed, messages: N, days, start, tz, version: GENERATOR_VERSION },
    files: {
      webhooks: { name: webhooksName, lines: stats.lines },
      sendLog: { name: 'send_log.csv', lines: sendLogRows + 1, rows: sendLogRows },
      templateAnalytics: { name: 'template_analytics.json', dataPoints: points.length },
      templateAnalyticsExpansion: { name: 'template_analytics_expansion.json', dataPoints: overlap.length },
      templates: { name: 'templates.json', templates: templateRows.length },
    },
    byTemplate: truth.byTemplate,
    overall: truth.overall,
    byDayUtc: truth.byDayUtc,
    byDayTz: truth.byDayTz,
    failuresByCode: truth.failuresByCode,
    unattributed: truth.unattributed,
    optOuts: truth.optOuts,
    noise,
    counts,
  };
  writeFileSync(path.join(outDir, 'truth.json'), `${layoutJson(doc)}\n`);
  record('truth.json', 1);

  const events = counts.statuses + counts.inbound + counts.userPreferences + counts.templateEvents;
  return {
    outDir, seed, messages: N, days, start, tz, users: sim.users.count, templates: templates.length, files, counts, noise,
    eventsPerMessage: events / N, overall: truth.overall,
  };
}
