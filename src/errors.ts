/**
 * One error type for all of sitrep, with stable codes (in the style of zod's
 * issue codes). Every user-facing failure is a {@link SitrepError}; the CLI and
 * the HTTP server print `code` and `message`, never a stack trace.
 */

/** Stable error codes. Add, never rename. */
export type ErrorCode =
  | 'input_not_found' // a path does not exist
  | 'input_unreadable' // a file exists but cannot be read (permissions, directory, ...)
  | 'input_empty' // no text after extraction
  | 'input_not_text' // binary or undecodable input
  | 'input_too_large' // over the size limit
  | 'invalid_json' // a JSON Lines line does not parse
  | 'invalid_article' // a JSON article object lacks text/html or has wrong types
  | 'invalid_date' // a date that is not YYYY-MM-DD (or is impossible)
  | 'invalid_argument' // a CLI or API argument is wrong
  | 'url_fetch_failed' // HTTP error, timeout, or unsupported scheme
  | 'data_missing' // a project data file is missing: run `npm run build:data`
  | 'store_failed' // SQLite error
  | 'not_found' // a queried record does not exist
  | 'method_not_allowed' // an HTTP path that exists, asked with another method
  | 'internal'; // a bug: please report

export class SitrepError extends Error {
  readonly code: ErrorCode;
  /** The input (path, URL, line number, argument name) the error concerns, if any. */
  readonly input?: string;
  constructor(code: ErrorCode, message: string, input?: string) {
    super(message);
    this.name = 'SitrepError';
    this.code = code;
    this.input = input;
  }
  toJSON(): { code: ErrorCode; message: string; input?: string } {
    return { code: this.code, message: this.message, ...(this.input !== undefined ? { input: this.input } : {}) };
  }
}

/** Wrap any thrown value as a SitrepError (unknown errors become `internal`). */
export function asSitrepError(err: unknown, input?: string): SitrepError {
  if (err instanceof SitrepError) return err;
  const msg = err instanceof Error ? err.message : String(err);
  return new SitrepError('internal', msg, input);
}
