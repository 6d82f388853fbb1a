import { nodeCrypto } from '../lazy-builtins.js';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FileResult } from '../engine/finding.js';

/**
 * The `--cache` file: per draft, the hash of everything that decides its findings (file content, the resolved
 * config, the CLI rule overrides, the rule catalog's code and lexicons, Pesan's version) and the result. A hit
 * skips reading the draft with YAML/remark and running rules; anything that changes invalidates the entry.
 */
export interface CacheEntry {
  key: string;
  result: FileResult;
}

export class LintCache {
  private entries: Record<string, CacheEntry> = {};
  private dirty = false;

  constructor(
    readonly location: string,
    /** Everything global that decides results (catalog fingerprint, version, CLI overrides). */
    private readonly globalKey: string,
  ) {
    if (!existsSync(location)) return;
    try {
      const data = JSON.parse(readFileSync(location, 'utf8')) as { globalKey?: string; entries?: Record<string, CacheEntry> };
      // A different Pesan, rule set or override set invalidates the whole cache at once.
      if (data.globalKey === globalKey && data.entries) this.entries = data.entries;
      else this.dirty = true;
    } catch {
      // A corrupt cache is just a cold cache.
      this.dirty = true;
    }
  }

  static keyFor(content: Buffer | string, configHash: string): string {
    return nodeCrypto().createHash('md5').update(content).update('\0').update(configHash).digest('hex');
  }

  get(filePath: string, key: string): FileResult | undefined {
    const entry = this.entries[filePath];
    return entry && entry.key === key ? entry.result : undefined;
  }

  set(filePath: string, key: string, result: FileResult): void {
    this.entries[filePath] = { key, result };
    this.dirty = true;
  }

  /** Drops entries of files not in this run only when asked; entries of other runs stay usable. */
  save(): void {
    if (!this.dirty) return;
    mkdirSync(path.dirname(path.resolve(this.location)), { recursive: true });
    const temp = `${this.location}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ globalKey: this.globalKey, entries: this.entries }));
    // Atomic replace: a killed run never leaves a half-written cache.
    renameSync(temp, this.location);
    this.dirty = false;
  }
}
