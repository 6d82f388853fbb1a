import { defineRule } from '@pesan/core';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { jsonNamedExampleDeclarations, placeholderFields, placeholderProblems, replaceFix } from '../util/parameters.js';

export default defineRule({
  meta: {
    id: 'named-param-syntax',
    description: 'Named parameters are lowercase letters and underscores (`{{first_name}}`), and each name has one example.',
    type: 'structure',
    area: 'parameters',
    defaultSeverity: 'error',
    hasSuggestions: true,
    messages: {
      invalid: 'Unexpected parameter name `{{name}}` in the {{where}}, expected lowercase letters, digits and underscores{{hint}}',
      rename: 'Rename to `{{suggestion}}`',
      duplicateExample: 'Unexpected second example for `{{name}}` in `{{key}}`, expected each named parameter declared once',
    },
    docs: {
      rationale:
        'Meta: named parameters "must be unique" and are made of "lowercase characters and underscores" (templates overview; utility templates). Meta rejects `{{firstName}}`, `{{First_Name}}` or `{{first-name}}`. Each name is declared once with its example (`body_text_named_params`); a second declaration of the same name is ambiguous.',
      details:
        'Checks the body, a text header and URL buttons. A name may contain digits after its first character (`{{item2}}`): Meta\'s wording does not mention digits, so this is tolerated but unconfirmed. The suggestion rewrites the name in snake case (`firstName` → `first_name`, accents dropped); rename the example key too. Spaces around a valid name (`{{ first_name }}`) are `positional-param-syntax`; symbols such as `$` or `#` are `param-special-chars`. Reusing a name several times in the text is fine. Duplicate declarations can only happen in Meta JSON (a YAML map cannot repeat a key).',
      sources: [META.fundamentals, META.utility],
      valid: [
        { title: 'Snake case names', draft: exampleDraft('Hi {{first_name}}, your order {{order_id}} has shipped.', 'parameter_format: named\nexamples:\n  body: {first_name: Ana, order_id: A-1042}') },
        { title: 'Portuguese template with one name used twice', draft: exampleDraft('Olá {{nome}}, seu pedido chegou. Obrigado, {{nome}}, pela preferência.', 'parameter_format: named', { language: 'pt_BR' }) },
      ],
      invalid: [
        { title: 'Camel case name', draft: exampleDraft('Hi {{firstName}}, your order {{order_id}} has shipped.', 'parameter_format: named'), messageIds: ['invalid'] },
      ],
    },
  },
  check({ draft, report }) {
    for (const field of placeholderFields(draft)) {
      for (const problem of placeholderProblems(field.text.text)) {
        if (problem.owner !== 'named') continue;
        const replacement = problem.suggestion ? `{{${problem.suggestion}}}` : undefined;
        const fix = replacement ? replaceFix(draft, field.text, problem.start, problem.end, replacement) : undefined;
        report({
          messageId: 'invalid',
          data: { name: problem.name, where: field.label, hint: problem.suggestion ? ` (\`${problem.suggestion}\`)` : '' },
          range: field.text.fileRange(problem.start, problem.end),
          ...(fix ? { suggest: [{ messageId: 'rename', data: { suggestion: replacement! }, fix }] } : {}),
        });
      }
    }
    const seen = new Set<string>();
    for (const declaration of jsonNamedExampleDeclarations(draft)) {
      const key = `${declaration.key}\u0000${declaration.name}`;
      if (!seen.has(key)) {
        seen.add(key);
        continue;
      }
      report({ messageId: 'duplicateExample', data: { name: declaration.name, key: declaration.key }, range: declaration.range });
    }
  },
});
