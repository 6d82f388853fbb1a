import type { Rule } from '@pesan/core';
import noPromotionalContent from '../no-promotional-content.js';
import transactionDetailRequired from '../transaction-detail-required.js';
import unclearContent from '../unclear-content.js';
import optInWording from '../opt-in-wording.js';
import optOutConfirmation from '../opt-out-confirmation.js';
import optOutInstructions from '../opt-out-instructions.js';
import otpOutsideAuthentication from '../otp-outside-authentication.js';
import sensitiveIdentifierRequest from '../sensitive-identifier-request.js';
import threateningContent from '../threatening-content.js';
import personalizeWithName from '../personalize-with-name.js';
import maxWords from '../max-words.js';
import singleCallToAction from '../single-call-to-action.js';
import mediaEmojiOveruse from '../media-emoji-overuse.js';
import categoryMismatch from '../category-mismatch.js';

/** Compliance rules (promotional content, transaction details, opt-in/opt-out wording, category prediction). */
export const complianceRules = [
  noPromotionalContent,
  transactionDetailRequired,
  unclearContent,
  optInWording,
  optOutConfirmation,
  optOutInstructions,
  otpOutsideAuthentication,
  sensitiveIdentifierRequest,
  threateningContent,
  personalizeWithName,
  maxWords,
  singleCallToAction,
  mediaEmojiOveruse,
  categoryMismatch,
] as readonly Rule[];
