/**
 * V8 flags sitrep runs with: bin/sitrep.mjs's first line passes them to node
 * (`#!/usr/bin/env -S node ...`; test/cli checks that the two agree), the
 * package scripts that run bin/sitrep.mjs pass them, and `npm run bench`
 * measures with them.
 *
 * The pipeline allocates a few MB per document that die soon after; with
 * V8's defaults (16 MB semi-spaces, and an old generation allowed to grow
 * to several times what is live before a full collection, on a machine with
 * a 4 GB heap limit) the process holds far more than it uses.
 * - --max-semi-space-size=4 (MB): a smaller young generation;
 * - --heap-growing-percent=30: the old generation grows by 30% between full
 *   collections.
 * Measured with `npm run bench` (2,000 Reuters stories, live heap about
 * 90 MB): peak RSS 351 MB with neither, 307-321 MB with the first, 259-269 MB
 * with both; throughput within 5% (the noise of the machine).
 */
export const V8_FLAGS = ['--max-semi-space-size=4', '--heap-growing-percent=30'];
