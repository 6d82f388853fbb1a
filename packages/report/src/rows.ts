/** DuckDB returns BIGINT columns as bigint and DECIMAL as numbers or strings: the report wants plain numbers. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value === null || value === undefined) return 0;
  return Number(value);
}

export function toNullableNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : toNumber(value);
}

export function toNullableString(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** a / b, or null when b is 0 (the rate of an empty group is unknown, not 0). */
export function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Key of a template in maps: name and language (languages compared as Meta writes them, en_US). */
export function templateKey(template: string, language: string | null | undefined): string {
  return `${template}\u0000${normaliseLanguage(language ?? '')}`;
}

export function normaliseLanguage(language: string): string {
  return language.replace(/-/g, '_').toLowerCase();
}
