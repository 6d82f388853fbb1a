import type { Rule } from '@pesan/core';
import bodyTooLong from '../body-too-long.js';
import headerSingle from '../header-single.js';
import headerFormatEnum from '../header-format-enum.js';
import headerTextLength from '../header-text-length.js';
import headerTextMaxOneParam from '../header-text-max-one-param.js';
import headerExampleRequired from '../header-example-required.js';
import headerPlainText from '../header-plain-text.js';
import headerParamPosition from '../header-param-position.js';
import bodyRequired from '../body-required.js';
import bodyLengthRecommended from '../body-length-recommended.js';
import bodyEmojiLimit from '../body-emoji-limit.js';
import bodyBlankLines from '../body-blank-lines.js';
import footerTooLong from '../footer-too-long.js';
import footerVariable from '../footer-variable.js';
import footerPlainText from '../footer-plain-text.js';
import formatUnbalancedMarkers from '../format-unbalanced-markers.js';
import authContentRestriction from '../auth-content-restriction.js';
import authCodeExpiration from '../auth-code-expiration.js';

/** Header, body, footer, formatting and authentication-content rules. */
export const headerBodyFooterRules = [
  bodyTooLong,
  headerSingle,
  headerFormatEnum,
  headerTextLength,
  headerTextMaxOneParam,
  headerExampleRequired,
  headerPlainText,
  headerParamPosition,
  bodyRequired,
  bodyLengthRecommended,
  bodyEmojiLimit,
  bodyBlankLines,
  footerTooLong,
  footerVariable,
  footerPlainText,
  formatUnbalancedMarkers,
  authContentRestriction,
  authCodeExpiration,
] as readonly Rule[];
