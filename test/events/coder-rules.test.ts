/** Coder rules added for issue #5, on sentences written for these tests (DCT 2025-03-12). */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../helpers.js';
import type { DocEvent } from '../../src/doc.js';
import { parseCode, buildEventLexicon } from '../../src/events/lexicon.js';
import { loadVerbs } from '../../src/data/dictionaries.js';
import { petrarchTriples } from '../../src/eval/petrarch.js';

const DCT = '2025-03-12';
const events = (text: string) => analyzeText(text, DCT).events;
const codes = (ps: DocEvent['actor']) => ps.map((p) => p.code).sort();

describe('coder rules', () => {
  it('keeps list members that carry determiners and adjectives', () => {
    const e = events('Egypt and the tiny wealthy Qatar condemned Israel on Monday.').find((x) => x.root === '11');
    expect(codes(e!.actor)).toEqual(['EGY', 'QAT']);
    expect(codes(e!.recipient)).toEqual(['ISR']);
  });

  it("takes the possessor's role as the recipient ('with Morocco's government')", () => {
    const e = events("Spain condemned Morocco's government on Monday.").find((x) => x.root === '11');
    expect(codes(e!.recipient)).toEqual(['MARGOV']);
  });

  it('reads a statement with a must-complement as a demand', () => {
    const e = events('The United States declared on Tuesday that China must drop its tariffs.');
    expect(e.map((x) => x.root)).toContain('10');
    expect(e.find((x) => x.root === '10')!.rule).toMatch(/must-complement/);
  });

  it('does not match a pattern preposition inside a complement clause', () => {
    const e = events('Amnesty International demanded that the Egyptian government end restrictions on the press.');
    expect(e.some((x) => x.root === '19')).toBe(false);
    expect(e.some((x) => x.root === '10')).toBe(true);
  });

  it('keeps an event whose named subject no dictionary codes, with a null actor code', () => {
    const e = events('Governor Tamsin Okonkwo-Vale condemned Kenya on Monday.').find((x) => x.root === '11');
    expect(e).toBeDefined();
    expect(e!.actor.map((a) => a.code)).toEqual([null]);
    expect(e!.actor[0].text).toMatch(/Okonkwo-Vale/);
    expect(codes(e!.recipient)).toEqual(['KEN']);
  });

  it("codes the reported verb, not the speech verb whose pattern names it ('said * WITHDRAW')", () => {
    const [e, ...rest] = events('Nigeria said it will withdraw its force from Chad.');
    expect(rest).toHaveLength(0);
    expect(e.trigger.text).toBe('withdraw');
    expect(e.modality).toContain('future');
    expect(codes(e.actor)).toEqual(['NGA']);
    expect(codes(e.recipient)).toEqual(['TCD']);
  });

  it('matches a pattern word across a longer noun phrase (up to six tokens)', () => {
    expect(events('The Israeli army lifted on Friday its day-old blockade of Gaza.').map((e) => e.plover?.event)).toContain('RETREAT');
  });

  it('takes an appositive before the verb as the subject, not as a list member in a prepositional phrase', () => {
    const e = events('A leader of the Kenyan opposition, Jomo Mwangi-Otieno, started a hunger strike on Monday.');
    expect(e.map((x) => x.plover?.event)).toEqual(['PROTEST']);
    expect(e[0].actor[0].text).toMatch(/Mwangi-Otieno/);
  });

  it('reads a hyphenated participle as a modifier and looks past possessives for a light verb\'s noun', () => {
    const e = events('Israel mounted its long-threatened invasion of Lebanon.');
    expect(e.map((x) => x.plover?.event)).toEqual(['ASSAULT']);
    expect(codes(e[0].actor)).toEqual(['ISR']);
    expect(codes(e[0].recipient)).toEqual(['LBN']);
  });

  it('does not make a past-tense event future because its date is after the publication date', () => {
    const [met] = events('Japan met Kenya on March 20.');
    expect(met.modality).not.toContain('future');
    expect(met.plover?.event).toBe('CONSULT');
    const [will] = events('Japan will meet Kenya on March 20.');
    expect(will.modality).toContain('future');
    expect(will.plover?.event).toBe('AGREE');
  });

  it('codes an announced coercive action as a threat, but not an announced sanction or a refused one', () => {
    expect(events('Iran said it will arrest the British sailors.').map((e) => e.cameo)).toEqual(['137']);
    expect(events('Iran said it will not arrest the British sailors.').map((e) => e.plover?.event)).not.toContain('THREATEN');
    expect(events('Japan announced it would impose sanctions on Iran.').map((e) => e.cameo)).toEqual(['163']);
  });

  it("applies an agent to every country of a list ('lawmakers in Kenya and Uganda')", () => {
    const e = events('Lawmakers in Kenya and Uganda condemned Sudan.').find((x) => x.root === '11');
    expect(codes(e!.actor)).toEqual(['KENLEG', 'UGALEG']);
    expect(codes(e!.recipient)).toEqual(['SDN']);
  });

  it("applies coordinated agents to every country of a list ('lawmakers and officials in Kenya and Uganda')", () => {
    const e = events('Lawmakers and officials in Kenya and Uganda condemned Sudan.').find((x) => x.root === '11');
    expect(codes(e!.actor)).toEqual(['KENGOV', 'KENLEG', 'UGAGOV', 'UGALEG']);
  });

  it("gives a second coordinated agent the same country ('Danish media and government')", () => {
    const e = events('Danish media and government warned Russia on Monday.');
    expect(codes(e[0].actor)).toEqual(['DNKGOV', 'DNKMED']);
    expect(codes(e[0].recipient)).toEqual(['RUS']);
  });

  it('makes no event of a statement by an actor known by name only', () => {
    expect(events('Brandwell Mattress Co said on Monday that its profits rose.')).toHaveLength(0);
  });
});

describe('verb phrases', () => {
  it('takes the agent of an event noun under a coded verb as its recipient, and shares the subject across coordinated verbs', () => {
    const [condemn, promise, ...rest] = events('Japan criticized the invasion by Russian troops in north Ukraine on Monday and promised aid to Kyiv.');
    expect(rest).toHaveLength(0);
    expect(condemn.root).toBe('11');
    expect(codes(condemn.recipient)).toEqual(['RUSMIL']);
    expect(promise.plover?.event).toBe('AGREE');
    expect(codes(promise.actor)).toEqual(['JPN']);
    expect(codes(promise.recipient)).toEqual(['UKRGOV']);
  });
});

describe('dictionary codes outside CAMEO', () => {
  it('parses lettered variants and keeps validation-only codes only when asked', () => {
    expect(parseCode('174L')).toBe('174L');
    expect(parseCode('072:086')).toBe('072');
    expect(parseCode('---')).toBeNull();
    const vd = loadVerbs();
    const own = { ...vd, verbs: { ...vd.verbs, zorble: { block: 'ZORBLE', code: '902', forms: ['zorble', 'zorbled'], patterns: [] } } } as typeof vd;
    expect(buildEventLexicon(own, { dictionaryCodes: true }).dictionaryCodes.has('902')).toBe(true);
    expect(buildEventLexicon(own).dictionaryCodes.size).toBe(0);
  });
});

describe('PETRARCH2 triples', () => {
  const p = (code: string | null) => ({ text: code ?? 'x', start: 0, end: 1, code, country: code, sector: null });
  const ev = (actor: Array<string | null>, recipient: string[], cameo: string | null = '064', rule = 'events:verb-default:x') =>
    ({ cameo, actor: actor.map(p), recipient: recipient.map(p), rule }) as unknown as DocEvent;
  it('expands compound events pairwise and reads a recipient-less compound actor as reciprocal', () => {
    expect(petrarchTriples([ev(['AAA', 'BBB'], ['CCC'])])).toEqual(['AAA>CCC:064', 'BBB>CCC:064']);
    expect(petrarchTriples([ev(['AAA', 'BBB'], [])])).toEqual(['AAA>BBB:064', 'BBB>AAA:064']);
    expect(petrarchTriples([ev(['AAA'], [])])).toEqual(['AAA>:064']);
    // a symmetric pattern's event goes both ways
    expect(petrarchTriples([ev(['AAA'], ['BBB', 'CCC'], '031', 'events:verb-default:meet+reciprocal')])).toEqual(['AAA>BBB:031', 'AAA>CCC:031', 'BBB>AAA:031', 'CCC>AAA:031']);
  });
  it('leaves out uncoded events and events without a coded source', () => {
    expect(petrarchTriples([ev([null], ['CCC']), ev(['AAA'], ['CCC'], null)])).toEqual([]);
  });
});

describe('coder rules: background and absorbed triggers', () => {
  it('reads a participle after a possessive, a preposition or a verb as an adjective', () => {
    expect(events("Chile refused to meet Peru's visiting President Ana Ruiz in Lima.").map((x) => x.trigger.text)).toEqual(['refused']);
    expect(events('Ghana rejected proposed Nigerian changes to the trade deal.').map((x) => x.trigger.text)).toEqual(['rejected']);
    expect(events('Kenya condemned Uganda for its support of suspected rebels.').map((x) => x.trigger.text)).toEqual(['condemned']);
  });

  it("lets a purpose infinitive give way to a light verb's event noun", () => {
    const e = events('Hundreds of Kenyan teachers began a hunger strike on Monday to protest against the Ugandan decision.');
    expect(e.map((x) => x.trigger.text)).toEqual(['hunger strike']);
  });

  it('does not code an event noun inside the clause of a coded verb as an event of its own', () => {
    const e = events('Canada sent food aid to Sudanese refugees fleeing the war in Darfur.');
    expect(e.some((x) => x.trigger.text === 'war')).toBe(false);
    const t = events('Turkey refused to take part in the Russian offensive against Ukraine.');
    expect(t.map((x) => x.plover?.event)).toEqual(['REJECT']);
  });

  it("keeps an event noun that is the subject of its own verb ('the invasion ... killed')", () => {
    const e = events("Serbia condemned Kosovo after Albania's invasion of Montenegro killed ten people.");
    expect(e.some((x) => x.trigger.text === 'invasion')).toBe(true);
  });

  it("takes the light verb's noun in a threat's complement as its content", () => {
    const e = events('Kenyan doctors threatened on Monday to hold a general strike unless Kenya raised their pay.');
    expect(e.map((x) => x.plover?.event)).toEqual(['THREATEN']);
  });
});

describe('coder rules: subordinate and conditional clauses', () => {
  it('takes the subject of a subordinate clause from inside it, not from the main clause', () => {
    const e = events('A Kenyan minister threatened Uganda on Monday as the leaders of the two countries sought to ease tensions in their relations.');
    expect(e.map((x) => x.plover?.event)).toEqual(['THREATEN']);
  });

  it('does not take a recipient from a following subordinate clause', () => {
    const e = events('Chile and Peru postponed their meeting after a Bolivian delegation was delayed in La Paz.');
    const m = e.find((x) => x.trigger.text === 'meeting' || x.trigger.text === 'postponed');
    expect(m).toBeDefined();
    expect(m!.recipient.map((r) => r.country)).not.toContain('BOL');
  });

  it('codes no event inside the condition of another', () => {
    const e = events('Nigeria said it will withdraw its troops from Chad unless the Chadian president arranges a ceasefire.');
    expect(e.map((x) => x.plover?.event)).toEqual(['THREATEN']);
  });
});

describe('coder rules: multi-word verbs', () => {
  it("codes a multi-word verb of the dictionary as one trigger with its own patterns ('called off ... strike')", () => {
    const [e, ...rest] = events('Kenyan teachers called off their strike on Monday.');
    expect(rest).toHaveLength(0);
    expect(e.trigger.text).toBe('called off');
    expect(e.cameo).toBe('082');
    expect(e.rule).toContain('call off');
  });
});

describe('coder rules: paired codes', () => {
  it("codes the paired reverse event of an [A:B] pattern ('welcomed the visit': 043 and 042 the other way)", () => {
    const e = events('Kenya welcomed the visit of a Ugandan delegation on Monday.');
    const t = e.map((x) => `${x.actor.map((a) => a.country).join('+')}>${x.recipient.map((a) => a.country).join('+')}:${x.cameo}`);
    expect(t).toEqual(['KEN>UGA:043', 'UGA>KEN:042']);
    expect(e[1].rule).toMatch(/\+reverse$/);
  });

  it('keeps a symmetric pair as one reciprocal event', () => {
    const e = events('Kenya spoke by phone with Uganda on Monday.');
    expect(e).toHaveLength(1);
    expect(e[0].rule).toMatch(/\+reciprocal/);
  });

  it('makes no reverse event without a recipient', () => {
    const e = events('Kenya welcomed the visit on Monday.');
    expect(e.some((x) => x.rule.endsWith('+reverse'))).toBe(false);
  });
});

describe('coder rules: group entries of the dictionary', () => {
  it("makes one participant per code of a group entry (validation dictionary: 'the Shire' FRO/BIL/SAM)", async () => {
    const { petrarchPipeline } = await import('../../src/eval/petrarch.js');
    const { runPipeline } = await import('../../src/pipeline.js');
    const text = 'The Shire condemned Gondor on Tuesday.';
    const doc = runPipeline({ id: 'shire', title: null, published: '2001-05-02', url: null, source: null, text }, petrarchPipeline());
    const e = doc.events.find((x) => x.trigger.text === 'condemned');
    expect(e!.actor.map((a) => a.code)).toEqual(['FRO', 'BIL', 'SAM']);
    expect(e!.actor.every((a) => a.text === 'The Shire')).toBe(true);
  });
});

describe('coder rules: arguments', () => {
  it("takes a coordination with 'nor' as a compound actor", () => {
    const e = events('Neither Kenya nor Uganda condemned Tanzania on Monday.');
    expect(e.map((x) => codes(x.actor))).toContainEqual(['KEN', 'UGA']);
  });

  it("does not take the object of a relational preposition before the verb as the subject ('a row between X')", () => {
    const e = events('A diplomat at the centre of a row with Uganda condemned Kenya on Monday.');
    expect(e.every((x) => !x.actor.some((a) => a.country === 'UGA'))).toBe(true);
  });

  it("takes the country of an affiliation phrase for an uncoded head ('students throughout Indonesia staged')", () => {
    const e = events('Thousands of students throughout Indonesia staged demonstrations on Saturday.');
    expect(e.map((x) => x.plover?.event)).toContain('PROTEST');
    expect(e[0].actor.map((a) => a.country)).toEqual(['IDN']);
  });

  it("lets the recipient search pass an event noun that the verb's phrase absorbs ('called for a boycott against Y')", () => {
    const e = events('Kenya called for a boycott against Uganda on Monday.');
    const c = e.find((x) => x.trigger.text === 'called');
    expect(c).toBeDefined();
    expect(c!.recipient.map((r) => r.country)).toEqual(['UGA']);
  });
});

describe('coder rules: complements', () => {
  it("takes the recipient of a threat from its complement ('threatened to attack Kenyan towns')", () => {
    const e = events('Somali rebels threatened on Monday to attack Kenyan towns near the border.');
    expect(e.map((x) => x.plover?.event)).toEqual(['THREATEN']);
    expect(e[0].recipient.map((r) => r.country)).toEqual(['KEN']);
  });

  it('reads a must-complement after a long subject as a demand', () => {
    const e = events('Kenya said on Friday that the Ugandan government and the rebels in the north must reach an agreement.');
    expect(e.map((x) => x.cameo)).toEqual(['100']);
    expect(e[0].recipient.map((r) => r.code)).toContain('UGAGOV');
  });
});

describe('coder rules: adjuncts', () => {
  it("gives a bare infinitive under 'to help' to the main event", () => {
    const e = events('Norway sent weapons on Monday to help defend Ukraine.');
    expect(e.some((x) => x.trigger.text === 'defend')).toBe(false);
  });

  it("reads a gerund after 'at' or 'in' as an adjunct, not an event", () => {
    const e = events('Kenya hosted Uganda on Monday at a meeting aimed at establishing close relations.');
    expect(e.some((x) => x.trigger.text === 'establishing')).toBe(false);
  });

  it("makes no reverse event for a pair across CAMEO roots ('sent members of a battalion' [072:086])", () => {
    const e = events('Kenya sent members of a police battalion to Haiti on Monday.');
    expect(e.some((x) => x.rule.endsWith('+reverse'))).toBe(false);
  });
});

describe('coder rules: unnamed crowds', () => {
  it("codes an unnamed protesting crowd as the civilians of the country where it protests, and only then", () => {
    const e = events('Hundreds of people protested in Nairobi on Monday.');
    expect(e.map((x) => x.actor.map((a) => a.code))).toEqual([['KENCVL']]);
    expect(e[0].rule).toMatch(/\+location-country/);
    expect(events('Hundreds of people protested on Monday.')).toHaveLength(0);
  });
});

describe('coder rules: topics', () => {
  it("does not take a country inside a consultation's topic as its recipient ('discussed the war in Sudan')", () => {
    const e = events('Kenya and Uganda discussed the war in Sudan on Monday.');
    expect(e.map((x) => x.plover?.event)).toEqual(['CONSULT']);
    expect(codes(e[0].actor)).toEqual(['KEN', 'UGA']);
    expect(e[0].recipient).toEqual([]);
    const w = events('Kenya discussed the war in Sudan with Uganda.');
    expect(w[0].recipient.map((r) => r.code)).toEqual(['UGA']);
  });
});

describe('coder rules: announced transfers', () => {
  it("codes 'said it would send engineers to X' as an intent to provide aid, the speech verb as attribution", () => {
    const [e, ...rest] = events("China's foreign ministry said it would send 200 engineers to Turkey.");
    expect(rest).toHaveLength(0);
    expect(e.cameo).toBe('033');
    expect(e.plover?.event).toBe('AGREE');
    expect(e.trigger.text).toBe('send');
    expect(e.modality).toContain('future');
    expect(e.actor[0].country).toBe('CHN');
    expect(e.recipient.map((r) => r.code)).toEqual(['TUR']);
    expect(events('China sent 200 engineers to Turkey.').some((x) => x.cameo === '033')).toBe(false);
  });
});

describe('coder rules: verbs coded by their object', () => {
  it("codes 'accepted demands' as yielding (080) and 'accepted the offer' as agreement, not a bare 'accepted'", () => {
    const y = events("Kenya accepted Uganda's demands on Monday.");
    expect(y.map((x) => x.cameo)).toEqual(['080']);
    expect(y[0].plover?.event).toBe('CONCEDE');
    expect(events('Kenya accepted the Ugandan offer on Monday.').map((x) => x.cameo)).toEqual(['030']);
    expect(events('Kenya accepted the Ugandan letter on Monday.')).toHaveLength(0);
  });

  it("coordinates a country with a following 'the government of X' phrase", () => {
    const e = events('Kenya and the government of Uganda condemned Sudan on Monday.').find((x) => x.root === '11');
    expect(codes(e!.actor)).toEqual(['KEN', 'UGAGOV']);
    expect(codes(e!.recipient)).toEqual(['SDN']);
  });

  it('codes a former official as the country elite in an event', () => {
    const e = events('Former Kenyan officials condemned Sudan on Monday.').find((x) => x.root === '11');
    expect(codes(e!.actor)).toEqual(['KENELI']);
  });

  it('reads a bracketed short name as an alias of the name before it, inside a list', () => {
    const e = events('Kenya and the African Union (AFUN) condemned Sudan on Monday.').find((x) => x.root === '11');
    expect(codes(e!.actor)).toEqual(['AFR', 'KEN']);
    expect(codes(e!.recipient)).toEqual(['SDN']);
  });
});
