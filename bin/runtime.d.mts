/** See runtime.mjs. */
export declare function distIsFresh(root: string, env?: Record<string, string | undefined>): boolean;
