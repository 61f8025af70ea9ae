import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { emptyDoc } from '../../src/doc.js';
import { readInputs, toDocumentMeta } from '../../src/ingest/index.js';
import { Store } from '../../src/store/index.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sitrep-roundtrip-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('ingested articles store once and come back unchanged', async () => {
  // Invented text, written for this test.
  writeFileSync(path.join(dir, 'a.txt'), 'Dockworkers end strike at eastern port\n\nThe union said on Sunday that its members would return to work.\n');
  writeFileSync(path.join(dir, 'a.json'), JSON.stringify({ published: '2025-04-06T18:00:00+03:00', source: 'Harbour Post' }));
  writeFileSync(path.join(dir, 'b.jsonl'), JSON.stringify({ text: 'A second, shorter report about the port.', url: 'https://port.example/b' }) + '\n');
  const store = Store.open(path.join(dir, 'x.db'));
  try {
    for (let pass = 0; pass < 2; pass++) {
      const stored: boolean[] = [];
      for await (const r of readInputs([dir])) {
        if (!r.ok) throw r.error;
        const doc = emptyDoc(toDocumentMeta(r.article));
        stored.push(store.putDocument(doc).stored);
        expect(store.getDocument(doc.document.id)).toEqual(doc);
      }
      expect(stored).toEqual(pass === 0 ? [true, true] : [false, false]);
    }
    expect(store.stats()).toEqual({ documents: 2, events: 0, entities: 0 });
  } finally {
    store.close();
  }
});
