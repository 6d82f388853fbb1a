import type { Root } from 'mdast';
import type { MappedText } from '../source/mapped-text.js';
import type { Range, SourceFile } from '../source/text.js';

/**
 * The format-independent model of one template that rules read. Markdown drafts and Meta JSON both parse into
 * it; every value keeps where it came from so findings point into the original file.
 */

/** A value read from the file, with the range of the value and, where there is one, of its key. */
export interface Field<T> {
  value: T;
  range: Range;
  keyRange?: Range;
}

/** A string value, mapped character by character back to the file where possible. */
export interface TextField extends Field<string> {
  text: MappedText;
}

export interface HeaderModel {
  /** Lower-case format as written (`text`, `image`...), unvalidated. */
  format: Field<string>;
  text?: TextField;
  /** Example values for the header's parameter(s). */
  examples: TextField[];
  examplesRange?: Range;
  /** Sample media handle or URL (media headers). */
  mediaSample?: TextField;
  range: Range;
}

export interface ButtonModel {
  index: number;
  /** Lower-case type as written, unvalidated (`quick_reply`, `url`...). */
  type: Field<string>;
  text?: TextField;
  url?: TextField;
  examples: TextField[];
  phoneNumber?: TextField;
  otpType?: TextField;
  range: Range;
}

export interface BodyModel {
  /** The body as Meta receives it: directives removed, outer whitespace trimmed. */
  text: MappedText;
  range: Range;
  /**
   * Markdown tree of the body (Markdown drafts only), parsed with remark on first access. WhatsApp formatting is
   * NOT Markdown: rules check markers, parameters and lengths on `text`.
   */
  readonly tree?: Root;
}

export interface ExampleSet {
  /** Positional example values in order. */
  positional: TextField[];
  /** Named example values by parameter name. */
  named: Map<string, TextField>;
  range?: Range;
}

export interface Draft {
  file: SourceFile;
  format: 'markdown' | 'meta-json';
  /** Index of this template inside its file (Meta JSON files may hold many). */
  index: number;
  /** Range of the whole template (front matter for Markdown, the object for JSON). */
  range: Range;
  name?: TextField;
  language?: TextField;
  category?: TextField;
  useCase?: TextField;
  parameterFormat?: TextField;
  header?: HeaderModel;
  body?: BodyModel;
  footer?: TextField;
  buttons: ButtonModel[];
  buttonsRange?: Range;
  bodyExamples: ExampleSet;
  addSecurityRecommendation?: Field<boolean>;
  codeExpirationMinutes?: Field<number>;
  /** Labels for the evaluation corpus. */
  expect?: string[];
  /** The parsed source object, for export and for rules that need a field the model does not lift. */
  raw: Record<string, unknown>;
}

/** The declared category in upper case, or undefined when missing or not a string. */
export function declaredCategory(draft: Draft): string | undefined {
  return draft.category?.value.trim().toUpperCase();
}
