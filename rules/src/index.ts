/** @pesan/rules: Pesan's rule catalog. */
export { catalog, docsUrl, docsDir } from './catalog.js';
export { allRules } from './rules/index.js';
