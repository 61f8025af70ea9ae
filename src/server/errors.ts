/**
 * The HTTP form of errors: `{error: {code, message}}` with the stable codes of
 * src/errors.ts and a status that follows from the code.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HTTPException } from 'hono/http-exception';
import { SitrepError, asSitrepError, type ErrorCode } from '../errors.js';

/** HTTP status of each error code. */
export const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  invalid_argument: 400,
  invalid_date: 400,
  invalid_json: 400,
  invalid_article: 400,
  input_empty: 400,
  input_not_text: 400,
  input_unreadable: 400,
  url_fetch_failed: 400,
  input_not_found: 404,
  not_found: 404,
  method_not_allowed: 405,
  input_too_large: 413,
  data_missing: 500,
  store_failed: 500,
  internal: 500,
};

/** The JSON body of an error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; input?: string };
}

/**
 * Turn anything thrown into a status and body. Hono's HTTPExceptions keep their status with a code
 * that fits it; unknown errors become `internal` with a generic message (the detail goes to `log`).
 */
export function toErrorResponse(err: unknown, log: (msg: string) => void = (m) => process.stderr.write(m + '\n')): { status: ContentfulStatusCode; body: ErrorBody } {
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const code: ErrorCode =
      status === 413 ? 'input_too_large' : status === 404 ? 'not_found' : /json/i.test(err.message) && status === 400 ? 'invalid_json' : status < 500 ? 'invalid_argument' : 'internal';
    return { status, body: { error: { code, message: err.message || `HTTP ${status}` } } };
  }
  if (err instanceof SyntaxError) {
    return { status: 400, body: { error: { code: 'invalid_json', message: `request body is not valid JSON: ${err.message}` } } };
  }
  const e = asSitrepError(err);
  if (e.code === 'internal') {
    log(`sitrep serve: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return { status: 500, body: { error: { code: 'internal', message: 'internal error (details are in the server log)' } } };
  }
  if (e.code === 'store_failed') log(`sitrep serve: ${e.code}: ${e.message}`);
  const body: ErrorBody = { error: { code: e.code, message: e.message } };
  if (e.input !== undefined) body.error.input = e.input;
  return { status: STATUS[e.code] ?? 500, body };
}

export { SitrepError };
