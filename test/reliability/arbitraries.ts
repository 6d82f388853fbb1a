/**
 * fast-check generators for drafts: arbitrary text built from the tokens the parsers and rules care about (so the
 * fuzzer reaches past the first syntax check), front matter rendered with `yaml` from generated structures,
 * raw YAML garbage, and Meta `message_templates` JSON with wrong types in every field.
 */
import fc from 'fast-check';
import { YAML } from './harness.js';

/** Pieces of text that mean something to a parser or a rule. */
const TOKENS = [
  '---', '...', '\n', '\r\n', '\r', ' ', '  ', '\t', '\u00a0', '\u200b', '\uFEFF', '\u2028',
  '{{1}}', '{{2}}', '{{3}}', '{{10}}', '{{0}}', '{{ 1 }}', '{{', '}}', '{{{1}}}', '{{first_name}}', '{{Name}}', '{{1}}{{2}}',
  '*', '_', '~', '```', '`', '*bold*', '_it_', '~s~', '> ', '- ', '1. ', '#', '[x](https://a.example)', '<b>', '&amp;',
  '<!--', '-->', '<!-- pesan-disable -->', '<!-- pesan-enable -->', '<!-- pesan-disable-next-line body-too-long -- why -->',
  '<!-- pesan-disable-line no-such-rule -->', '# pesan-disable-next-line name-charset',
  ':', ': ', '"', "'", '\\', '&a', '*a', '!!str', '!!binary', '? ', '|', '>', '{', '}', '[', ']', ',', '%YAML 1.2', '@', '<<: *a',
  'name: order_shipped', 'category: UTILITY', 'category: MARKETING', 'category: AUTHENTICATION', 'language: en_US', 'language: id',
  'Your order', 'has shipped', 'diskon 50%', 'GRATIS', 'buy now', 'promo code SAVE10', 'Reply STOP to opt out', 'BERHENTI',
  'is your verification code', 'OTP', 'Rp 150.000', '$20', 'https://bit.ly/x', 'https://wa.me/123', '+62 812-3456-7890',
  '🎉', '🚚', '👍🏽', '👨‍👩‍👧', '🇮🇩', 'é', 'e\u0301', '\ud83d', '\udc4d', '\u0000', '\u0007', '\u001b[31m', '\ufffd', 'ﷺ', '𝕏',
];

const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  // Any UTF-16 code unit, lone surrogates included (an editor can send them over LSP).
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 12 }) },
);

/** Text made of meaningful tokens and random characters. */
export const tokenText = (maxLength = 60): fc.Arbitrary<string> => fc.array(token, { maxLength }).map((parts) => parts.join(''));

/** Completely arbitrary strings, full Unicode. */
export const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 }),
  tokenText(80),
);

/** A valid front matter followed by an arbitrary body: reaches every body rule. */
export const validHeadArbitraryBody = fc
  .tuple(fc.constantFrom('UTILITY', 'MARKETING', 'AUTHENTICATION'), fc.constantFrom('\n', '\r\n', '\r'), tokenText(80))
  .map(([category, eol, body]) => ['---', 'name: order_shipped', `category: ${category}`, 'language: en_US', '---', body].join(eol));

/** Scalars of every YAML type, mostly strings that carry tokens. */
const scalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: tokenText(12) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom('UTILITY', 'MARKETING', 'AUTHENTICATION', 'en_US', 'id', 'es_MX', 'pt_BR', 'order_shipped', 'Order-Shipped', 'text', 'image', 'url', 'quick_reply', 'phone_number', 'copy_code', 'otp', 'positional', 'named', 'shipping_update') },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }) },
);

/** Any YAML/JSON value, nested a few levels: the "wrong type" for a field. */
const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: scalar },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom('type', 'text', 'format', 'example', 'url', 'body', 'header'), fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 4 }) },
  ),
})).value;

/** A field: usually of a plausible type, sometimes anything at all. */
const field = <T>(plausible: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ weight: 4, arbitrary: plausible }, { weight: 1, arbitrary: anyValue });

const button = fc.record(
  {
    type: field(fc.constantFrom('quick_reply', 'url', 'phone_number', 'copy_code', 'otp', 'flow', 'catalog', 'QUICK_REPLY', 'URL', 'weird')),
    text: field(tokenText(8)),
    url: field(fc.constantFrom('https://shop.example.com/track/{{1}}', 'https://bit.ly/x', 'http://x', 'not a url', 'https://wa.me/1')),
    example: field(fc.oneof(tokenText(6), fc.array(tokenText(6), { maxLength: 3 }))),
    phone_number: field(fc.constantFrom('+62 812-3456-7890', '123', '+1', '')),
    otp_type: field(fc.constantFrom('copy_code', 'one_tap', 'zero_tap', 'x')),
  },
  { requiredKeys: [] },
);

/** A front matter object shaped like the documented schema, with wrong types and unknown keys mixed in. */
export const frontMatterObject: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    fc.record(
      {
        name: field(fc.constantFrom('order_shipped', 'Order-Shipped', 'a'.repeat(600), '', 'pesanan_dikirim')),
        category: field(fc.constantFrom('UTILITY', 'MARKETING', 'AUTHENTICATION', 'utility', 'TRANSACTIONAL')),
        language: field(fc.constantFrom('en_US', 'en-US', 'id', 'es_MX', 'pt_BR', 'xx', '')),
        use_case: field(fc.constantFrom('shipping_update', 'refund', 'nope')),
        parameter_format: field(fc.constantFrom('positional', 'named', 'POSITIONAL', 'x')),
        header: field(fc.oneof(tokenText(10), fc.record({ format: field(fc.constantFrom('text', 'image', 'video', 'document', 'location', 'x')), text: field(tokenText(10)), example: field(tokenText(6)), media_handle: field(fc.string()) }, { requiredKeys: [] }))),
        footer: field(tokenText(12)),
        buttons: field(fc.array(button, { maxLength: 12 })),
        examples: field(fc.record({ header: field(fc.array(tokenText(5), { maxLength: 3 })), body: field(fc.oneof(fc.array(field(tokenText(5)), { maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 10 }), tokenText(5), { maxKeys: 3 }))) }, { requiredKeys: [] })),
        add_security_recommendation: field(fc.boolean()),
        code_expiration_minutes: field(fc.integer({ min: -5, max: 100 })),
        expect: field(fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 })),
        notes: field(tokenText(10)),
      },
      { requiredKeys: [] },
    ),
    fc.dictionary(fc.string({ maxLength: 10 }), anyValue, { maxKeys: 2 }),
  )
  .map(([known, extra]) => ({ ...extra, ...known }));

/** YAML rendering options, so flow and block styles, quoting and line widths all occur. */
const renderOptions = fc.record({
  flowLevel: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
  lineWidth: fc.constantFrom(0, 20, 80),
  defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
  indent: fc.constantFrom(2, 4),
});

/** A Markdown draft whose front matter is a generated structure rendered by the `yaml` package. */
export const renderedFrontMatterDraft = fc
  .tuple(frontMatterObject, renderOptions, fc.constantFrom('\n', '\r\n', '\r'), tokenText(50))
  .map(([object, options, eol, body]) => {
    let yaml: string;
    try {
      yaml = YAML.stringify(object, options as Parameters<typeof YAML.stringify>[1]);
    } catch {
      yaml = YAML.stringify(object);
    }
    return `---${eol}${yaml.replace(/\n/g, eol)}---${eol}${body}`;
  });

/** Raw YAML garbage between fences: anchors, aliases, tags, flow collections, unbalanced quotes, directives. */
export const garbageFrontMatterDraft = fc
  .tuple(fc.array(fc.oneof(tokenText(10), fc.constantFrom('a: &x [1, 2]', 'b: *x', 'c: *nope', '<<: *x', 'name: "unclosed', "name: 'unclosed", '- - -', '? [a]\n: b', 'k: !!int x', 'k: |\n  lit', 'k: >-\n  fold', '{a: 1', '[1, 2', '%TAG ! tag:x,2000:', 'k: v\nk: w', '  bad indent: 1', 'name:\n  - x', '\t: tab')), { maxLength: 8 }), tokenText(30))
  .map(([lines, body]) => `---\n${lines.join('\n')}\n---\n${body}`);

/** One component of a Meta template, with any type in any field. */
const component = fc.record(
  {
    type: field(fc.constantFrom('HEADER', 'BODY', 'FOOTER', 'BUTTONS', 'body', 'Header', 'CAROUSEL', 'x')),
    format: field(fc.constantFrom('TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION', 'text')),
    text: field(tokenText(20)),
    example: field(
      fc.record(
        {
          body_text: field(fc.array(field(fc.array(field(tokenText(5)), { maxLength: 4 })), { maxLength: 2 })),
          header_text: field(fc.array(field(tokenText(5)), { maxLength: 2 })),
          header_handle: field(fc.array(field(fc.string({ maxLength: 20 })), { maxLength: 2 })),
          body_text_named_params: field(fc.array(fc.record({ param_name: field(fc.string({ maxLength: 10 })), example: field(tokenText(5)) }, { requiredKeys: [] }), { maxLength: 3 })),
          header_text_named_params: field(fc.array(fc.record({ param_name: field(fc.string({ maxLength: 10 })), example: field(tokenText(5)) }, { requiredKeys: [] }), { maxLength: 2 })),
        },
        { requiredKeys: [] },
      ),
    ),
    buttons: field(fc.array(button, { maxLength: 12 })),
    add_security_recommendation: field(fc.boolean()),
    code_expiration_minutes: field(fc.integer({ min: -5, max: 100 })),
  },
  { requiredKeys: [] },
);

/** A Graph API `message_templates` object, with wrong types and unknown fields (id, status...). */
const metaTemplate = fc
  .tuple(
    fc.record(
      {
        name: field(fc.constantFrom('order_shipped', 'Order-Shipped', '', 'a'.repeat(600))),
        language: field(fc.constantFrom('en_US', 'en-US', 'id', 'pt_BR', '')),
        category: field(fc.constantFrom('UTILITY', 'MARKETING', 'AUTHENTICATION', 'utility', 'x')),
        parameter_format: field(fc.constantFrom('POSITIONAL', 'NAMED', 'positional')),
        components: field(fc.array(field(component), { maxLength: 6 })),
        status: fc.constantFrom('APPROVED', 'REJECTED'),
        id: fc.oneof(fc.string({ maxLength: 12 }), fc.integer()),
      },
      { requiredKeys: [] },
    ),
    fc.dictionary(fc.string({ maxLength: 10 }), anyValue, { maxKeys: 2 }),
  )
  .map(([known, extra]) => ({ ...extra, ...known }));

/** Meta JSON as files hold it: one template, an array, or `{data: [...]}`, any indentation; sometimes cut short. */
export const metaJsonText = fc
  .tuple(
    fc.oneof(
      metaTemplate,
      fc.array(field(metaTemplate), { maxLength: 4 }),
      fc.record({ data: field(fc.array(field(metaTemplate), { maxLength: 4 })), paging: fc.constant({ cursors: {} }) }, { requiredKeys: ['data'] }),
      anyValue,
    ),
    fc.constantFrom(0, 1, 2, '\t'),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.option(fc.nat(), { freq: 6, nil: undefined }),
  )
  .map(([value, indent, eol, cut]) => {
    const json = JSON.stringify(value, null, indent) ?? 'null';
    const text = eol === '\n' ? json : json.replace(/\n/g, eol);
    return cut === undefined ? text : text.slice(0, cut % (text.length + 1));
  });

/** Pieces of a body that a safe fix rewrites: spaces in braces, leading zeros, brace counts, gaps, blank lines. */
const FIXABLE_BODY = ['{{ 1 }}', '{{01}}', '{1}', '{{{2}}}', '{{1}', '{2}}', '{{ first_name }}', '{{3}}', '{{5}}', '\n\n\n\n', '\r\n\r\n\r\n\r\n', '\n \n\t\n\n', 'Your order', ' has shipped ', 'on ', '.'];

/**
 * Drafts built to be fixed: a near-valid front matter (wrong-case category, `en-US`, a phone number with
 * separators, quoted or not) around a body of fixable pieces mixed with arbitrary tokens.
 */
export const fixableDraft = fc
  .tuple(
    fc.constantFrom('UTILITY', 'utility', 'Marketing', ' AUTHENTICATION', 'utilty'),
    fc.constantFrom('en_US', 'en-US', 'EN_us', 'pt-br', 'id'),
    fc.option(fc.constantFrom('+62 812-3456-7890', '"+62 21 555.000"', "'+1 (555) 005-1310'", '"+62\\u002021 555"', '+1-800-FLOWERS', '"(021) 555"'), { nil: undefined }),
    fc.option(fc.array(fc.constantFrom('"#4521"', 'Friday', '"Ana"', '12'), { maxLength: 4 }), { nil: undefined }),
    fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...FIXABLE_BODY) }, { weight: 1, arbitrary: tokenText(3) }), { minLength: 1, maxLength: 24 }),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([category, language, phone, examples, body, eol]) =>
    [
      '---',
      'name: order_shipped',
      `category: ${category}`,
      `language: ${language}`,
      ...(phone ? ['buttons:', `  - {type: phone_number, text: Call us, phone_number: ${phone}}`] : []),
      ...(examples ? ['examples:', `  body: [${examples.join(', ')}]`] : []),
      '---',
      body.join(''),
    ].join(eol),
  );

/** The same fixes in Meta JSON: escapes (`\u0020`, `\n`) inside the strings the fixes edit. */
export const fixableMetaJson = fc
  .tuple(
    fc.constantFrom('UTILITY', 'utility', 'Marketing'),
    fc.constantFrom('en_US', 'en-US', 'pt-br'),
    fc.option(fc.constantFrom('+62 812-3456-7890', '+1 (555) 005-1310', '+62\u001b21-555', '+62\t21 555', '"+62 21"'), { nil: undefined }),
    fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...FIXABLE_BODY) }, { weight: 1, arbitrary: tokenText(3) }), { minLength: 1, maxLength: 24 }),
    fc.constantFrom(0, 2),
  )
  .map(([category, language, phone, body, indent]) =>
    JSON.stringify(
      {
        name: 'order_shipped',
        language,
        category,
        components: [
          { type: 'BODY', text: body.join('') },
          ...(phone ? [{ type: 'BUTTONS', buttons: [{ type: 'PHONE_NUMBER', text: 'Call', phone_number: phone }] }] : []),
        ],
      },
      null,
      indent,
    ),
  );
