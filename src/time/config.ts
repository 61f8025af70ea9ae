/**
 * The TIMEX3 stage list, in order: recognisers propose candidates, then the
 * refiners filter, merge and settle overlaps. (chrono-node's parsers +
 * refiners, in one ordered array.)
 */
import { RECOGNIZERS } from './recognizers.js';
import { dropInUrls, mergeClockWithDate, mergeShiftWithDate, resolveOverlaps, trimSpans } from './refiners.js';
import type { TimeStage } from './types.js';

export const TIME_STAGES: readonly TimeStage[] = [...RECOGNIZERS, dropInUrls, trimSpans, mergeClockWithDate, mergeShiftWithDate, resolveOverlaps];
