/**
 * Cheap stand-ins used by the quotes evaluation (and scripts) when the project's
 * own recognizers are not in the pipeline: proper-noun chunks as entities
 * (no actor codes) and no time expressions. Not part of the default pipeline.
 */
import type { Entity, NerLabel, Token } from '../doc.js';
import type { Component } from '../pipeline.js';

const PER_TITLES = new Set(['mr.', 'mrs.', 'ms.', 'dr.', 'sen.', 'rep.', 'gov.', 'president', 'senator', 'secretary', 'minister', 'gen.', 'lt.', 'col.', 'judge', 'mayor', 'governor']);
const ORG_HEADS = new Set(['party', 'committee', 'news', 'times', 'post', 'department', 'ministry', 'inc.', 'corp.', 'council', 'agency', 'association', 'institute', 'university', 'network', 'campaign', 'foundation', 'journal', 'house', 'senate', 'congress', 'court', 'commission', 'union', 'bank', 'group', 'office', 'administration']);

/** Proper-noun chunks labelled by simple cues (title before -> PER; organisation head -> ORG; two or more words -> PER; else MISC). */
export function fallbackEntities(tokens: Token[], text: string): Entity[] {
  const out: Entity[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.pos !== 'PROPN' || !/^\p{Lu}/u.test(t.text)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && tokens[j].sentence === t.sentence && tokens[j].pos === 'PROPN' && /^\p{Lu}/u.test(tokens[j].text)) j++;
    const words = tokens.slice(i, j).map((x) => x.lower);
    let s = i;
    let label: NerLabel = 'MISC';
    if (PER_TITLES.has(words[0]) && j - i > 1) {
      label = 'PER';
      s = i + 1;
    } else if (i > 0 && PER_TITLES.has(tokens[i - 1].lower)) label = 'PER';
    else if (ORG_HEADS.has(words[words.length - 1])) label = 'ORG';
    else if (j - i >= 2) label = 'PER';
    const start = tokens[s].start;
    const end = tokens[j - 1].end;
    out.push({ text: text.slice(start, end), start, end, label, sentence: t.sentence, rule: 'quotes:fallback-propn' });
    i = j;
  }
  return out;
}

export const fallbackEntitiesComponent: Component = {
  name: 'fallback-entities',
  requires: ['tokens', 'sentences'],
  assigns: ['entities'],
  run: (doc) => ({ entities: fallbackEntities(doc.tokens, doc.document.text) }),
};

export const fallbackTimexesComponent: Component = {
  name: 'fallback-timexes',
  requires: ['tokens', 'sentences'],
  assigns: ['timexes'],
  run: () => ({ timexes: [] }),
};

export const fallbackMentionsComponent: Component = {
  name: 'fallback-mentions',
  requires: ['tokens', 'sentences'],
  assigns: ['mentions'],
  run: () => ({ mentions: [] }),
};
