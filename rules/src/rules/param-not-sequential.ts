import { defineRule, validParameters, type Draft } from '@pesan/core';
import { META, BSP } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { placeholderFields, placeholderProblems, replaceManyFix, type PlaceholderField } from '../util/parameters.js';

/** How many positional example values the field has; undefined where examples are not per parameter (URLs). */
function exampleCount(draft: Draft, field: PlaceholderField): number | undefined {
  if (field.kind === 'body') return draft.bodyExamples.positional.length;
  if (field.kind === 'header') return draft.header?.examples.length ?? 0;
  return undefined;
}

const LISTED = 5;

/** The positional parameters use exactly the numbers 1..n (in any order, repeats allowed), or there are none. */
function numberedOneToN(params: readonly { index?: number }[]): boolean {
  if (params.length === 0) return true;
  const seen: boolean[] = [];
  let distinct = 0;
  let max = 0;
  for (const p of params) {
    const n = p.index!;
    if (n > params.length) return false;
    if (!seen[n]) {
      seen[n] = true;
      distinct++;
    }
    if (n > max) max = n;
  }
  return distinct === max;
}

export default defineRule({
  meta: {
    id: 'param-not-sequential',
    description: 'Positional parameters start at `{{1}}` and have no gaps in their numbering.',
    type: 'structure',
    area: 'parameters',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      notSequential: 'Unexpected `{{param}}` in the {{where}}, expected parameters numbered from {{first}} without gaps (missing {{missing}})',
    },
    docs: {
      rationale:
        'Meta rejects templates whose positional parameters do not run 1, 2, 3, …: "{{1}}, {{2}}, {{5}}, {{4}}" is invalid (template review). Practitioners report that using the numbers out of order or several times is fine as long as none is missing (Maqsam).',
      details:
        'Each component is numbered on its own: the body from `{{1}}`, a text header from its own `{{1}}`, a URL button from its own `{{1}}`. The finding marks the first parameter that would need a new number and lists the missing ones. `--fix` renumbers the parameters in order of their numbers (`{{1}} {{3}} {{4}}` → `{{1}} {{2}} {{3}}`), keeping repeated uses consistent. It does so only when the examples still line up: when there are none, or exactly one per distinct parameter; otherwise renumber by hand and move the example values. Near-misses such as `{{ 2 }}`, `{2}` or `{{02}}` count as the number they stand for; while the field has any malformed placeholder, there is no fix (fix them with `positional-param-syntax` first).',
      sources: [META.review, BSP.maqsam],
      valid: [
        { title: 'Numbered from 1 without gaps', draft: exampleDraft('Hi {{1}}, your order {{2}} arrives on {{3}}.') },
        { title: 'Out of order and reused, but no gap (Portuguese)', draft: exampleDraft('Olá {{2}}, seu pedido {{1}} foi enviado. {{2}}, obrigado pela compra.', '', { language: 'pt_BR' }) },
      ],
      invalid: [
        { title: 'A gap after {{2}}', draft: exampleDraft('Hi {{1}}, your order {{2}} arrives on {{4}}.'), messageIds: ['notSequential'] },
        { title: 'Starts at {{2}}', draft: exampleDraft('Halo {{2}}, pesanan {{3}} sudah dikirim.', '', { language: 'id' }), messageIds: ['notSequential'] },
      ],
    },
  },
  check({ draft, report }) {
    for (const field of placeholderFields(draft)) {
      const valid = validParameters(field.text.text).filter((p) => p.kind === 'positional');
      // Near-misses such as `{{ 2 }}` or `{2}` stand for their number: counting them avoids reporting a gap that
      // positional-param-syntax will close, and their presence rules out the fix (both fixes would apply at once).
      const syntaxProblems = placeholderProblems(field.text.text).filter((p) => p.owner === 'syntax');
      // Most fields number their parameters 1..n already: tell that without building the lists below.
      if (syntaxProblems.length === 0 && numberedOneToN(valid)) continue;
      const nearMisses = syntaxProblems
        .map((p) => ({ start: p.start, end: p.end, raw: p.raw, inner: p.raw.replace(/^\{+|\}+$/g, '').trim() }))
        .filter((p) => /^\d+$/.test(p.inner) && Number(p.inner) > 0)
        .map((p) => ({ start: p.start, end: p.end, raw: p.raw, index: Number(p.inner) }));
      const params = [...valid.map((p) => ({ start: p.start, end: p.end, raw: p.raw, index: p.index! })), ...nearMisses].sort((a, b) => a.start - b.start);
      if (params.length === 0) continue;
      const numbers = [...new Set(params.map((p) => p.index))].sort((a, b) => a - b);
      if (numbers.every((n, i) => n === i + 1)) continue;
      const renumbered = new Map(numbers.map((n, i) => [n, i + 1]));
      const present = new Set(numbers);
      const missing: string[] = [];
      let missingCount = 0;
      for (let n = 1; n < numbers[numbers.length - 1]!; n++) {
        if (present.has(n)) continue;
        missingCount++;
        if (missing.length < LISTED) missing.push(`{{${n}}}`);
      }
      const listed = missingCount > missing.length ? `${missing.join(', ')} and ${missingCount - missing.length} more` : missing.join(', ');
      const changed = params.filter((p) => renumbered.get(p.index) !== p.index);
      const first = changed[0]!;
      const examples = exampleCount(draft, field);
      const safe = syntaxProblems.length === 0 && (examples === undefined || examples === 0 || examples === numbers.length);
      const fix = safe ? replaceManyFix(draft, field.text, changed.map((p) => ({ start: p.start, end: p.end, text: `{{${renumbered.get(p.index)}}}` }))) : undefined;
      report({
        messageId: 'notSequential',
        data: { param: first.raw, where: field.label, first: '{{1}}', missing: listed },
        range: field.text.fileRange(first.start, first.end),
        ...(fix ? { fix } : {}),
      });
    }
  },
});
