import { isMap, isSeq, parseDocument, type Document, type Node, type YAMLMap } from 'yaml';
import type { Draft, SourceFile } from '@pesan/core';

/**
 * Meta JSON drafts re-read as YAML nodes, for the few rules that need what the model does not keep (every
 * component, duplicate named examples). One parse per file, shared by every rule that asks.
 */
const documents = new WeakMap<SourceFile, Document.Parsed>();

/** The object node of `draft`'s template in its Meta JSON file (object, array, or `{data: [...]}`). */
export function jsonTemplateNode(draft: Draft): YAMLMap | undefined {
  if (draft.format !== 'meta-json') return undefined;
  let doc = documents.get(draft.file);
  if (!doc) {
    // As the core parser does: a lone CR read as LF (same length), which the `yaml` parser needs to end a line.
    doc = parseDocument(draft.file.text.replace(/\r(?!\n)/g, '\n'), { uniqueKeys: false, prettyErrors: false });
    documents.set(draft.file, doc);
  }
  const root = doc.contents;
  const candidates: unknown[] = [];
  if (isSeq(root)) candidates.push(...root.items);
  else if (isMap(root)) {
    const data = root.items.find((pair) => (pair.key as { value?: unknown } | null)?.value === 'data')?.value;
    if (isSeq(data)) candidates.push(...data.items);
    candidates.push(root);
  }
  const template = candidates.find((node) => isMap(node) && (node as Node).range?.[0] === draft.range[0]);
  return isMap(template) ? template : undefined;
}
