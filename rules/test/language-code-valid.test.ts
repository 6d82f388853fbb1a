import { describe, it } from 'vitest';
import rule from '../src/rules/language-code-valid.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const body = 'Your order {{1}} has shipped.';
const lang = (language: string): string => draft(body, '', { language });
const json = (language: string): string => `{"name":"x","language":"${language}","category":"UTILITY","components":[{"type":"BODY","text":"Hola {{1}}"}]}`;

runRuleTests(rule, {
  valid: [
    // language with region
    { code: lang('en_US') },
    // languages without region: Indonesian, Spanish
    { code: draft('Pesanan {{1}} sudah dikirim.', '', { language: 'id' }) },
    { code: draft('Tu pedido {{1}} fue enviado.', '', { language: 'es' }) },
    // Brazilian Portuguese
    { code: draft('Seu pedido {{1}} foi enviado.', '', { language: 'pt_BR' }) },
    // a three-letter code in Meta's list
    { code: lang('fil') },
    // Meta JSON
    { filename: 'x.json', code: json('es_MX') },
  ],
  invalid: [
    // BCP 47 hyphen: safe fix to the underscore form
    { code: lang('en-US'), output: lang('en_US'), errors: [{ messageId: 'wrongForm', line: 4, column: 11, endLine: 4, endColumn: 16, message: 'expected `en_US`' }] },
    // lower-case region (Portuguese)
    { code: draft('Seu pedido {{1}} foi enviado.', '', { language: 'pt-br' }), output: draft('Seu pedido {{1}} foi enviado.', '', { language: 'pt_BR' }), errors: [{ messageId: 'wrongForm', column: 11 }] },
    // wrong case on both parts
    { code: lang('EN_us'), output: lang('en_US'), errors: [{ messageId: 'wrongForm' }] },
    // upper-case base only
    { code: draft('Pesanan {{1}} sudah dikirim.', '', { language: 'ID' }), output: draft('Pesanan {{1}} sudah dikirim.', '', { language: 'id' }), errors: [{ messageId: 'wrongForm' }] },
    // bare `pt` does not exist: suggest both variants, no fix
    {
      code: draft('Seu pedido {{1}} foi enviado.', '', { language: 'pt' }),
      errors: [{
        messageId: 'unknown', line: 4, column: 11, endColumn: 13, message: '`pt_BR`, `pt_PT`',
        suggestions: [draft('Seu pedido {{1}} foi enviado.', '', { language: 'pt_BR' }), draft('Seu pedido {{1}} foi enviado.', '', { language: 'pt_PT' })],
      }],
    },
    // a region Meta does not list: the bare language comes first among the suggestions
    { code: draft('Tu pedido {{1}} fue enviado.', '', { language: 'es_US' }), errors: [{ messageId: 'unknown', message: '`es`, `es_AR`' }] },
    // retired ISO code for Indonesian
    { code: draft('Pesanan {{1}} sudah dikirim.', '', { language: 'in' }), errors: [{ messageId: 'unknown', suggestions: [draft('Pesanan {{1}} sudah dikirim.', '', { language: 'id' })] }] },
    // a language name: no suggestion, the message lists example codes
    { code: lang('english'), errors: [{ messageId: 'unknown', message: '`en_US`, `id`, `es_MX`, `pt_BR`', suggestions: [] }] },
    // Chinese needs a region
    { code: lang('zh'), errors: [{ messageId: 'unknown', message: '`zh_CN`, `zh_HK`, `zh_TW`' }] },
    // Meta JSON: the fix rewrites the JSON string
    { filename: 'x.json', code: json('es-mx'), output: json('es_MX'), errors: [{ messageId: 'wrongForm', line: 1, column: 25, endColumn: 30 }] },
  ],
}, { describe, it });
