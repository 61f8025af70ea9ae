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
import { fileURLToPath } from 'node:url';
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
import type { DocEvent } from '../doc.js';

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
  /**
   * Mismatched records that sitrep codes differently on purpose, with the reason
   * (`data/eval/events.disagreements.json`); they are counted as mismatches.
   */
  disagreements: Array<{ id: string; reason: string }>;
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
    // PETRARCH2 (like its dictionaries) writes a multiword name joined by '_' ("Dol_Amroth"): read as spaces
    const text = (s.querySelector('text')?.textContent ?? '').replace(/(\p{L})_(?=\p{L})/gu, '$1 ').replace(/\s+/g, ' ').trim();
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

const DISAGREEMENTS = fileURLToPath(new URL('../../data/eval/events.disagreements.json', import.meta.url));

/** Records sitrep disagrees with on purpose, by record id, with the reason (project data file). */
export function loadDisagreements(): { petrarch: Record<string, string>; plover: Record<string, string> } {
  const raw = JSON.parse(readFileSync(DISAGREEMENTS, 'utf8')) as { petrarch: Record<string, string>; plover: Record<string, string> };
  return { petrarch: raw.petrarch ?? {}, plover: raw.plover ?? {} };
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

/**
 * sitrep's events as PETRARCH2 writes them: sorted unique `SRC>TGT:CODE` triples, one per
 * actor-recipient pair; a compound actor with no recipient is reciprocal ("X and Y renewed
 * ties": X>Y and Y>X), as is an event of a symmetric pattern (rule `+reciprocal`). Uncoded events and events whose actors all lack a code (PETRARCH2
 * needs a coded source) are left out.
 */
export function petrarchTriples(events: readonly DocEvent[]): string[] {
  const produced = new Set<string>();
  for (const e of events) {
    if (!e.cameo || !e.actor.some((a) => a.code)) continue;
    if (e.recipient.length === 0 && new Set(e.actor.map((a) => a.code)).size > 1) {
      for (const a of e.actor) for (const t of e.actor) if (a.code !== t.code) produced.add(`${a.code ?? ''}>${t.code ?? ''}:${e.cameo}`);
      continue;
    }
    const targets = e.recipient.length ? e.recipient : [{ code: '' }];
    for (const a of e.actor) for (const t of targets) produced.add(`${a.code ?? ''}>${t.code ?? ''}:${e.cameo}`);
    // a reciprocal pattern ("meet" [031:031]) codes each recipient acting on each actor too
    if (e.rule.includes('+reciprocal')) for (const a of e.actor) for (const t of e.recipient) if (a.code && t.code) produced.add(`${t.code}>${a.code}:${e.cameo}`);
  }
  return [...produced].sort();
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
    const got = petrarchTriples(doc.events);
    if (got.join('|') === r.expected.join('|')) exact++;
    else mismatches.push({ id: r.id, category: r.category, expected: r.expected, produced: got, text: r.text });
  }
  const listed = loadDisagreements().petrarch;
  const disagreements = mismatches.filter((m) => listed[m.id]).map((m) => ({ id: m.id, reason: listed[m.id] }));
  return { records: records.length, exact, disagreements, exactPct: records.length ? Math.round((1000 * exact) / records.length) / 10 : 0, mismatches };
}
