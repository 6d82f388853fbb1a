/**
 * @pesan/core: the template model, parsers, rule engine, config and formatters. It knows no rule by name: a
 * rule catalog (such as @pesan/rules) is passed in.
 */
export * from './source/text.js';
export * from './source/mapped-text.js';
export * from './model/vocabulary.js';
export * from './model/schema.js';
export * from './model/draft.js';
export * from './parse/markdown.js';
export * from './parse/meta-json.js';
export * from './parse/problems.js';
export * from './engine/rule.js';
export * from './engine/finding.js';
export * from './engine/linter.js';
export * from './engine/core-rules.js';
export * from './config/schema.js';
export * from './config/errors.js';
export * from './config/resolve.js';
export * from './files/read.js';
export * from './files/collect.js';
export * from './format/stylish.js';
export * from './format/json.js';
export * from './parallel/lint-files.js';
export * from './template/parameters.js';
export * from './template/text-stats.js';
export { memoText } from './template/memo.js';
export { nodeCrypto, nodeWorkerThreads } from './lazy-builtins.js';
export * from './model/export.js';
export * from './format/github.js';
export * from './format/sarif.js';
export * from './format/junit.js';
export * from './engine/fix.js';
export * from './engine/suppressions.js';
export * from './parallel/cache.js';
export * from './format/html.js';
