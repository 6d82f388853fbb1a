import type { Rule } from '@pesan/core';

/** Compliance rules (promotional content, transaction details, opt-in/opt-out wording, category prediction). */
export const complianceRules = [] as readonly Rule[];
