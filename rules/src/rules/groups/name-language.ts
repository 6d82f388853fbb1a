import type { Rule } from '@pesan/core';
import nameCharset from '../name-charset.js';

/** Name, language and category rules. */
export const nameAndLanguageRules = [nameCharset] as readonly Rule[];
