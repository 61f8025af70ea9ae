/**
 * The one place where the pipeline's components are listed, in run order.
 * Each entry declares what it requires and assigns (see {@link Component}).
 *
 * text → ner → actors → time → quotes → events → quantities
 */
import type { Component } from './pipeline.js';
import { tokenize } from './text/tokenize.js';
import { actorsComponent } from './entities/actors.js';
import { extractTimexes } from './time/index.js';
import { eventsComponent } from './events/coder.js';
import { quotesComponent } from './quotes/attribution.js';
import { quantitiesComponent } from './quotes/quantities.js';
import { nerComponent } from './entities/ner/index.js';

/** Tokens and sentences (wink-nlp). */
export const textComponent: Component = {
  name: 'text',
  requires: [],
  assigns: ['tokens', 'sentences'],
  run: (doc) => tokenize(doc.document.text),
};

/** TIMEX3 dates, times, durations and sets, normalised against the DCT. */
export const timeComponent: Component = {
  name: 'time',
  requires: ['tokens', 'sentences'],
  assigns: ['timexes'],
  run: (doc) => ({ timexes: extractTimexes(doc) }),
};

/** The default pipeline, in order. */
export const COMPONENTS: readonly Component[] = [textComponent, nerComponent, actorsComponent, timeComponent, quotesComponent, eventsComponent, quantitiesComponent];
