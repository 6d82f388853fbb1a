import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { defineRule, type Rule, type RuleCatalog } from '../src/index.js';

/** A tiny catalog for engine tests: one rule per severity kind, one with options. */
export const markerRule = defineRule({
  meta: {
    id: 'no-marker',
    description: 'Flags the word MARKER in the body.',
    type: 'style',
    area: 'body',
    defaultSeverity: 'error',
    fixable: true,
    options: z.strictObject({ word: z.string().default('MARKER') }),
    messages: { found: 'Unexpected {{word}}' },
    docs: { rationale: '', sources: [], valid: [], invalid: [] },
  },
  check({ draft, options, report }) {
    const body = draft.body?.text;
    if (!body) return;
    for (let i = body.text.indexOf(options.word); i !== -1; i = body.text.indexOf(options.word, i + 1)) {
      report({ messageId: 'found', data: { word: options.word }, range: body.fileRange(i, i + options.word.length), fix: { range: body.fileRange(i, i + options.word.length), text: 'marker' } });
    }
  },
});

export const infoRule = defineRule({
  meta: {
    id: 'info-rule',
    description: 'Info-level rule that flags every draft.',
    type: 'style',
    area: 'body',
    defaultSeverity: 'info',
    categories: ['MARKETING'],
    messages: { always: 'Always' },
    docs: { rationale: '', sources: [], valid: [], invalid: [] },
  },
  check({ draft, report }) {
    if (draft.body) report({ messageId: 'always', range: draft.body.range });
  },
});

export const testCatalog: RuleCatalog = {
  rules: [markerRule, infoRule] as Rule[],
  version: 'test',
  docsUrl: (id) => `https://docs.example/${id}`,
};

export function tempTree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pesan-core-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}

export const draftText = (body: string, category = 'UTILITY'): string => `---\nname: a\ncategory: ${category}\nlanguage: en\n---\n${body}\n`;
