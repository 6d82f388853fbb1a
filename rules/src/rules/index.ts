import type { Rule } from '@pesan/core';
import { nameAndLanguageRules } from './groups/name-language.js';
import { headerBodyFooterRules } from './groups/header-body-footer.js';
import { parameterRules } from './groups/parameters.js';
import { buttonRules } from './groups/buttons.js';
import { complianceRules } from './groups/compliance.js';
import { projectRules } from './groups/project.js';

/** Every rule of the catalog, in documentation order. One file per rule; each group file lists its rules. */
export const allRules: readonly Rule[] = [
  ...nameAndLanguageRules,
  ...projectRules,
  ...headerBodyFooterRules,
  ...parameterRules,
  ...buttonRules,
  ...complianceRules,
] as readonly Rule[];
