import type { Rule } from '@pesan/core';
import paramAdjacent from '../param-adjacent.js';
import positionalParamSyntax from '../positional-param-syntax.js';
import namedParamSyntax from '../named-param-syntax.js';
import mixedParamFormat from '../mixed-param-format.js';
import paramFormatDeclared from '../param-format-declared.js';
import paramNotSequential from '../param-not-sequential.js';
import paramSpecialChars from '../param-special-chars.js';
import paramLeadingTrailing from '../param-leading-trailing.js';
import paramRatio from '../param-ratio.js';
import exampleRequired from '../example-required.js';
import exampleValueRealistic from '../example-value-realistic.js';
import paramValueWhitespace from '../param-value-whitespace.js';
import paramValueLength from '../param-value-length.js';
import authParamLength from '../auth-param-length.js';

/** Parameter and example rules. */
export const parameterRules = [
  paramAdjacent,
  positionalParamSyntax,
  namedParamSyntax,
  mixedParamFormat,
  paramFormatDeclared,
  paramNotSequential,
  paramSpecialChars,
  paramLeadingTrailing,
  paramRatio,
  exampleRequired,
  exampleValueRealistic,
  paramValueWhitespace,
  paramValueLength,
  authParamLength,
] as readonly Rule[];
