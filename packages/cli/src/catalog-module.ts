/** The rule catalog the CLI loads (also inside worker threads, which import it by this URL). */
export const catalogModule = import.meta.resolve('@pesan/rules');
