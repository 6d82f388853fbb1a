import type { FileResult } from '../engine/finding.js';
import type { Rule } from '../engine/rule.js';

export interface SarifOptions {
  version: string;
  rules: readonly Rule[];
  docsUrl(id: string): string;
  /** Turns a result's file path into the artifact URI (relative to the repository root for code scanning). */
  uri(filePath: string): string;
}

/** SARIF 2.1.0 for GitHub code scanning and other SARIF consumers. One run, one tool, rules with help URIs. */
export function formatSarif(results: readonly FileResult[], options: SarifOptions): string {
  const used = new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)));
  const rules = options.rules.filter((r) => used.has(r.meta.id));
  const index = new Map(rules.map((r, i) => [r.meta.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pesan',
            informationUri: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/overview',
            version: options.version,
            rules: rules.map((r) => ({
              id: r.meta.id,
              name: r.meta.id.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase()),
              shortDescription: { text: r.meta.description },
              fullDescription: { text: r.meta.docs.rationale || r.meta.description },
              helpUri: options.docsUrl(r.meta.id),
              help: { text: `${r.meta.description} See ${options.docsUrl(r.meta.id)}` },
              defaultConfiguration: { level: r.meta.defaultSeverity === 'error' ? 'error' : r.meta.defaultSeverity === 'warn' ? 'warning' : 'note' },
              properties: { tags: [r.meta.type, r.meta.area] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((result) =>
          result.messages.map((m) => ({
            ruleId: m.ruleId,
            ...(index.has(m.ruleId) ? { ruleIndex: index.get(m.ruleId) } : {}),
            level: m.severity === 2 ? 'error' : 'warning',
            message: { text: m.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: options.uri(result.filePath) },
                  region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
                },
              },
            ],
            ...(m.fix ? { fixes: [{ description: { text: 'Safe fix' }, artifactChanges: [{ artifactLocation: { uri: options.uri(result.filePath) }, replacements: [{ deletedRegion: { charOffset: m.fix.range[0], charLength: m.fix.range[1] - m.fix.range[0] }, insertedContent: { text: m.fix.text } }] }] }] } : {}),
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
