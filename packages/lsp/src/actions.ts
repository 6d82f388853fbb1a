import type { Finding, Fix, ParseResult } from '@pesan/core';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node.js';
import type { Analysis } from './analysis.js';
import { parseText } from './analysis.js';
import { rangeAt } from './convert.js';
import { minimalReplacement } from './vocabulary.js';

/** Findings that a directive cannot (or should not) silence. */
const NOT_DISABLABLE = new Set(['parse-error', 'internal-error', 'unused-disable-directive', 'unknown-rule-in-directive']);

/** Rules whose findings mark a term the project may accept in its config's `vocabulary.accept`. */
export const DEFAULT_VOCABULARY_RULES: readonly string[] = ['no-promotional-content'];

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.pesan`;

function textEdit(analysis: Analysis, fix: Fix): TextEdit {
  return { range: rangeAt(analysis, fix.range), newText: fix.text };
}

function editOf(analysis: Analysis, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [analysis.uri]: edits } };
}

export function fixAction(analysis: Analysis, finding: Finding, diagnostic: Diagnostic): CodeAction | undefined {
  if (!finding.fix) return undefined;
  return {
    title: `Fix: ${finding.message.replace(/\.$/, '')} (${finding.ruleId})`,
    kind: CodeActionKind.QuickFix,
    isPreferred: true,
    diagnostics: [diagnostic],
    edit: editOf(analysis, [textEdit(analysis, finding.fix)]),
  };
}

export function suggestionActions(analysis: Analysis, finding: Finding, diagnostic: Diagnostic): CodeAction[] {
  return (finding.suggestions ?? []).map((s) => ({
    title: s.desc,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: editOf(analysis, [textEdit(analysis, s.fix)]),
  }));
}

/** What a comment must not change: the parsed template values and the body as Meta receives it. */
function meaning(parsed: ParseResult): string {
  return JSON.stringify(parsed.drafts.map((d) => [d.raw, d.body?.text.text ?? null]));
}

const CLOSING_FENCE = /(?:\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)/g;

/**
 * "Disable <rule> for this line": a `pesan-disable-next-line` comment on a new line above the finding's first
 * line (an HTML comment in the body, a YAML comment in front matter), or the rule added to such a comment that is
 * already there. Only offered when the comment provably changes no template value. Meta JSON has no comments.
 */
export function disableAction(analysis: Analysis, finding: Finding, diagnostic: Diagnostic): CodeAction | undefined {
  if (analysis.format !== 'markdown' || NOT_DISABLABLE.has(finding.ruleId) || !analysis.parsed) return undefined;
  const { file } = analysis;
  const text = file.text;
  const line = finding.line;
  if (line <= 1) return undefined;
  const opening = /^---[ \t]*(?:\r\n|\r|\n)/.exec(text);
  if (!opening) return undefined;
  CLOSING_FENCE.lastIndex = opening[0].length - 1;
  const closing = CLOSING_FENCE.exec(text);
  if (!closing) return undefined;
  const fenceLine = file.lines.position(closing.index + closing[0].search(/[-.]/)).line;
  if (line === fenceLine) return undefined;
  const inFrontMatter = line < fenceLine;
  const lineStart = file.lines.lineStart(line);
  const lineText = text.slice(lineStart, file.lines.lineEnd(line));
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';

  let replacement: { start: number; end: number; text: string };
  const previousStart = file.lines.lineStart(line - 1);
  const previous = text.slice(previousStart, file.lines.lineEnd(line - 1));
  const existing = inFrontMatter
    ? /^(\s*#\s*pesan-disable-next-line\s+)([^\s,]+(?:\s*,\s*[^\s,]+)*)(\s*)$/.exec(previous)
    : /^(\s*<!--\s*pesan-disable-next-line\s+)([^\s,]+(?:\s*,\s*[^\s,]+)*)(\s*-->\s*)$/.exec(previous);
  if (existing && !existing[2]!.includes('--')) {
    const ids = existing[2]!.split(/\s*,\s*/);
    if (ids.includes(finding.ruleId)) return undefined;
    const at = previousStart + existing[1]!.length + existing[2]!.length;
    replacement = { start: at, end: at, text: `, ${finding.ruleId}` };
  } else {
    const indent = /^[ \t]*/.exec(lineText)![0];
    const comment = inFrontMatter ? `${indent}# pesan-disable-next-line ${finding.ruleId}` : `${indent.length < 4 ? indent : ''}<!-- pesan-disable-next-line ${finding.ruleId} -->`;
    replacement = { start: lineStart, end: lineStart, text: comment + eol };
  }
  // Check that the comment is a comment: inside a YAML block scalar or a quoted multi-line string it would be
  // text, and in a Markdown code block it would be code.
  const changed = text.slice(0, replacement.start) + replacement.text + text.slice(replacement.end);
  const reparsed = parseText(file.path, changed).parsed;
  if (meaning(reparsed) !== meaning(analysis.parsed)) return undefined;
  const directiveLine = existing ? line - 1 : line;
  if (!reparsed.directives.some((d) => d.kind === 'disable-next-line' && d.line === directiveLine && d.ruleIds.some((r) => r.id === finding.ruleId))) return undefined;
  return {
    title: `Disable ${finding.ruleId} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: editOf(analysis, [{ range: rangeAt(analysis, [replacement.start, replacement.end]), newText: replacement.text }]),
  };
}

/** The term a finding marks, as it would be written in `vocabulary.accept`. */
export function markedTerm(analysis: Analysis, finding: Finding): string {
  return analysis.file.text.slice(finding.range[0], finding.range[1]).replace(/\s+/g, ' ').trim();
}

/** One edit for every safe fix of the document (ESLint's "fix all"): the core applies them until stable. */
export function fixAllEdit(analysis: Analysis, fixedText: string): WorkspaceEdit {
  const change = minimalReplacement(analysis.file.text, fixedText);
  return editOf(analysis, [{ range: rangeAt(analysis, [change.start, change.end]), newText: change.text }]);
}
