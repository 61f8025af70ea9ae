/** See flags.mjs. */
export declare const V8_FLAGS: readonly string[];
