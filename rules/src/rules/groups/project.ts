import type { Rule } from '@pesan/core';
import nameUniquePerLanguage from '../name-unique-per-language.js';
import duplicateContent from '../duplicate-content.js';

/** Rules that compare drafts with each other across one run. */
export const projectRules = [nameUniquePerLanguage, duplicateContent] as readonly Rule[];
