import { defineRule, type Rule } from './rule.js';

/**
 * Findings that the engine itself produces (reading a file, directives). They are rules too, so they have ids,
 * severities, doc pages and can be configured, but their findings come from the parser and the directive pass.
 */
const engineOwned = (): void => {
  // The engine reports these findings; there is nothing to check per draft.
};

export const parseErrorRule = defineRule({
  meta: {
    id: 'parse-error',
    description: 'The draft cannot be read: invalid YAML front matter or JSON, missing front matter, or an empty body.',
    type: 'structure',
    area: 'file',
    defaultSeverity: 'error',
    messages: { parseError: '{{message}}' },
    docs: {
      rationale:
        'A draft that cannot be read cannot be checked or submitted. Pesan reports it at the exact position of the syntax problem, exits 1, and still lints the other files.',
      sources: [{ label: 'YAML 1.2', url: 'https://yaml.org/spec/1.2.2/' }, { label: 'RFC 8259 (JSON)', url: 'https://www.rfc-editor.org/rfc/rfc8259' }],
      valid: [{ title: 'Front matter between `---` lines', draft: '---\nname: order_shipped\ncategory: UTILITY\nlanguage: en_US\n---\nYour order {{1}} has shipped and arrives on {{2}}. Thank you.\n' }],
      invalid: [
        { title: 'Unclosed quote in front matter', draft: '---\nname: "order_shipped\ncategory: UTILITY\nlanguage: en_US\n---\nYour order has shipped.\n', messageIds: ['parseError'] },
        { title: 'Empty body', draft: '---\nname: order_shipped\ncategory: UTILITY\nlanguage: en_US\n---\n\n', messageIds: ['parseError'] },
      ],
    },
  },
  check: engineOwned,
});

export const templateSchemaRule = defineRule({
  meta: {
    id: 'template-schema',
    description: 'Front matter and Meta JSON have the documented shape: required keys, value types, no unknown keys.',
    type: 'structure',
    area: 'file',
    defaultSeverity: 'error',
    messages: { schema: '{{message}}' },
    docs: {
      rationale:
        'A misspelled key (`fotter:`) is silently ignored by most tools and the footer never reaches Meta. Pesan validates the whole draft against its schema and reports unknown keys, wrong types and missing required keys (`name`, `category`, `language`).',
      sources: [{ label: 'Meta: template components', url: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/components' }],
      valid: [{ title: 'Known keys only', draft: '---\nname: order_shipped\ncategory: UTILITY\nlanguage: en_US\nfooter: Reply STOP to opt out\n---\nYour order {{1}} has shipped and arrives on {{2}}. Thank you.\n' }],
      invalid: [
        { title: 'Misspelled key', draft: '---\nname: order_shipped\ncategory: UTILITY\nlanguage: en_US\nfotter: Thanks\n---\nYour order {{1}} has shipped and arrives on {{2}}. Thank you.\n', messageIds: ['schema'] },
        { title: 'Missing language', draft: '---\nname: order_shipped\ncategory: UTILITY\n---\nYour order {{1}} has shipped and arrives on {{2}}. Thank you.\n', messageIds: ['schema'] },
      ],
    },
  },
  check: engineOwned,
});

export const unusedDirectiveRule = defineRule({
  meta: {
    id: 'unused-disable-directive',
    description: 'A `pesan-disable` directive that suppresses nothing (remove it so it cannot hide future problems).',
    type: 'style',
    area: 'file',
    defaultSeverity: 'warn',
    messages: { unused: 'Unused pesan-disable directive (no problems were reported{{from}}); remove it' },
    docs: {
      rationale: 'A forgotten disable comment keeps hiding problems after the text it was written for has changed.',
      sources: [{ label: 'ESLint: report unused disable directives', url: 'https://eslint.org/docs/latest/use/command-line-interface#--report-unused-disable-directives' }],
      valid: [{ title: 'The directive suppresses a real finding', draft: '---\nname: order_shipped\ncategory: UTILITY\nlanguage: en_US\n---\n<!-- pesan-disable-next-line param-adjacent -- reviewed with Meta -->\nYour order {{1}} {{2}} has shipped and arrives on {{3}}. Thank you for shopping with us.\n' }],
      invalid: [{ title: 'Nothing to suppress', draft: '---\nname: order_shipped\ncategory: UTILITY\nlanguage: en_US\n---\n<!-- pesan-disable-next-line param-adjacent -->\nYour order {{1}} has shipped and arrives on {{2}}. Thank you.\n', messageIds: ['unused'] }],
    },
  },
  check: engineOwned,
});

export const unknownDirectiveRuleRule = defineRule({
  meta: {
    id: 'unknown-rule-in-directive',
    description: 'A directive names a rule id that does not exist.',
    type: 'structure',
    area: 'file',
    defaultSeverity: 'error',
    messages: { unknown: 'Unknown rule `{{id}}` in directive; run `pesan rules` for the list of rule ids' },
    docs: {
      rationale: 'A typo in a disable comment would otherwise disable nothing while looking like it does.',
      sources: [{ label: 'remark-lint#277: lint the lint comments', url: 'https://github.com/remarkjs/remark-lint/issues/277' }],
      valid: [{ title: 'Existing rule id', draft: '---\nname: order_shipped\ncategory: UTILITY\nlanguage: en_US\n---\n<!-- pesan-disable-next-line param-adjacent -->\nYour order {{1}} {{2}} has shipped and arrives on {{3}}. Thank you for shopping with us.\n' }],
      invalid: [{ title: 'Misspelled rule id', draft: '---\nname: order_shipped\ncategory: UTILITY\nlanguage: en_US\n---\n<!-- pesan-disable-next-line param-adjacnet -->\nYour order {{1}} {{2}} has shipped and arrives on {{3}}. Thank you for shopping with us.\n', messageIds: ['unknown'] }],
    },
  },
  check: engineOwned,
});

export const ruleCrashRule = defineRule({
  meta: {
    id: 'internal-error',
    description: 'A rule failed on this draft. The other rules still ran; please report the draft.',
    type: 'structure',
    area: 'file',
    defaultSeverity: 'error',
    messages: { crashed: 'Rule `{{id}}` failed on this draft ({{reason}}); please report it with the draft' },
    docs: {
      rationale: 'A bug in one rule must not stop the linting of a repository, nor pass silently: it is reported as a finding.',
      sources: [],
      valid: [],
      invalid: [],
    },
  },
  check: engineOwned,
});

export const CORE_RULES: readonly Rule[] = [
  parseErrorRule,
  templateSchemaRule,
  unusedDirectiveRule,
  unknownDirectiveRuleRule,
  ruleCrashRule,
] as readonly Rule[];
