import type { Rule } from '@pesan/core';
import nameCharset from '../name-charset.js';
import nameLength from '../name-length.js';
import languageCodeValid from '../language-code-valid.js';
import categoryEnum from '../category-enum.js';

/** Name, language and category rules. */
export const nameAndLanguageRules = [nameCharset, nameLength, languageCodeValid, categoryEnum] as readonly Rule[];
