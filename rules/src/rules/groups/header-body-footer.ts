import type { Rule } from '@pesan/core';
import bodyTooLong from '../body-too-long.js';

/** Header, body, footer, formatting and authentication-content rules. */
export const headerBodyFooterRules = [bodyTooLong] as readonly Rule[];
