/**
 * @pesan/lsp: Pesan's language server. `pesan lsp --stdio` starts it; editors speak LSP to it (see
 * docs/editors.md for VS Code, Neovim and Helix).
 */
export { startServer, ADD_TO_VOCABULARY_COMMAND, RELINT_COMMAND, LINT_TIMING_NOTIFICATION, type ServerOptions, type PesanInitializationOptions } from './server.js';
export { parameterHover, parameterSites, exampleFor, type ParameterSite } from './hover.js';
export { withAcceptedTerm, newConfigWithTerm, minimalReplacement, type Vocabulary } from './vocabulary.js';
export { isDraft } from './analysis.js';
export { DEFAULT_VOCABULARY_RULES } from './actions.js';
