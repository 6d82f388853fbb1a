import { defineRule } from '@pesan/core';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { declaredParameterFormat, templateParameters } from '../util/parameters.js';

export default defineRule({
  meta: {
    id: 'mixed-param-format',
    description: 'A template uses either positional (`{{1}}`) or named (`{{first_name}}`) parameters, not both.',
    type: 'structure',
    area: 'parameters',
    defaultSeverity: 'error',
    messages: {
      mixed: 'Unexpected {{odd}} parameter `{{param}}` in the {{where}} of a template that also uses {{other}} parameters (`{{sample}}`), expected one format in the whole template',
    },
    docs: {
      rationale:
        'A template declares one `parameter_format` (POSITIONAL, the default, or NAMED) for all its components, so Meta cannot accept `{{1}}` and `{{first_name}}` side by side. The rule is inferred from the single `parameter_format` field; Meta\'s pages do not spell it out (unconfirmed wording).',
      details:
        'Looks at the body, a text header and URL buttons together. The finding marks the first parameter of the format that does not match `parameter_format` (positional when it is not set). Whether the declared format matches the parameters is `param-format-declared`.',
      sources: [META.fundamentals],
      valid: [
        { title: 'Positional everywhere', draft: exampleDraft('Hi {{1}}, your order {{2}} has shipped.', 'header: Order {{1}} shipped') },
        { title: 'Named everywhere (Spanish)', draft: exampleDraft('Hola {{nombre}}, su pedido {{pedido}} fue enviado.', 'parameter_format: named', { language: 'es_MX' }) },
      ],
      invalid: [
        { title: 'A named parameter among positional ones', draft: exampleDraft('Hi {{1}}, your order {{order_id}} has shipped.'), messageIds: ['mixed'] },
      ],
    },
  },
  check({ draft, report }) {
    const params = templateParameters(draft);
    const positional = params.find((p) => p.param.kind === 'positional');
    const named = params.find((p) => p.param.kind === 'named');
    if (!positional || !named) return;
    const namedDeclared = declaredParameterFormat(draft) === 'named';
    const odd = namedDeclared ? positional : named;
    const other = namedDeclared ? named : positional;
    report({
      messageId: 'mixed',
      data: { odd: odd.param.kind, other: other.param.kind, param: odd.param.raw, where: odd.field.label, sample: other.param.raw },
      range: odd.field.text.fileRange(odd.param.start, odd.param.end),
    });
  },
});
