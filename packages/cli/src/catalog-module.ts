export { catalog } from '@pesan/rules';

/**
 * The rule catalog: imported statically for this thread (so a bundled CLI carries it), and by URL inside worker
 * threads, which load it on their own.
 */
export const catalogModule = import.meta.resolve('@pesan/rules');
