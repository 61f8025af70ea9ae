/**
 * The document model: one {@link Doc} owns the text; every annotation is a
 * span into `doc.document.text`.
 *
 * Offsets: all `start`/`end` values in sitrep are **UTF-16 code unit**
 * indices into `document.text` (JavaScript string indices), `start`
 * inclusive, `end` exclusive, so `text.slice(start, end) === span.text`.
 *
 * Dates: calendar values are TIMEX3 value strings (ISO 8601 subsets such as
 * `2025-08-12`, `2025-07`, `2024`, `XXXX-08-12`, `PAST_REF`, `P3D`), with no
 * time zone: a calendar date as the report states it. The publication date
 * (DCT, document creation time) is a `YYYY-MM-DD` string or null.
 */

/** A half-open character span `[start, end)` in UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

/** A span together with the text it covers. */
export interface TextSpan extends Span {
  text: string;
}

/** Document metadata plus the plain text all offsets point into. */
export interface DocumentMeta {
  /** Stable id: `sha256:` + first 16 hex of SHA-256 over the normalised text (and title). */
  id: string;
  title: string | null;
  /** Publication date (DCT) as `YYYY-MM-DD`, or null when unknown. */
  published: string | null;
  url: string | null;
  source: string | null;
  /** The id the input gave the article (JSON Lines `id`), if any; `id` above is always the content hash. */
  inputId?: string;
  /** The plain text; every offset in the document counts UTF-16 code units into this string. */
  text: string;
}

/** One token from the tokenizer (wink-nlp), with its character span. */
export interface Token extends TextSpan {
  /** Universal POS tag (wink-nlp / UD: NOUN, PROPN, VERB, AUX, ADP, DET, NUM, PUNCT, ...). */
  pos: string;
  /** Lower-case lemma. */
  lemma: string;
  /** Lower-case surface form. */
  lower: string;
  /** Index of the sentence that contains the token. */
  sentence: number;
}

/** A sentence: character span plus the half-open range of its tokens. */
export interface Sentence extends Span {
  tokenStart: number;
  tokenEnd: number;
}

/** NER labels (OntoNotes-style coarse set used by sitrep). */
export type NerLabel = 'PER' | 'ORG' | 'GPE' | 'LOC' | 'NORP' | 'MISC';

/**
 * A resolved political actor in CAMEO terms.
 * `code` = country (ISO 3166-1 alpha-3, as CAMEO uses) + sector codes, e.g. `RUSGOV`, `PRKMED`, `USAMIL`.
 */
export interface ActorRef {
  code: string;
  /** ISO 3166-1 alpha-3 or null for international / non-state actors. */
  country: string | null;
  /** CAMEO sector (GOV, MIL, MED, OPP, REB, BUS, CVL, ...) or null for the country as a whole. */
  sector: string | null;
  /** Canonical name, e.g. "Vladimir Putin" or "Russia". */
  name: string;
}

/** Provenance common to every extracted fact. */
export interface Provenance {
  /** Index into `Doc.sentences` of the sentence holding the fact. */
  sentence: number;
  /** The rule or model that produced the fact, e.g. `ner:gazetteer`, `events:verb-pattern:SAY`. */
  rule: string;
}

export interface Entity extends TextSpan, Provenance {
  label: NerLabel;
  /** The actor this mention resolves to, where resolvable. */
  actor?: ActorRef;
  /** Index into `Doc.entities` of the mention this one corefers with (first mention of the chain), if any. */
  corefOf?: number;
}

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface Timex extends TextSpan, Provenance {
  type: TimexType;
  /** TIMEX3 value, e.g. `2025-08-12`, `2025-W33`, `2024`, `XXXX-07`, `P3D`, `PAST_REF`. */
  value: string;
  /** Modifier (TIMEX3 `mod`): BEFORE, AFTER, START, MID, END, APPROX, ... */
  mod?: string;
  /** What the value was anchored on: `DCT`, `none`, or `timex:N` (index of another timex). */
  anchor?: string;
}

/**
 * An actor mention: a noun phrase that names or describes a political actor,
 * e.g. "Russian President Vladimir Putin" (RUSGOV), "North Korean state media"
 * (PRKMED), "Ukrainian officials" (UKRGOV), "Moscow" standing for its
 * government (RUSGOV). Built from entities plus agent (sector) nouns.
 */
export interface Mention extends TextSpan, Provenance {
  code: string | null;
  country: string | null;
  sector: string | null;
  /** Canonical actor name, e.g. "Vladimir Putin", or null. */
  name: string | null;
  /** Index into `Doc.entities` of the head entity, or null for nominal mentions ("officials"). */
  entity: number | null;
  /** `name` (a named entity), `nominal` ("the Russian president", "troops") or `pronoun`. */
  kind: 'name' | 'nominal' | 'pronoun';
  /** Token range `[tokenStart, tokenEnd)` of the mention. */
  tokenStart: number;
  tokenEnd: number;
}

/** The participant of an event: a mention plus its actor code. */
export interface Participant extends TextSpan {
  code: string | null;
  country: string | null;
  sector: string | null;
}

export type Modality = 'historical' | 'future' | 'hypothetical' | 'negation';

export interface Attribution {
  source: (TextSpan & { code: string | null; country: string | null }) | null;
  cue: TextSpan;
}

export interface DocEvent extends Provenance {
  /** CAMEO event code, e.g. "041", or null when the event could not be coded (`uncoded`). */
  cameo: string | null;
  /** CAMEO root code (two digits), null when uncoded. */
  root: string | null;
  /** CAMEO QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  quadClass: 1 | 2 | 3 | 4 | null;
  /** Goldstein scale value in [-10, 10] from the CAMEO codebook. */
  goldstein: number | null;
  /** PLOVER event type and mode from the CAMEO-to-PLOVER table. */
  plover: { event: string; mode: string | null; context?: string[] } | null;
  /** `coded` or `uncoded` (a trigger was found but no code could be assigned). */
  status: 'coded' | 'uncoded';
  actor: Participant[];
  recipient: Participant[];
  /** TIMEX3 value of when the event happened. */
  date: string | null;
  /** True when no time expression governs the event and `date` is the DCT. */
  dateDefaulted: boolean;
  location: (TextSpan & { country: string | null }) | null;
  trigger: TextSpan;
  attribution: Attribution | null;
  modality: Modality[];
  confidence: number;
}

export interface Quote extends TextSpan, Provenance {
  direct: boolean;
  speaker: (TextSpan & { code: string | null; country: string | null }) | null;
  cue: TextSpan | null;
}

export interface Quantity extends TextSpan, Provenance {
  value?: number;
  min?: number;
  max?: number;
  /** What is counted, e.g. "troops". */
  unit: string | null;
  approximate: boolean;
  attribution: Attribution | null;
  /** Index into `Doc.events` of the event the number measures (same sentence), or null. */
  event: number | null;
  /** The rule that linked `event` (`measures:participant`, `measures:object`, `measures:subject`), or null. */
  eventRule: string | null;
}

/** An error recorded for one document (the rest of a batch goes on). */
export interface DocError {
  code: string;
  message: string;
}

/** The annotated document: the JSON contract printed by `sitrep extract`. */
export interface Doc {
  document: DocumentMeta;
  tokens: Token[];
  sentences: Sentence[];
  entities: Entity[];
  /** Actor mentions (noun phrases resolved to CAMEO actor codes). */
  mentions: Mention[];
  timexes: Timex[];
  events: DocEvent[];
  quotes: Quote[];
  quantities: Quantity[];
}

/** The annotation layers a pipeline component may require or assign. */
export type Layer = 'tokens' | 'sentences' | 'entities' | 'mentions' | 'timexes' | 'events' | 'quotes' | 'quantities';

/** Create an empty Doc around document metadata. */
export function emptyDoc(document: DocumentMeta): Doc {
  return { document, tokens: [], sentences: [], entities: [], mentions: [], timexes: [], events: [], quotes: [], quantities: [] };
}

/** Index of the sentence containing character offset `pos` (binary search), or -1. */
export function sentenceAt(doc: Pick<Doc, 'sentences'>, pos: number): number {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = doc.sentences[mid];
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
