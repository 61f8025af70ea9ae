/**
 * Event export formats:
 * - PLOVER JSON Lines (one record per event), following the PLOVER manual's
 *   record (draft 0.8, 2021; CC BY-SA 4.0): `event`, `mode`, `context`, `actor`,
 *   `recipient`, with sitrep's provenance and the auxiliary modes
 *   (historical, future, hypothetical, negation) under `modality`;
 * - GDELT 2.0 event table rows (61 tab-separated columns in the GDELT 2.0 Event
 *   Codebook's order, no header), with the fields sitrep can fill and the rest empty.
 * Compound events keep all their actors in PLOVER; GDELT has one actor per side,
 * so a compound event becomes one row per (actor, recipient) pair.
 */
import { createHash } from 'node:crypto';
import type { Doc, DocEvent, Participant } from '../doc.js';

/** One PLOVER record. Dates are TIMEX3 values (calendar dates, no zone). */
export interface PloverRecord {
  id: string;
  date: string | null;
  dateDefaulted: boolean;
  event: string | null;
  mode: string | null;
  context: string[];
  actor: Array<{ text: string; code: string | null; country: string | null; sector: string | null }>;
  recipient: Array<{ text: string; code: string | null; country: string | null; sector: string | null }>;
  eventText: string;
  location: { text: string; country: string | null } | null;
  modality: string[];
  cameo: string | null;
  goldstein: number | null;
  quadClass: number | null;
  attribution: { source: string | null; cue: string } | null;
  confidence: number;
  /** Provenance: document, sentence text and character span (UTF-16 code units) of the trigger. */
  source: { document: string; url: string | null; published: string | null; sentence: number; sentenceText: string; start: number; end: number; rule: string };
}

const who = (p: Participant) => ({ text: p.text, code: p.code, country: p.country, sector: p.sector });

/** Stable id of an event: document id + event index. */
export function eventId(doc: Doc, idx: number): string {
  return `${doc.document.id}#e${idx}`;
}

/** PLOVER records of a document's events, in document order. */
export function toPlover(doc: Doc): PloverRecord[] {
  return doc.events.map((e, i) => {
    const s = doc.sentences[e.sentence];
    return {
      id: eventId(doc, i),
      date: e.date,
      dateDefaulted: e.dateDefaulted,
      event: e.plover?.event ?? null,
      mode: e.plover?.mode ?? null,
      context: e.plover?.context ?? [],
      actor: e.actor.map(who),
      recipient: e.recipient.map(who),
      eventText: e.trigger.text,
      location: e.location ? { text: e.location.text, country: e.location.country } : null,
      modality: e.modality,
      cameo: e.cameo,
      goldstein: e.goldstein,
      quadClass: e.quadClass,
      attribution: e.attribution ? { source: e.attribution.source?.text ?? null, cue: e.attribution.cue.text } : null,
      confidence: e.confidence,
      source: {
        document: doc.document.id,
        url: doc.document.url,
        published: doc.document.published,
        sentence: e.sentence,
        sentenceText: doc.document.text.slice(s.start, s.end),
        start: e.trigger.start,
        end: e.trigger.end,
        rule: e.rule,
      },
    };
  });
}

/** Column names of the GDELT 2.0 event table, in order (GDELT 2.0 Event Codebook). */
export const GDELT_COLUMNS = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  ...['Actor1', 'Actor2'].flatMap((a) => ['Code', 'Name', 'CountryCode', 'KnownGroupCode', 'EthnicCode', 'Religion1Code', 'Religion2Code', 'Type1Code', 'Type2Code', 'Type3Code'].map((c) => a + c)),
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale', 'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  ...['Actor1Geo_', 'Actor2Geo_', 'ActionGeo_'].flatMap((g) => ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'].map((c) => g + c)),
  'DATEADDED', 'SOURCEURL',
] as const;

/** A numeric GLOBALEVENTID derived from the event id (first 12 hex digits of its SHA-256). */
function numericId(id: string): string {
  return String(parseInt(createHash('sha256').update(id).digest('hex').slice(0, 12), 16));
}

function actorCols(p: Participant | undefined): string[] {
  if (!p) return Array(10).fill('');
  const sector = p.sector ?? '';
  return [p.code ?? '', p.text.toUpperCase(), p.country ?? '', '', '', '', '', sector, '', ''];
}

/**
 * GDELT 2.0 rows (arrays of 61 strings) for a document's coded events. Uncoded
 * events and events without a full calendar date (YYYY-MM-DD) are left out, as
 * GDELT's SQLDATE needs one; `DATEADDED` is the publication date at 000000.
 */
export function toGdeltRows(doc: Doc): string[][] {
  const rows: string[][] = [];
  doc.events.forEach((e: DocEvent, i) => {
    if (!e.cameo || !e.date || !/^\d{4}-\d{2}-\d{2}$/.test(e.date)) return;
    const [y, m, d] = e.date.split('-');
    const fraction = (Number(y) + (Number(m) - 1) / 12 + (Number(d) - 1) / 365).toFixed(4);
    const recips = e.recipient.length ? e.recipient : [undefined];
    let k = 0;
    for (const a of e.actor) {
      for (const r of recips) {
        const geo = e.location ? ['1', e.location.text, e.location.country ?? '', '', '', '', '', ''] : Array(8).fill('');
        rows.push([
          numericId(`${eventId(doc, i)}:${k++}`), `${y}${m}${d}`, `${y}${m}`, y, fraction,
          ...actorCols(a), ...actorCols(r),
          e.sentence === 0 ? '1' : '0', e.cameo, e.cameo.slice(0, 3), e.root ?? '', String(e.quadClass ?? ''), String(e.goldstein ?? ''), '1', '1', '1', '',
          ...Array(16).fill(''), ...geo,
          doc.document.published ? doc.document.published.replace(/-/g, '') + '000000' : '', doc.document.url ?? '',
        ].map((f) => f.replace(/[\t\r\n]+/g, ' '))); // a field never carries the row's separators
      }
    }
  });
  return rows;
}
