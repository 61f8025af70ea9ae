/**
 * The pipeline: every component declares the layers it requires and the
 * layers it assigns, and all components are listed in one place,
 * `src/components.ts`, in order (in the manner of spaCy's pipeline). A component is a pure function
 * from the document so far to the layers it assigns.
 */
import type { Doc, DocumentMeta, Layer } from './doc.js';
import { emptyDoc } from './doc.js';

/** A pipeline component. `run` must not mutate `doc`; it returns the layers it assigns. */
export interface Component {
  name: string;
  requires: Layer[];
  assigns: Layer[];
  run(doc: Readonly<Doc>): Partial<Pick<Doc, Layer>>;
}

/**
 * Run every registered component over a document.
 * @throws Error when a component requires a layer that no earlier component assigns
 *   (a wiring bug, checked before any text is processed).
 */
export function runPipeline(meta: DocumentMeta, list: readonly Component[]): Doc {
  checkWiring(list);
  let doc: Doc = emptyDoc(meta);
  for (const c of list) {
    const out = c.run(doc);
    doc = { ...doc, ...out };
  }
  return doc;
}

/** Verify that each component's requirements are assigned by an earlier component. */
export function checkWiring(list: readonly Component[]): void {
  const have = new Set<Layer>();
  for (const c of list) {
    for (const r of c.requires) {
      if (!have.has(r)) throw new Error(`pipeline: component "${c.name}" requires layer "${r}", which no earlier component assigns`);
    }
    for (const a of c.assigns) have.add(a);
  }
}
