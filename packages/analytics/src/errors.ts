/**
 * An error the user can act on (bad input file, locked or too-new database, bad flag): the CLI prints its
 * message without a stack trace and exits 2. Messages name the file (and line) and say what to do.
 */
export class AnalyticsError extends Error {
  override readonly name = 'AnalyticsError';
}
