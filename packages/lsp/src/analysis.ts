import path from 'node:path';
import { createSourceFile, formatForPath, parseDraftFile, type DraftFormat, type FileResult, type ParseResult, type ResolvedConfig } from '@pesan/core';
import type { Diagnostic } from 'vscode-languageserver/node.js';
import type { LintedText } from './convert.js';

/** What the server knows about one open document at one version. */
export interface Analysis extends LintedText {
  uri: string;
  version: number;
  /** Config generation the analysis was made with (a config or lexicon change starts a new one). */
  generation: number;
  filePath: string;
  format: DraftFormat;
  /** Undefined when the document is not a template draft (a README, a package.json...). */
  parsed?: ParseResult;
  result?: FileResult;
  config?: ResolvedConfig;
  /** A config that could not be loaded: reported as one diagnostic at the top of the draft. */
  configError?: string;
  diagnostics: Diagnostic[];
}

/** JSON files that are tool configuration, never templates (as `pesan lint <dir>` skips them). */
const NOT_TEMPLATES = new Set(['package.json', 'package-lock.json', 'pesan.config.json', 'pesan-suppressions.json', 'tsconfig.json', '.pesancache', 'composer.json', 'settings.json', 'launch.json', 'tasks.json']);

const FRONT_MATTER = /^---[ \t]*(?:\r\n|\r|\n)/;
const META_JSON_HINT = /"components"\s*:|"(?:name|language|category)"\s*:[\s\S]*"(?:name|language|category)"\s*:/i;

/**
 * Whether an open document is a template draft: a Markdown file that starts with front matter, or a JSON file
 * that looks like Meta's template JSON. Editors open many Markdown and JSON files that are not drafts; linting
 * them would bury the user in parse errors.
 */
export function isDraft(filePath: string, text: string): boolean {
  const base = path.basename(filePath).toLowerCase();
  if (NOT_TEMPLATES.has(base) || /[\\/]node_modules[\\/]/.test(filePath)) return false;
  const ext = path.extname(base);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (ext === '.md' || ext === '.markdown') return FRONT_MATTER.test(body);
  if (ext === '.json') return META_JSON_HINT.test(body);
  return false;
}

/** Source file and parse of the editor text (a BOM is stripped as `pesan lint` does, and remembered). */
export function parseText(filePath: string, text: string): { lintedText: LintedText; format: DraftFormat; parsed: ParseResult } {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const file = createSourceFile(filePath, bom ? text.slice(1) : text);
  const format = formatForPath(filePath);
  return { lintedText: { file, bom }, format, parsed: parseDraftFile(file, format) };
}
