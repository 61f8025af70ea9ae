/**
 * The one place where the pipeline's components are listed, in run order.
 * Each entry declares what it requires and assigns (see {@link Component}).
 */
import type { Component } from './pipeline.js';
import { tokenize } from './text/tokenize.js';

/** Tokens and sentences (wink-nlp). */
export const textComponent: Component = {
  name: 'text',
  requires: [],
  assigns: ['tokens', 'sentences'],
  run: (doc) => tokenize(doc.document.text),
};

/** The default pipeline, in order. */
export const COMPONENTS: readonly Component[] = [textComponent];
