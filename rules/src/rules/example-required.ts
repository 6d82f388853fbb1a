import { defineRule, validParameters, type Range, type TextField } from '@pesan/core';
import { META, BSP } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { distinct, preview, valueRange } from '../util/parameters.js';

const blank = (field: TextField | undefined): boolean => !field || field.value.trim() === '';

export default defineRule({
  meta: {
    id: 'example-required',
    description: 'Every body parameter has an example value, and there are no example values without a parameter.',
    type: 'structure',
    area: 'examples',
    defaultSeverity: 'error',
    messages: {
      missingExample: 'Missing example value for body parameter `{{param}}`, expected {{where}}',
      extraExample: 'Unexpected example value `{{value}}` for `{{param}}`, which the {{component}} does not use, expected one example per parameter (remove it or add the parameter)',
      examplesShape: 'Unexpected {{found}} of body examples for {{kind}} parameters, expected {{expected}}',
    },
    docs: {
      rationale:
        'Meta: "you must include an example value for each parameter" (templates overview; components). Reviewers judge the template with these samples, and appeals must include them (template review). An example without a parameter is a sign that a parameter was removed or renumbered and the examples no longer line up.',
      details:
        'Markdown drafts: `examples.body` is a list in parameter order (`[Ana, A-1042]`) for positional parameters, or a map (`{first_name: Ana}`) for named ones. Meta JSON: `example.body_text[0]` (positional) or `example.body_text_named_params` (named). A blank value counts as missing. The finding marks the first use of the parameter without an example, or the example value without a parameter. Missing header examples are `header-example-required`; extra header example values are reported here. URL button examples are `url-example-required`.',
      sources: [META.fundamentals, META.components, META.review, BSP.dialog360Elements],
      valid: [
        { title: 'One example per parameter', draft: exampleDraft('Hi {{1}}, your order {{2}} has shipped.', 'examples:\n  body: [Ana, A-1042]') },
        { title: 'Named examples (Portuguese)', draft: exampleDraft('Olá {{nome}}, seu pedido {{pedido}} foi enviado.', 'parameter_format: named\nexamples:\n  body: {nome: Carla, pedido: R-88231}', { language: 'pt_BR' }) },
      ],
      invalid: [
        { title: 'Second parameter without an example', draft: exampleDraft('Hi {{1}}, your order {{2}} has shipped.', 'examples:\n  body: [Ana]'), messageIds: ['missingExample'] },
        { title: 'An example too many (Indonesian)', draft: exampleDraft('Halo {{1}}, pesanan Anda sudah dikirim.', 'examples:\n  body: [Budi, INV-2291]', { language: 'id' }), messageIds: ['extraExample'] },
      ],
    },
  },
  check({ draft, report }) {
    const json = draft.format === 'meta-json';
    const examples = draft.bodyExamples;
    const firstExampleRange = (): Range | undefined => examples.range ?? examples.positional[0]?.range ?? [...examples.named.values()][0]?.range;

    const body = draft.body;
    const params = body ? distinct(validParameters(body.text.text)) : [];
    const positional = params.filter((p) => p.kind === 'positional');
    const named = params.filter((p) => p.kind === 'named');
    const shapeRange = firstExampleRange();
    if (named.length > 0 && positional.length === 0 && examples.named.size === 0 && examples.positional.length > 0 && shapeRange) {
      report({
        messageId: 'examplesShape',
        data: { found: 'a list', kind: 'named', expected: json ? '`body_text_named_params` entries with `param_name` and `example`' : 'a map from parameter name to value, such as `{first_name: Ana}`' },
        range: shapeRange,
      });
    } else if (positional.length > 0 && named.length === 0 && examples.positional.length === 0 && examples.named.size > 0 && shapeRange) {
      report({
        messageId: 'examplesShape',
        data: { found: 'a map', kind: 'positional', expected: json ? '`body_text` with one list of values in parameter order' : 'a list in parameter order, such as `[Ana, A-1042]`' },
        range: shapeRange,
      });
    } else {
      if (body) {
        for (const p of params) {
          const field = p.kind === 'positional' ? examples.positional[p.index! - 1] : examples.named.get(p.name!);
          if (!blank(field)) continue;
          const where = p.kind === 'positional'
            ? json ? `value ${p.index} of \`example.body_text[0]\`` : `value ${p.index} of \`examples.body\``
            : json ? `a \`body_text_named_params\` entry with \`"param_name": "${p.name}"\`` : `\`${p.name}\` under \`examples.body\``;
          report({ messageId: 'missingExample', data: { param: p.raw, where }, range: body.text.fileRange(p.start, p.end) });
        }
      }
      const maxNumber = Math.max(0, ...positional.map((p) => p.index!));
      examples.positional.slice(maxNumber).forEach((field, i) => {
        report({ messageId: 'extraExample', data: { value: preview(field.value), param: `{{${maxNumber + i + 1}}}`, component: 'body' }, range: valueRange(field) });
      });
      const names = new Set(named.map((p) => p.name!));
      for (const [name, field] of examples.named) {
        if (names.has(name)) continue;
        report({ messageId: 'extraExample', data: { value: preview(field.value), param: `{{${name}}}`, component: 'body' }, range: valueRange(field) });
      }
    }

    const header = draft.header;
    if (!header || header.format.value !== 'text') return;
    const headerParams = header.text ? distinct(validParameters(header.text.value)) : [];
    if (headerParams.some((p) => p.kind === 'named')) return;
    const headerMax = Math.max(0, ...headerParams.map((p) => p.index!));
    header.examples.slice(headerMax).forEach((field, i) => {
      report({ messageId: 'extraExample', data: { value: preview(field.value), param: `{{${headerMax + i + 1}}}`, component: 'header' }, range: valueRange(field) });
    });
  },
});
