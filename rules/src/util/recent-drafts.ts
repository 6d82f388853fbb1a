import type { Draft, LintSettings } from '@pesan/core';

/**
 * A per-draft cache of the last few answers, found by identity of the draft and settings. The rules of one draft run
 * one after the other, so a handful is enough, and nothing is kept for drafts already linted: a WeakMap keyed by
 * draft held an entry for every draft of a run, which every garbage collection had to visit.
 */
export class RecentDrafts<T> {
  private readonly entries: ({ draft: Draft; settings: LintSettings; value: T } | undefined)[];
  private next = 0;

  constructor(size = 4) {
    this.entries = new Array<{ draft: Draft; settings: LintSettings; value: T } | undefined>(size);
  }

  /** The cached answer for this draft and settings, or `compute()`'s (then cached). */
  get(draft: Draft, settings: LintSettings, compute: () => T): T {
    for (const entry of this.entries) if (entry !== undefined && entry.draft === draft && entry.settings === settings) return entry.value;
    const value = compute();
    this.entries[this.next] = { draft, settings, value };
    this.next = (this.next + 1) % this.entries.length;
    return value;
  }
}

/**
 * `compute(draft)`, remembered for the last draft only: for helpers that several rules call on the same draft in a
 * row (the parameter fields, the example entries). The answer is shared: callers must not change it.
 */
export function lastDraftMemo<T>(compute: (draft: Draft) => T): (draft: Draft) => T {
  let lastDraft: Draft | undefined;
  let lastValue: T | undefined;
  return (draft) => {
    if (draft !== lastDraft) {
      lastValue = compute(draft);
      lastDraft = draft;
    }
    return lastValue as T;
  };
}
