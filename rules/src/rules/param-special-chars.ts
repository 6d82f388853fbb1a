import { defineRule } from '@pesan/core';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { placeholderFields, placeholderProblems, replaceFix } from '../util/parameters.js';

export default defineRule({
  meta: {
    id: 'param-special-chars',
    description: 'No symbols such as `#`, `$` or `%` inside a parameter\'s braces; currency next to a parameter is fine.',
    type: 'structure',
    area: 'parameters',
    defaultSeverity: 'error',
    hasSuggestions: true,
    messages: {
      special: 'Unexpected `{{chars}}` inside `{{raw}}` in the {{where}}, expected only a-z, 0-9 and _ between the braces',
      moveOut: 'Move the symbol outside the braces: `{{moved}}`',
    },
    docs: {
      rationale:
        'Meta rejects templates whose parameters contain special characters such as `#`, `$` or `%` (template review). The symbol belongs in the fixed text: Meta\'s own example is "Your refund for ${{amount}}" (template categorization), and `Rp {{1}}` or `R$ {{1}}` are fine.',
      details:
        'Checks the body, a text header and URL buttons. Any character other than letters, digits, `_`, `-` and spaces inside the braces is reported here; capitals, hyphens and spaces in a name are `named-param-syntax`. When the symbol sits at the edge of a valid number or name, the suggestion moves it outside the braces (`{{$amount}}` → `${{amount}}`, `{{#1}}` → `#{{1}}`).',
      sources: [META.review, META.categorization],
      valid: [
        { title: 'Currency before the parameter', draft: exampleDraft('Your refund for ${{1}} was sent to your card ending {{2}}.') },
        { title: 'Indonesian amount in rupiah', draft: exampleDraft('Tagihan {{1}} sebesar Rp {{2}} jatuh tempo besok.', '', { language: 'id' }) },
      ],
      invalid: [
        { title: 'Dollar sign inside the braces', draft: exampleDraft('Your refund for {{$amount}} was sent.', 'parameter_format: named'), messageIds: ['special'] },
        { title: 'Hash inside the braces (Spanish)', draft: exampleDraft('Su pedido {{#1}} fue enviado.', '', { language: 'es_MX' }), messageIds: ['special'] },
      ],
    },
  },
  check({ draft, report }) {
    for (const field of placeholderFields(draft)) {
      for (const problem of placeholderProblems(field.text.text)) {
        if (problem.owner !== 'special') continue;
        const fix = problem.moved ? replaceFix(draft, field.text, problem.start, problem.end, problem.moved) : undefined;
        report({
          messageId: 'special',
          data: { chars: problem.chars, raw: problem.raw, where: field.label },
          range: field.text.fileRange(problem.start, problem.end),
          ...(fix ? { suggest: [{ messageId: 'moveOut', data: { moved: problem.moved! }, fix }] } : {}),
        });
      }
    }
  },
});
