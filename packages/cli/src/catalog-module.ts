export { catalog } from '@pesan/rules';

/**
 * The rule catalog: imported statically for this thread (so a bundled CLI carries it), and by URL inside worker
 * threads, which load it on their own.
 */
export const catalogModule = import.meta.resolve('@pesan/rules');

/**
 * Set by bundle.mjs (esbuild `define`) to the launcher's path relative to the bundle; undeclared in the plain modules.
 */
declare const __PESAN_LINT_WORKER__: string | undefined;

/**
 * Script for lint worker threads. The bundled CLI starts them on its launcher, which then serves lint requests from
 * the same bundle and code cache (they start several times faster than on the plain modules). The plain modules
 * leave it undefined, so their workers run `@pesan/core`'s unbundled worker: PESAN_NO_BUNDLE=1, or a bundle older
 * than the sources, never mixes the two.
 */
export const workerModule: URL | undefined = typeof __PESAN_LINT_WORKER__ === 'string' ? new URL(__PESAN_LINT_WORKER__, import.meta.url) : undefined;
