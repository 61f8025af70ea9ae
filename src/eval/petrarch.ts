/**
 * PETRARCH2's unit-test records (`petrarch2_validation/PETR.UnitTest.records.shared.xml`,
 * Open Event Data Alliance, MIT), coded by sitrep with PETRARCH2's own small
 * validation dictionaries (`data/petrarch2-validation/*.json`, converted by
 * `scripts/data/build-dictionaries.ts`) in place of the real ones.
 *
 * A record counts as exact when the set of (source, target, event code)
 * triples sitrep produces equals the expected set; sitrep's compound events
 * (several actors or recipients in one record) are expanded to one triple per
 * pair, as PETRARCH2 writes them, and a compound actor with no recipient is
 * reciprocal (X>Y and Y>X). The validation dictionary's own non-CAMEO codes
 * (345, 802, 901-915) count as codes. Records flagged `error` are skipped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { loadValidationDictionaries } from '../data/dictionaries.js';
import { buildActorLexicon, type ActorLexicon } from '../entities/lexicon.js';
import { makeActorsComponent } from '../entities/actors.js';
import { buildEventLexicon, type EventLexicon } from '../events/lexicon.js';
import { makeEventsComponent } from '../events/coder.js';
import { textComponent, timeComponent } from '../components.js';
import { quotesComponent } from '../quotes/attribution.js';
import { nerComponent } from '../entities/ner/index.js';
import { runPipeline, type Component } from '../pipeline.js';
import { documentId } from '../ingest/index.js';
import { yieldToLoop } from './yield.js';

export interface PetrarchRecord {
  id: string;
  category: string;
  date: string;
  text: string;
  expected: string[];
}

export interface PetrarchReport {
  records: number;
  exact: number;
  exactPct: number;
  /** Records not coded exactly: expected and produced triples `SRC>TGT:CODE`. */
  mismatches: Array<{ id: string; category: string; expected: string[]; produced: string[]; text: string }>;
}

/** Parse the unit-test records (sentinel and `error` records skipped). */
export function loadPetrarchRecords(dataDir: string): PetrarchRecord[] {
  const xml = readFileSync(join(dataDir, 'petrarch2_validation', 'PETR.UnitTest.records.shared.xml'), 'utf8');
  const { document } = parseHTML(`<html><body>${xml.replace(/<\?xml[^>]*>/, '')}</body></html>`);
  const out: PetrarchRecord[] = [];
  for (const s of document.querySelectorAll('sentence')) {
    const id = s.getAttribute('id') ?? '';
    if (id.startsWith('FINAL') || s.querySelector('eventcoding[error], eventcoding[errorflag]')) continue;
    if ([...s.querySelectorAll('eventcoding')].some((e) => e.hasAttribute('error'))) continue;
    const text = (s.querySelector('text')?.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const expected = [...s.querySelectorAll('eventcoding')]
      .filter((e) => e.getAttribute('eventcode'))
      .map((e) => `${(e.getAttribute('sourcecode') ?? '').toUpperCase()}>${(e.getAttribute('targetcode') ?? '').toUpperCase()}:${e.getAttribute('eventcode')}`)
      .sort();
    const d = s.getAttribute('date') ?? '';
    out.push({ id, category: s.getAttribute('category') ?? '', date: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`, text, expected: [...new Set(expected)] });
  }
  return out;
}

let lexicons: { actors: ActorLexicon; events: EventLexicon } | null = null;

/** The pipeline with PETRARCH2's validation dictionaries instead of the project's. */
export function petrarchPipeline(): Component[] {
  if (!lexicons) {
    const v = loadValidationDictionaries();
    lexicons = {
      actors: buildActorLexicon({ countries: [], places: [], leaders: [], actors: v.actors, agents: v.agents, institutions: false, singleWordActors: true }),
      events: buildEventLexicon(v.verbs, { projectVerbs: false, dictionaryCodes: true }),
    };
  }
  const l = lexicons;
  return [textComponent, nerComponent, makeActorsComponent(() => l.actors), timeComponent, quotesComponent, makeEventsComponent(() => l.events)];
}

/** Code every record and compare with the expected events. */
export async function evalPetrarch(dataDir: string): Promise<PetrarchReport> {
  const records = loadPetrarchRecords(dataDir);
  const pipeline = petrarchPipeline();
  let exact = 0;
  const mismatches: PetrarchReport['mismatches'] = [];
  for (const r of records) {
    await yieldToLoop();
    const doc = runPipeline({ id: documentId(r.text, null), title: null, published: r.date, url: null, source: null, text: r.text }, pipeline);
    const produced = new Set<string>();
    for (const e of doc.events) {
      if (!e.cameo) continue;
      if (e.recipient.length === 0 && new Set(e.actor.map((a) => a.code)).size > 1) {
        // a compound actor with no recipient is reciprocal ("X and Y renewed ties"): PETRARCH2 writes X>Y and Y>X
        for (const a of e.actor) for (const t of e.actor) if (a.code !== t.code) produced.add(`${a.code ?? ''}>${t.code ?? ''}:${e.cameo}`);
        continue;
      }
      const targets = e.recipient.length ? e.recipient : [{ code: '' }];
      for (const a of e.actor) for (const t of targets) produced.add(`${a.code ?? ''}>${t.code ?? ''}:${e.cameo}`);
    }
    const got = [...produced].sort();
    if (got.join('|') === r.expected.join('|')) exact++;
    else mismatches.push({ id: r.id, category: r.category, expected: r.expected, produced: got, text: r.text });
  }
  return { records: records.length, exact, exactPct: records.length ? Math.round((1000 * exact) / records.length) / 10 : 0, mismatches };
}
