import { z } from 'zod';
import { CATEGORIES } from '../model/vocabulary.js';

/** Severity as written in a config: names or ESLint's numbers. */
export const severitySchema = z.union([z.enum(['off', 'warn', 'error']), z.literal(0), z.literal(1), z.literal(2)], {
  error: 'expected "off", "warn" or "error" (or 0, 1, 2)',
});

export const ruleEntrySchema = z.union([severitySchema, z.tuple([severitySchema], z.unknown())], {
  error: 'expected a severity ("off", "warn", "error") or [severity, options]',
});

const globList = z.union([z.string(), z.array(z.string())]);

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  /** `recommended`, `strict`, or a path to another config file (relative to this one). */
  extends: z.union([z.string(), z.array(z.string())]).optional(),
  rules: z.record(z.string(), ruleEntrySchema).optional(),
  overrides: z
    .array(
      z.strictObject({
        files: globList.optional(),
        categories: z.array(z.enum(CATEGORIES)).optional(),
        languages: z.array(z.string()).optional(),
        rules: z.record(z.string(), ruleEntrySchema),
      }),
    )
    .optional(),
  ignores: z.array(z.string()).optional(),
  business: z.strictObject({ name: z.string().optional(), aliases: z.array(z.string()).optional() }).optional(),
  vocabulary: z.strictObject({ accept: z.array(z.string()).default([]), reject: z.array(z.string()).default([]) }).optional(),
  /** Base URL of the rule documentation (default: the pages shipped with Pesan). `{id}` is replaced. */
  docsUrl: z.string().optional(),
});
export type ConfigFile = z.infer<typeof configSchema>;

export const CONFIG_FILE_NAMES = ['pesan.config.json', 'pesan.config.yaml', 'pesan.config.yml'] as const;
