/**
 * Long evaluations hand control back to the event loop between documents, so
 * that a test runner or server in the same process stays responsive.
 */

/** Resolves on the next turn of the event loop (setImmediate). */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
