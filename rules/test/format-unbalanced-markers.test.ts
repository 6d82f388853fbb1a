import { describe, it } from 'vitest';
import rule from '../src/rules/format-unbalanced-markers.js';
import { draft, runRuleTests } from '../src/testing/rule-tester.js';

const json = (text: string): string => `{"name":"x","language":"pt_BR","category":"MARKETING","components":[{"type":"BODY","text":"${text}"}]}`;

runRuleTests(rule, {
  valid: [
    // paired bold, italic and strikethrough, around a parameter too
    { code: draft('*Your order* is _ready_, ~not~ late. Code: *{{1}}*') },
    // list bullets
    { code: draft('Your order includes:\n* one shirt\n* two socks') },
    // underscores in named parameters, snake_case words and URLs
    { code: draft('Hi {{first_name}}, ref order_id_2. Track at https://acme.com/t/_abc_ or www.acme.com/a_b', 'parameter_format: named') },
    // markers inside a monospace block and inline code
    { code: draft('Your code:\n```\n*A_B~C\n```\nor `x*y`') },
    // a tilde before a number means "about" (Spanish)
    { code: draft('Tu pedido llega en ~3 días.', '', { language: 'es_MX' }) },
    // arithmetic and doubled markers
    { code: draft('Total 2 * 3 = 6, see **terms** and __notes__') },
    // a footnote asterisk explained on a later line (Indonesian)
    { code: draft('Gratis ongkir*\nBelanja sekarang.\n*Syarat dan ketentuan berlaku', '', { category: 'MARKETING', language: 'id' }) },
    // USSD codes and a star rating (Indonesian)
    { code: draft('Cek kuota dengan *123# atau *888*1#. Hotel 5* tersedia, diskon 20%*', '', { category: 'MARKETING', language: 'id' }) },
    // bold around a price that ends with a digit
    { code: draft('Now only *Rp 50.000* for order {{1}}', '', { language: 'id' }) },
    // markers between punctuation are symbols
    { code: draft('Rated (*) and ^_^ thanks') },
    // Meta JSON
    { filename: 'x.json', code: json('*Seu pedido* foi enviado.') },
  ],
  invalid: [
    // bold never closed: the opening marker is marked
    { code: draft('*Your order {{1}} has shipped.'), errors: [{ messageId: 'open', line: 6, column: 1, endLine: 6, endColumn: 2, message: 'bold marker `*`' }] },
    // closing marker without an opening one
    { code: draft('Your order {{1}} has shipped*'), errors: [{ messageId: 'close', line: 6, column: 29, endColumn: 30 }] },
    // italic opened on one line, closed on the next: WhatsApp pairs per line (Spanish)
    { code: draft('_Tu pedido {{1}}\nfue enviado_', '', { language: 'es_MX' }), errors: [{ messageId: 'open', line: 6, column: 1 }, { messageId: 'close', line: 7, column: 12, message: 'italic' }] },
    // a third marker after a pair
    { code: draft('Hi *there* you* are'), errors: [{ messageId: 'close', column: 15 }] },
    // strikethrough not closed
    { code: draft('Price ~Rp 100.000 now Rp 80.000', '', { language: 'id' }), errors: [{ messageId: 'open', column: 7, message: 'strikethrough' }] },
    // Meta JSON: the marker position points into the JSON string (Portuguese)
    { filename: 'x.json', code: json('Seu pedido *{{1}} foi enviado.'), errors: [{ messageId: 'open', line: 1, column: 103, endColumn: 104 }] },
  ],
}, { describe, it });
