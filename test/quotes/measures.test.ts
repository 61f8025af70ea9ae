import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import type { Doc, DocEvent, Quantity } from '../../src/doc.js';
import { linkMeasures, MAX_OBJECT_GAP, measuredEvent } from '../../src/quotes/measures.js';
import { tokenize } from '../../src/text/tokenize.js';

/** A hand-made event of sentence 0 whose trigger is the first occurrence of `trigger` in `text`. */
function event(text: string, trigger: string, opts: { actor?: string; root?: string } = {}): DocEvent {
  const span = (s: string) => ({ text: s, start: text.indexOf(s), end: text.indexOf(s) + s.length });
  return {
    cameo: opts.root ? opts.root + '0' : '072', root: opts.root ?? '07', quadClass: 2, goldstein: 1, plover: null, status: 'coded',
    actor: opts.actor ? [{ ...span(opts.actor), code: null, country: null, sector: null }] : [], recipient: [],
    date: null, dateDefaulted: false, location: null, trigger: span(trigger), attribution: null, modality: [], confidence: 1,
    sentence: 0, rule: 'test',
  };
}

function quantity(text: string, s: string): Quantity {
  const start = text.indexOf(s);
  return { text: s, start, end: start + s.length, value: 1, unit: null, approximate: false, attribution: null, event: null, eventRule: null, sentence: 0, rule: 'test' };
}

function docOf(text: string, events: DocEvent[]): Pick<Doc, 'tokens' | 'sentences' | 'events'> {
  return { ...tokenize(text), events };
}

describe('measuredEvent', () => {
  it('links an object quantity to the trigger before it', () => {
    const t = 'The kingdom shipped 400 tonnes of grain to its neighbour.';
    expect(measuredEvent(docOf(t, [event(t, 'shipped')]), quantity(t, '400 tonnes'))).toEqual({ event: 0, rule: 'object' });
  });

  it('links a quantity inside an actor span to that event', () => {
    const t = 'About 900 farmers blocked the motorway.';
    const e = event(t, 'blocked', { actor: 'About 900 farmers' });
    expect(measuredEvent(docOf(t, [e]), quantity(t, 'About 900 farmers'))).toEqual({ event: 0, rule: 'participant' });
  });

  it('links a passive subject across auxiliaries to the trigger after it', () => {
    const t = 'Roughly 7,000 reservists were quickly mobilised in the south.';
    expect(measuredEvent(docOf(t, [event(t, 'mobilised')]), quantity(t, 'Roughly 7,000 reservists'))).toEqual({ event: 0, rule: 'subject' });
  });

  it('does not link a definite count of actors already named', () => {
    const t = 'The two ministers met in Geneva.';
    const e = event(t, 'met', { actor: 'The two ministers' });
    expect(measuredEvent(docOf(t, [e]), quantity(t, 'two ministers'))).toBeNull();
  });

  it('picks the nearest preceding trigger when a sentence has two events', () => {
    const t = 'The army withdrew from the valley and shelled 12 villages on the ridge.';
    const es = [event(t, 'withdrew'), event(t, 'shelled')];
    expect(measuredEvent(docOf(t, es), quantity(t, '12 villages'))?.event).toBe(1);
  });

  it('does not link across a clause break or too far from the trigger', () => {
    const t1 = 'The rebels attacked; 30 houses burned.';
    expect(measuredEvent(docOf(t1, [event(t1, 'attacked')]), quantity(t1, '30 houses'))).toBeNull();
    const far = 'The envoy visited ' + 'the old and very far distant northern coastal '.repeat(2) + 'town of 5 bridges.';
    const gap = tokenize(far).tokens.length;
    expect(gap).toBeGreaterThan(MAX_OBJECT_GAP + 4);
    expect(measuredEvent(docOf(far, [event(far, 'visited')]), quantity(far, '5 bridges'))).toBeNull();
  });

  it('never links a number to a statement (root 01) or to an event of another sentence', () => {
    const t = 'The minister announced 5 new hospitals.';
    expect(measuredEvent(docOf(t, [event(t, 'announced', { root: '01' })]), quantity(t, '5 new hospitals'))).toBeNull();
    const e = { ...event(t, 'announced'), sentence: 1 };
    expect(measuredEvent(docOf(t, [e]), quantity(t, '5 new hospitals'))).toBeNull();
  });

  it('linkMeasures fills event and eventRule for every quantity', () => {
    const t = 'The kingdom shipped 400 tonnes of grain. Prices rose 3 percent.';
    const qs = linkMeasures(docOf(t, [event(t, 'shipped')]), [quantity(t, '400 tonnes'), { ...quantity(t, '3 percent'), sentence: 1 }]);
    expect(qs.map((q) => [q.event, q.eventRule])).toEqual([[0, 'measures:object'], [null, null]]);
  });
});

describe('quantities in the pipeline', () => {
  it('links a deployment figure to the deployment event it measures', () => {
    const doc = analyze({
      id: 'test', title: null, published: '2025-03-04', url: null, source: null,
      text: 'North Korea has sent about 12,000 soldiers to Russia, South Korean officials said on Tuesday.',
    });
    const q = doc.quantities.find((x) => x.value === 12000);
    expect(q?.event).not.toBeNull();
    const e = doc.events[q!.event!];
    expect(e.trigger.text).toBe('sent');
    expect(e.actor.map((a) => a.country)).toContain('PRK');
    expect(q?.eventRule).toBe('measures:object');
  });
});
