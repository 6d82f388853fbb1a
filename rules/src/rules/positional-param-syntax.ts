import { defineRule } from '@pesan/core';
import { META, BSP } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { placeholderFields, placeholderProblems, replaceFix } from '../util/parameters.js';

export default defineRule({
  meta: {
    id: 'positional-param-syntax',
    description: 'Placeholders use exactly two braces on each side with nothing else around the number or name: `{{1}}`, `{{first_name}}`.',
    type: 'structure',
    area: 'parameters',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      braces: 'Unexpected placeholder `{{raw}}` in the {{where}}, expected exactly two braces on each side: {{hint}}',
      spaces: 'Unexpected spaces inside `{{raw}}` in the {{where}}, expected `{{expected}}`',
      empty: 'Unexpected empty placeholder `{{raw}}` in the {{where}}, expected a number such as `{{sample}}`',
      zero: 'Unexpected `{{raw}}` in the {{where}}, expected positional parameters to start at `{{sample}}`',
      leadingZero: 'Unexpected leading zero in `{{raw}}` in the {{where}}, expected `{{expected}}`',
      notNumber: 'Unexpected `{{raw}}` in the {{where}}, expected only digits between the braces, such as `{{sample}}`',
    },
    docs: {
      rationale:
        'Meta rejects templates whose parameters are "missing or have mismatched curly braces" (template review). A positional parameter is written `{{1}}`, `{{2}}`, … with exactly two braces on each side and digits only; BSPs report rejections for `{{ 1 }}`, `{1}`, `{{1a}}` and similar near-misses. A placeholder that Meta does not recognise is sent to the customer as literal text.',
      details:
        'Checks the body, a text header and the URL of URL buttons. Reported here: wrong brace counts (`{1}`, `{{1}`, `{1}}`, `{{{1}}}`, also around names), spaces inside the braces (`{{ 1 }}`, `{{ first_name }}`), empty braces, `{{0}}`, leading zeros (`{{01}}`) and other contents that start with a digit (`{{1a}}`). Badly formed names (`{{firstName}}`) are `named-param-syntax`; symbols inside the braces (`{{$amount}}`) are `param-special-chars`. `--fix` removes the spaces, drops leading zeros and sets the brace count to two when the number or name inside is unambiguous.',
      sources: [META.fundamentals, META.review, BSP.hilosInvalidFormat, BSP.ourareaPlaceholders],
      valid: [
        { title: 'Two braces, digits only', draft: exampleDraft('Hi {{1}}, your order {{2}} has shipped and arrives on {{3}}.') },
        { title: 'Indonesian body with named parameters', draft: exampleDraft('Halo {{nama}}, pesanan {{nomor_pesanan}} sudah dikirim.', 'parameter_format: named', { language: 'id' }) },
      ],
      invalid: [
        { title: 'Spaces inside the braces', draft: exampleDraft('Hi {{ 1 }}, your order {{2}} has shipped.'), messageIds: ['spaces'] },
        { title: 'Single braces and a letter after the number', draft: exampleDraft('Hola {1}, su pedido {{2a}} fue enviado.', '', { language: 'es_MX' }), messageIds: ['braces', 'notNumber'] },
      ],
    },
  },
  check({ draft, report }) {
    for (const field of placeholderFields(draft)) {
      for (const problem of placeholderProblems(field.text.text)) {
        if (problem.owner !== 'syntax') continue;
        const fix = problem.expected ? replaceFix(draft, field.text, problem.start, problem.end, problem.expected) : undefined;
        report({
          messageId: problem.kind,
          data: {
            raw: problem.raw,
            where: field.label,
            expected: problem.expected ?? '',
            hint: problem.expected ? `\`${problem.expected}\`` : 'such as `{{1}}` or `{{first_name}}`',
            sample: '{{1}}',
          },
          range: field.text.fileRange(problem.start, problem.end),
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
});
