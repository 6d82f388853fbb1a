import type { Rule } from '@pesan/core';

/** Button, URL, phone and OTP rules. */
export const buttonRules = [] as readonly Rule[];
