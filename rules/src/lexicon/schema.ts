import { z } from 'zod';

/**
 * Schemas of the lexicon data files (validated once, at load time):
 * - `rules/lexicons/kinds.yaml`: every kind of lexicon, its labels and how it is matched;
 * - `rules/lexicons/<lang>/language.yaml`: inflection rules, negation words and currencies of one language;
 * - `rules/lexicons/<lang>/<kind>.yaml`: the entries of one kind in one language.
 */

export const kindSchema = z.strictObject({
  description: z.string().min(1),
  /** Allowed `label` values of entries of this kind. */
  labels: z.array(z.string().min(1)).min(1),
  /** `phrase`: terms are found anywhere in a text. `whole`: a text matches only if it IS one of the terms (keywords). */
  match: z.enum(['phrase', 'whole']).default('phrase'),
});
export const kindsFileSchema = z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, 'kind names are kebab-case'), kindSchema);

const affixRewrite = z.union([
  z.string().min(1),
  z.strictObject({
    /** The affix as it appears in text (folded: no accents). */
    form: z.string().min(1),
    /** What replaces it to give the base form ('' = nothing). Indonesian `men-` + `awar` → `tawar`: restore `t`. */
    restore: z.array(z.string()).min(1).default(['']),
  }),
]);

export const languageFileSchema = z.strictObject({
  name: z.string().min(1),
  /** Prefixes stripped to find a base form (at most one per word). */
  prefixes: z.array(affixRewrite).default([]),
  /** Suffixes/endings stripped or rewritten to find a base form (up to two per word). */
  suffixes: z.array(affixRewrite).default([]),
  /** Shortest base form an affix rule may produce. */
  min_stem: z.number().int().min(2).default(3),
  negation: z
    .strictObject({
      /** Words or phrases that negate a term that follows within `scope` tokens: "no", "tanpa", "sin". */
      before: z.array(z.string().min(1)).default([]),
      /** Phrases that negate a term that precedes them within `scope` tokens: "not needed", "tidak diperlukan". */
      after: z.array(z.string().min(1)).default([]),
      scope: z.number().int().min(1).max(10).default(3),
    })
    .default({ before: [], after: [], scope: 3 }),
  /** Currency symbols and words used by the `{money}` placeholder (`rp`, `reais`...). */
  currencies: z.array(z.string().min(1)).default([]),
  /** Words of the `{date}` placeholder: month and weekday names (and abbreviations), relative days (`tomorrow`, `hari ini`). */
  dates: z
    .strictObject({
      months: z.array(z.string().min(1)).default([]),
      weekdays: z.array(z.string().min(1)).default([]),
      relative: z.array(z.string().min(1)).default([]),
    })
    .default({ months: [], weekdays: [], relative: [] }),
  /** A footer that tells readers how to opt out, offered as a suggestion by opt-out-instructions. */
  opt_out_footer: z.string().min(1).max(60).optional(),
  /** Capitalised words that are not names (pronouns such as Indonesian `Anda`), for business-name detection. */
  not_names: z.array(z.string().min(1)).default([]),
  /** Words after a number that make it a time for `{time}` (`pm`, `wib`, `h`, `horas`). */
  time_words: z.array(z.string().min(1)).default([]),
});

export const entrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'entry ids are kebab-case'),
  label: z.string().min(1),
  /** Phrases; `word*` is a suffix wildcard; placeholders: {num} {percent} {money} {param} {word} {any} {id} {date} {time}. */
  terms: z.array(z.string().min(1)).min(1),
  /** A match counts only if one of these phrases is in the same sentence (or text, with `context: text`). */
  requires_context: z.array(z.string().min(1)).optional(),
  /** A match does not count if one of these phrases is in the same sentence (or text). */
  unless: z.array(z.string().min(1)).optional(),
  /** A match does not count if it lies inside one of these phrases ("promo*" inside "promotional messages"). */
  except: z.array(z.string().min(1)).optional(),
  context: z.enum(['sentence', 'text']).default('sentence'),
  /** Skip negation handling for this entry (its terms already carry the polarity). */
  ignore_negation: z.boolean().default(false),
  note: z.string().optional(),
  /** Self-tests (prh's specs): texts the entry must match / must not match. */
  matches: z.array(z.string().min(1)).min(1),
  does_not_match: z.array(z.string().min(1)).min(1),
});

export const lexiconFileSchema = z.strictObject({
  description: z.string().optional(),
  entries: z.array(entrySchema).min(1),
});

export type KindDef = z.infer<typeof kindSchema>;
export type LanguageDef = z.infer<typeof languageFileSchema>;
export type EntryDef = z.infer<typeof entrySchema>;
