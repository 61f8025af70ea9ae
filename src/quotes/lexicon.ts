/**
 * The attribution cue lexicon (`cues.json` beside this file), loaded once per process.
 */
import { readFileSync } from 'node:fs';

export type CueClass = 'speech' | 'clause';

export interface CuePhrase {
  words: string[];
  sourceAfter: boolean;
  weak?: boolean;
}

export interface CueLexicon {
  verbs: Map<string, CueClass>;
  recipientVerbs: Set<string>;
  particles: Map<string, Set<string>>;
  phrases: CuePhrase[];
  possessiveNouns: Set<string>;
  /** Nouns of a communicative act or artifact, possibly multi-word (lower case). */
  statementNouns: Set<string>;
  artifactNouns: Set<string>;
  /** Pronouns and quantifiers that can be a whole source NP ("It said", "Many argue", "most of them said"). */
  subjectPronouns: Set<string>;
  /** Reduced-relative participles after a source head ("those surveyed said", "voters polled say"). */
  surveyParticiples: Set<string>;
  /** Adverbs that may stand between a source and its cue, bare or between commas ("X, however, said"). */
  subjectVerbAdverbs: Set<string>;
}

interface RawLexicon {
  verbs: Record<string, CueClass>;
  recipientVerbs: string[];
  particles: Record<string, string[]>;
  phrases: CuePhrase[];
  possessiveNouns: string[];
  statementNouns: string[];
  artifactNouns: string[];
  subjectPronouns: string[];
  surveyParticiples: string[];
  subjectVerbAdverbs: string[];
}

let cached: CueLexicon | null = null;

/** The cue lexicon; read from `cues.json` on first use. */
export function cueLexicon(): CueLexicon {
  if (cached) return cached;
  const raw = JSON.parse(readFileSync(new URL('./cues.json', import.meta.url), 'utf8')) as RawLexicon;
  cached = {
    verbs: new Map(Object.entries(raw.verbs)),
    recipientVerbs: new Set(raw.recipientVerbs),
    particles: new Map(Object.entries(raw.particles).map(([k, v]) => [k, new Set(v)])),
    phrases: raw.phrases,
    possessiveNouns: new Set(raw.possessiveNouns),
    statementNouns: new Set(raw.statementNouns),
    artifactNouns: new Set(raw.artifactNouns),
    subjectPronouns: new Set(raw.subjectPronouns),
    surveyParticiples: new Set(raw.surveyParticiples),
    subjectVerbAdverbs: new Set(raw.subjectVerbAdverbs),
  };
  return cached;
}
