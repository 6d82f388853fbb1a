import { defineRule, type Draft, type Fix } from '@pesan/core';
import { META, BSP } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { declaredParameterFormat, templateParameters } from '../util/parameters.js';

/** How `parameter_format` is written in the draft's format. */
function declaration(draft: Draft, value: 'named' | 'positional'): string {
  return draft.format === 'meta-json' ? `"parameter_format": "${value.toUpperCase()}"` : `parameter_format: ${value}`;
}

/** Sets `parameter_format` (replacing the value, or adding the field after the category). */
function setFormat(draft: Draft, value: 'named' | 'positional'): Fix | undefined {
  const json = draft.format === 'meta-json';
  if (draft.parameterFormat) return { range: draft.parameterFormat.range, text: json ? `"${value.toUpperCase()}"` : value };
  const anchor = draft.category ?? draft.language ?? draft.name;
  if (!anchor) return undefined;
  const end = anchor.range[1];
  if (json) return draft.file.text[end - 1] === '"' ? { range: [end, end], text: `, ${declaration(draft, value)}` } : undefined;
  const next = draft.file.text[end];
  if (next !== '\n' && next !== '\r') return undefined;
  return { range: [end, end], text: `${next === '\r' ? '\r\n' : '\n'}${declaration(draft, value)}` };
}

export default defineRule({
  meta: {
    id: 'param-format-declared',
    description: '`parameter_format` is `positional` or `named` and matches the parameters the template uses.',
    type: 'structure',
    area: 'parameters',
    defaultSeverity: 'error',
    hasSuggestions: true,
    messages: {
      unknown: 'Unexpected parameter_format `{{value}}`, expected {{expected}}',
      namedUndeclared: 'Unexpected named parameter `{{param}}` in the {{where}} with {{declared}}, expected `{{expected}}`',
      positionalDeclaredNamed: 'Unexpected positional parameter `{{param}}` in the {{where}} with `{{declared}}`, expected named parameters such as `{{sample}}`',
      setFormat: 'Set `parameter_format` to `{{value}}`',
    },
    docs: {
      rationale:
        'Meta reads parameters as positional unless the template is created with `parameter_format: "NAMED"`; named parameters such as `{{first_name}}` are rejected without it (templates overview; reported in Whatsapp-Business-Cloud-Api-Net issue #194). The only values are POSITIONAL (the default) and NAMED, so positional `{{1}}` under NAMED does not work either.',
      details:
        'Front matter: `parameter_format: named` (or `positional`); Meta JSON: `"parameter_format": "NAMED"`. Values are case-insensitive. Parameters are read from the body, a text header and URL buttons. A template that mixes both formats is reported by `mixed-param-format` instead. The suggestion sets or adds the field.',
      sources: [META.fundamentals, BSP.cloudApiNet194],
      valid: [
        { title: 'Named parameters declared', draft: exampleDraft('Hi {{first_name}}, your order {{order_id}} has shipped.', 'parameter_format: named') },
        { title: 'Positional parameters, nothing to declare (Indonesian)', draft: exampleDraft('Halo {{1}}, pesanan {{2}} sudah dikirim.', '', { language: 'id' }) },
      ],
      invalid: [
        { title: 'Named parameters without parameter_format', draft: exampleDraft('Hi {{first_name}}, your order {{order_id}} has shipped.'), messageIds: ['namedUndeclared'] },
        { title: 'Unknown value', draft: exampleDraft('Hi {{1}}, your order {{2}} has shipped.', 'parameter_format: numbered'), messageIds: ['unknown'] },
      ],
    },
  },
  check({ draft, report }) {
    const declared = declaredParameterFormat(draft);
    const json = draft.format === 'meta-json';
    if (declared === 'unknown') {
      report({
        messageId: 'unknown',
        data: { value: draft.parameterFormat!.value, expected: json ? '`POSITIONAL` or `NAMED`' : '`positional` or `named`' },
        range: draft.parameterFormat!.range,
      });
      return;
    }
    const params = templateParameters(draft);
    const positional = params.find((p) => p.param.kind === 'positional');
    const named = params.find((p) => p.param.kind === 'named');
    if (named && !positional && declared !== 'named') {
      const fix = setFormat(draft, 'named');
      report({
        messageId: 'namedUndeclared',
        data: {
          param: named.param.raw,
          where: named.field.label,
          declared: declared ? `\`${declaration(draft, 'positional')}\`` : 'no `parameter_format` (positional by default)',
          expected: declaration(draft, 'named'),
        },
        range: named.field.text.fileRange(named.param.start, named.param.end),
        ...(fix ? { suggest: [{ messageId: 'setFormat', data: { value: json ? 'NAMED' : 'named' }, fix }] } : {}),
      });
    } else if (positional && !named && declared === 'named') {
      const fix = setFormat(draft, 'positional');
      report({
        messageId: 'positionalDeclaredNamed',
        data: { param: positional.param.raw, where: positional.field.label, declared: declaration(draft, 'named'), sample: '{{first_name}}' },
        range: positional.field.text.fileRange(positional.param.start, positional.param.end),
        ...(fix ? { suggest: [{ messageId: 'setFormat', data: { value: json ? 'POSITIONAL' : 'positional' }, fix }] } : {}),
      });
    }
  },
});
