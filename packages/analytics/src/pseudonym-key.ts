import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { AnalyticsError } from './errors.js';

/** Environment variable that, when set, is the pseudonymisation key (and no key file is read or written). */
export const KEY_ENV = 'PESAN_PSEUDONYM_KEY';

/**
 * The secret of the keyed hash that pseudonymises phone numbers and user ids. It lives OUTSIDE the database (in
 * `<db>.key`, created with owner-only permissions, or in $PESAN_PSEUDONYM_KEY), so a copy of the database alone
 * cannot be reversed by hashing every phone number. The same key must be used for every ingest into a database
 * (and by `pesan forget`), or the same person gets two pseudonyms.
 */
export function keyFilePath(dbPath: string): string {
  return `${dbPath}.key`;
}

export function loadPseudonymKey(dbPath: string, options: { create: boolean }): string {
  const fromEnv = process.env[KEY_ENV];
  if (fromEnv) return fromEnv;
  const file = keyFilePath(dbPath);
  if (existsSync(file)) {
    const mode = statSync(file).mode & 0o077;
    if (mode !== 0 && process.platform !== 'win32') {
      throw new AnalyticsError(`${file}: the pseudonymisation key is readable by other users (mode ${(statSync(file).mode & 0o777).toString(8)}). Run \`chmod 600 ${file}\`.`);
    }
    const key = readFileSync(file, 'utf8').trim();
    if (key.length < 32) throw new AnalyticsError(`${file}: the pseudonymisation key is too short; restore it from a backup or set ${KEY_ENV}.`);
    return key;
  }
  if (!options.create) {
    throw new AnalyticsError(`${file}: no pseudonymisation key beside the database. Restore it, or set ${KEY_ENV} to the key used at ingest.`);
  }
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}
