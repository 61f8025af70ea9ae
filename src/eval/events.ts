/**
 * `sitrep eval events`: event coding scored on
 * - the PLOVER gold-standard records (`plover_gsr/PLOVER_GSR_CAMEO.shared.json`,
 *   OEDA, CC BY-SA 4.0): event-type recall, actor and recipient country
 *   accuracy, and event precision, with PLOVER 0.5 category names mapped to the
 *   current manual's (see {@link PLOVER_05_TO_CURRENT});
 * - PETRARCH2's unit-test records (`petrarch2_validation`, MIT) with their own
 *   small dictionaries: see `src/eval/petrarch.ts`.
 *
 * Split: a record is held out ("test") when FNV-1a of its sentence text mod 10
 * is below 3 (about 30%); rules are tuned on "dev" only.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../analyze.js';
import { documentId } from '../ingest/index.js';
import type { Doc, DocEvent } from '../doc.js';
import { yieldToLoop } from './yield.js';

/** PLOVER 0.5b1 event names (gold records) -> PLOVER manual 2021 names (CAMEO2PLOVER). */
export const PLOVER_05_TO_CURRENT: Record<string, string> = {
  AGREE: 'AGREE',
  CONSULT: 'CONSULT',
  SUPPORT: 'SUPPORT',
  COOPERATE: 'COOPERATE',
  AID: 'AID',
  CONCEDE: 'CONCEDE',
  RETREAT: 'RETREAT',
  INVESTIGATE: 'ACCUSE',
  DEMAND: 'REQUEST',
  DISAPPROVE: 'ACCUSE',
  REJECT: 'REJECT',
  THREATEN: 'THREATEN',
  PROTEST: 'PROTEST',
  MOBILIZE: 'MOBILIZE',
  SANCTION: 'SANCTION',
  COERCE: 'COERCE',
  ASSAULT: 'ASSAULT',
  FIGHT: 'ASSAULT',
};

/**
 * CAMEO codes that the 2021 CAMEO2PLOVER table moved to another PLOVER type than PLOVER 0.5
 * gave them: easing a curfew or a state of emergency (0813, 0814) was CONCEDE and is RETREAT
 * ("'ease' is no longer a mode", CAMEO2PLOVER-2021); imposing an embargo, boycott or sanctions
 * (163) was SANCTION and is COERCE. An event with such a code also matches a gold record of
 * its PLOVER 0.5 type.
 */
export const PLOVER_05_BY_CAMEO: Record<string, string> = { '0813': 'CONCEDE', '0814': 'CONCEDE', '163': 'SANCTION' };

/** Gold actor codes that are not ISO 3166 alpha-3, mapped to what sitrep emits. */
const GOLD_CODE_ALIASES: Record<string, string> = { JAP: 'JPN' };
/** sitrep codes of international organisations, which the gold records code `IGO`. */
const IGO_CODES = /^(IGO|UNO|NAT|EUR|AFR|ASA|NGO|IMG|ARL|WST)/;

export interface PloverGold {
  id: string;
  text: string;
  /** PLOVER type, in the 2021 manual's names. */
  event: string;
  /** PLOVER 0.5 type as the record gives it. */
  event05: string;
  source: string[];
  target: string[];
  split: 'dev' | 'test';
}

/** FNV-1a 32-bit hash (for the deterministic split). */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function codesOf(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v.map((a: { code?: string }) => (a.code ?? '').toUpperCase()).filter(Boolean).map((c) => GOLD_CODE_ALIASES[c] ?? c);
}

/** Read the PLOVER gold records (the DOCUMENT record is skipped). */
export function loadPloverGold(dataDir: string): PloverGold[] {
  const file = join(dataDir, 'plover_gsr', 'PLOVER_GSR_CAMEO.shared.json');
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Array<Record<string, unknown>>;
  return raw
    .filter((r) => r.event !== 'DOCUMENT' && typeof r.text === 'string')
    .map((r) => {
      const text = (r.text as string).trim();
      return {
        id: String(r.id),
        text,
        event: PLOVER_05_TO_CURRENT[String(r.event)] ?? String(r.event),
        event05: String(r.event),
        source: codesOf(r.source),
        target: codesOf(r.target),
        split: fnv1a(text) % 10 < 3 ? ('test' as const) : ('dev' as const),
      };
    });
}

function participantMatches(pred: DocEvent['actor'], gold: string[]): boolean {
  if (gold.length === 0) return pred.length === 0;
  return gold.some((g) =>
    pred.some((p) => {
      const code = p.code ?? '';
      if (g === 'IGO') return IGO_CODES.test(code);
      return p.country === g || code.startsWith(g);
    }),
  );
}

/** Figures for one split. */
export interface PloverScores {
  records: number;
  /** Share of gold records for which some event of the sentence has the gold PLOVER type. */
  typeRecall: number;
  /** Among records whose type was found: share whose actor country matches a gold source. */
  actorAccuracy: number;
  /** Among found records with a gold target: share whose recipient country matches. */
  recipientAccuracy: number;
  /** Share of predicted events whose type is a gold type of their sentence. */
  precision: number;
  predicted: number;
  /** Records not found, with what sitrep produced (for error analysis). */
  misses: Array<{ id: string; gold: string; predicted: string[]; text: string }>;
}

export interface EventsEvalReport {
  plover: { dev: PloverScores; test: PloverScores; all: PloverScores };
  petrarch?: import('./petrarch.js').PetrarchReport;
}

/** Does a predicted event have the gold record's type (2021 names, or the code's PLOVER 0.5 type)? */
function typeMatches(e: DocEvent, g: PloverGold): boolean {
  return e.plover?.event === g.event || (!!e.cameo && PLOVER_05_BY_CAMEO[e.cameo] === g.event05);
}

function scorePlover(records: PloverGold[], docs: Map<string, Doc>): PloverScores {
  let found = 0, actorOk = 0, withTarget = 0, recipOk = 0, predicted = 0, correct = 0;
  const misses: PloverScores['misses'] = [];
  const bySentence = new Map<string, PloverGold[]>();
  for (const r of records) bySentence.set(r.text, [...(bySentence.get(r.text) ?? []), r]);
  for (const r of records) {
    const doc = docs.get(r.text)!;
    const hits = doc.events.filter((e) => typeMatches(e, r));
    if (hits.length === 0) {
      misses.push({ id: r.id, gold: r.event, predicted: doc.events.map((e) => `${e.plover?.event ?? e.cameo}:${e.actor.map((a) => a.code).join('+')}>${e.recipient.map((a) => a.code).join('+')}`), text: r.text });
      continue;
    }
    found++;
    if (hits.some((e) => participantMatches(e.actor, r.source))) actorOk++;
    if (r.target.length > 0) {
      withTarget++;
      if (hits.some((e) => participantMatches(e.recipient, r.target))) recipOk++;
    }
  }
  for (const [text, golds] of bySentence) {
    const doc = docs.get(text)!;
    predicted += doc.events.length;
    correct += doc.events.filter((e) => golds.some((g) => typeMatches(e, g))).length;
  }
  const pct = (a: number, b: number) => (b ? Math.round((1000 * a) / b) / 10 : 0);
  return {
    records: records.length,
    typeRecall: pct(found, records.length),
    actorAccuracy: pct(actorOk, found),
    recipientAccuracy: pct(recipOk, withTarget),
    precision: pct(correct, predicted),
    predicted,
    misses,
  };
}

/** Run the event evaluations. @throws Error when the PLOVER gold file is missing. */
export async function evalEvents(opts: { dataDir: string; petrarch?: boolean }): Promise<EventsEvalReport> {
  const gold = loadPloverGold(opts.dataDir);
  const docs = new Map<string, Doc>();
  for (const r of gold) {
    if (docs.has(r.text)) continue;
    await yieldToLoop();
    // the records are undated sentences; their nominal date is 2000-01-01
    docs.set(r.text, analyze({ id: documentId(r.text, null), title: null, published: '2000-01-01', url: null, source: null, text: r.text }));
  }
  const report: EventsEvalReport = {
    plover: {
      dev: scorePlover(gold.filter((g) => g.split === 'dev'), docs),
      test: scorePlover(gold.filter((g) => g.split === 'test'), docs),
      all: scorePlover(gold, docs),
    },
  };
  if (opts.petrarch !== false && existsSync(join(opts.dataDir, 'petrarch2_validation'))) {
    const { evalPetrarch } = await import('./petrarch.js');
    report.petrarch = await evalPetrarch(opts.dataDir);
  }
  return report;
}

/** Human-readable report. */
export function formatEventsReport(r: EventsEvalReport): string {
  const lines = ['PLOVER gold records (PLOVER 0.5 names mapped to the 2021 manual; split: FNV-1a(text) % 10 < 3 = test)'];
  lines.push('split  records  type-recall  actor-country  recipient-country  precision  (predicted events)');
  for (const k of ['dev', 'test', 'all'] as const) {
    const s = r.plover[k];
    lines.push(`${k.padEnd(6)} ${String(s.records).padStart(7)}  ${s.typeRecall.toFixed(1).padStart(10)}%  ${s.actorAccuracy.toFixed(1).padStart(12)}%  ${s.recipientAccuracy.toFixed(1).padStart(16)}%  ${s.precision.toFixed(1).padStart(8)}%  (${s.predicted})`);
  }
  if (r.petrarch) {
    const p = r.petrarch;
    lines.push('', `PETRARCH2 unit-test records (their own dictionaries): ${p.exact}/${p.records} exact (${p.exactPct.toFixed(1)}%)`);
    if (p.disagreements.length) {
      lines.push(`  mismatches sitrep codes differently on purpose (${p.disagreements.length}, counted as mismatches):`);
      for (const d of p.disagreements) lines.push(`  ${d.id}: ${d.reason}`);
    }
  }
  return lines.join('\n');
}
