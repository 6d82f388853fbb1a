import type { z } from 'zod';

/**
 * A yes/no validity check compiled from a zod schema, for the front matter of every draft: `safeParse` builds a
 * result, an issue list and, for unions, one attempt per option, ≈ 10 µs per draft where this check takes well under
 * one. It only answers "valid": when it says false (or meets a schema feature it does not know) the caller runs
 * zod, which also words the messages. So it must never call a value valid that zod rejects: a property test
 * (`schema-check.test.ts`) compares the two on random values.
 *
 * Supported: strict and loose objects, string, number, boolean, enum, optional, union, array, record with string
 * keys, all without refinements or other checks. Anything else compiles to "ask zod".
 */
export type ValidityCheck = (value: unknown) => boolean;

const ASK_ZOD: ValidityCheck = () => false;

interface Def {
  type: string;
  checks?: unknown[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string | number>;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

export function compileValidityCheck(schema: z.ZodType): ValidityCheck {
  return compile(schema) ?? ASK_ZOD;
}

/** The check for one schema node, or undefined when it uses something this compiler does not know. */
function compile(schema: z.ZodType): ValidityCheck | undefined {
  const def = defOf(schema);
  if (def.checks !== undefined && def.checks.length > 0) return undefined;
  switch (def.type) {
    case 'string':
      return (v) => typeof v === 'string';
    case 'number':
      // zod 4 rejects NaN and ±Infinity.
      return (v) => typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'enum': {
      const allowed = new Set(Object.values(def.entries ?? {}));
      return (v) => (typeof v === 'string' || typeof v === 'number') && allowed.has(v);
    }
    case 'optional': {
      const inner = def.innerType && compile(def.innerType);
      return inner && ((v) => v === undefined || inner(v));
    }
    case 'union': {
      const options = (def.options ?? []).map(compile);
      if (options.length === 0 || options.some((o) => o === undefined)) return undefined;
      const checks = options as ValidityCheck[];
      return (v) => {
        for (const check of checks) if (check(v)) return true;
        return false;
      };
    }
    case 'array': {
      const element = def.element && compile(def.element);
      return (
        element &&
        ((v) => {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
          return true;
        })
      );
    }
    case 'record': {
      if (!def.keyType || defOf(def.keyType).type !== 'string' || (defOf(def.keyType).checks?.length ?? 0) > 0) return undefined;
      const value = def.valueType && compile(def.valueType);
      return value && ((v) => isPlainRecord(v) && Object.values(v).every(value));
    }
    case 'object':
      return compileObject(def);
    default:
      return undefined;
  }
}

function compileObject(def: Def): ValidityCheck | undefined {
  const catchall = def.catchall ? defOf(def.catchall).type : undefined;
  // A strict object (catchall never) rejects unknown keys, a loose one (catchall unknown) keeps them.
  if (catchall !== undefined && catchall !== 'never' && catchall !== 'unknown') return undefined;
  const strict = catchall === 'never';
  const keys: string[] = [];
  const checks: ValidityCheck[] = [];
  const required: string[] = [];
  for (const [key, field] of Object.entries(def.shape ?? {})) {
    const check = compile(field);
    if (!check) return undefined;
    keys.push(key);
    checks.push(check);
    if (!check(undefined)) required.push(key);
  }
  if (!strict) {
    return (v) => {
      if (!isPlainRecord(v)) return false;
      for (let i = 0; i < keys.length; i++) if (!checks[i]!(v[keys[i]!])) return false;
      return true;
    };
  }
  // A strict object: each key present must be known and valid, and each required one present. Front matter has a
  // few of its many optional keys: checking the keys it has is cheaper than checking every key of the schema.
  const checkOf = new Map(keys.map((key, i) => [key, checks[i]!]));
  return (v) => {
    if (!isPlainRecord(v)) return false;
    for (const key in v) {
      const check = checkOf.get(key);
      if (check === undefined || !check(v[key])) return false;
    }
    for (let i = 0; i < required.length; i++) if (v[required[i]!] === undefined) return false;
    return true;
  };
}

function isPlainRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
