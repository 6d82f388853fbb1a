import type { Finding, Range as FileRange, SourceFile } from '@pesan/core';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Position, type Range } from 'vscode-languageserver/node.js';

/**
 * Conversions between Pesan's positions and LSP's.
 *
 * Pesan lints the text without a byte-order mark and reports 1-based lines and columns in UTF-16 code units; LSP
 * positions are 0-based and (by default, and in every client we target) also count UTF-16 code units. An editor
 * that keeps the BOM in its buffer sees every offset of the first line shifted by one: `bom` carries that shift.
 */
export interface LintedText {
  file: SourceFile;
  /** 1 when the editor's text starts with a byte-order mark that Pesan stripped, else 0. */
  bom: 0 | 1;
}

/** LSP position of a file offset of the linted (BOM-less) text. */
export function positionAt(text: LintedText, offset: number): Position {
  const p = text.file.lines.position(offset);
  return { line: p.line - 1, character: p.column - 1 + (p.line === 1 ? text.bom : 0) };
}

export function rangeAt(text: LintedText, range: FileRange): Range {
  return { start: positionAt(text, range[0]), end: positionAt(text, range[1]) };
}

/** File offset (into the linted text) of an LSP position. */
export function offsetAt(text: LintedText, position: Position): number {
  const line = position.line + 1;
  if (line > text.file.lines.lineCount) return text.file.text.length;
  const start = text.file.lines.lineStart(line);
  const character = Math.max(0, position.character - (line === 1 ? text.bom : 0));
  return Math.min(start + character, text.file.lines.lineEnd(line));
}

export const SOURCE = 'pesan';

export function toDiagnostic(text: LintedText, finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeAt(text, finding.range),
    severity: finding.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: finding.ruleId,
    source: SOURCE,
    message: finding.message,
  };
  if (finding.url) diagnostic.codeDescription = { href: finding.url };
  // Editors fade an unused directive, as they fade unused code.
  if (finding.ruleId === 'unused-disable-directive') diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

/** True when two LSP ranges touch or overlap (a cursor at either end of a diagnostic counts). */
export function touches(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
