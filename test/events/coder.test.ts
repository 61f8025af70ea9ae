/** The event coder on sentences written for these tests (DCT 2025-03-12, a Wednesday). */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../helpers.js';
import type { DocEvent } from '../../src/doc.js';

const DCT = '2025-03-12';
const events = (text: string) => analyzeText(text, DCT).events;
const codes = (ps: DocEvent['actor']) => ps.map((p) => p.code).sort();

describe('event coder', () => {
  it('codes who did what to whom, with evidence and provenance', () => {
    const [e, ...rest] = events('Japan condemned North Korea on Monday.');
    expect(rest).toHaveLength(0);
    expect(e.root).toBe('11');
    expect(e.plover?.event).toBe('ACCUSE');
    expect(codes(e.actor)).toEqual(['JPN']);
    expect(codes(e.recipient)).toEqual(['PRK']);
    expect(e.date).toBe('2025-03-10');
    expect(e.dateDefaulted).toBe(false);
    expect(e.trigger.text).toBe('condemned');
    expect(e.rule).toMatch(/^events:verb-/);
    expect(e.quadClass).toBe(3);
    expect(e.goldstein).toBeLessThan(0);
  });

  it('reads the passive voice: the by-phrase is the actor', () => {
    const e = events('Georgia was criticized by Russia.').find((x) => x.root === '11');
    expect(codes(e!.actor)).toEqual(['RUS']);
    expect(codes(e!.recipient)).toEqual(['GEO']);
  });

  it('keeps coordinated recipients in one compound event', () => {
    const e = events('Prime Minister Modi spoke by phone on Monday with the leaders of Kenya, Brazil and Japan.');
    const call = e.find((x) => x.cameo === '041');
    expect(codes(call!.recipient)).toEqual(['BRAGOV', 'JPNGOV', 'KENGOV']);
    expect(codes(call!.actor)).toEqual(['INDGOV']);
    expect(e.filter((x) => x.cameo === '041')).toHaveLength(1);
  });

  it('finds the actor of a relative clause', () => {
    const e = events('Iran, which sent drones to Russia last year, denied the report.').find((x) => x.trigger.text === 'sent');
    expect(codes(e!.actor)).toEqual(['IRN']);
    expect(codes(e!.recipient)).toEqual(['RUS']);
    expect(e!.date).toBe('2024');
    expect(e!.modality).toContain('historical');
  });

  it('codes a planned meeting as an intent to meet, marked future', () => {
    const e = events('Macron is set to meet Erdogan in Ankara next week.').find((x) => x.actor.some((a) => a.code === 'FRAGOV'));
    expect(e!.cameo).toBe('036');
    expect(e!.modality).toContain('future');
    expect(codes(e!.recipient)).toEqual(['TURGOV']);
  });

  it('codes a refused cooperative action as a rejection', () => {
    const e = events('Hungary would not send troops to Ukraine.').find((x) => x.actor.some((a) => a.code === 'HUN'));
    expect(e!.root).toBe('12');
    expect(e!.modality).toContain('negation');
  });

  it('codes "X said Y must Z" as a demand by X on Y, and "X said" as attribution', () => {
    const e = events('The Kremlin said Ukraine must withdraw its forces.');
    expect(e).toHaveLength(1);
    expect(e[0].cameo).toBe('100');
    expect(codes(e[0].actor)).toEqual(['RUSGOV']);
    expect(codes(e[0].recipient)).toEqual(['UKR']);
    const reported = events('Chinese warships attacked a Philippine vessel on Tuesday, the Philippine navy said.');
    const entry = reported.find((x) => x.actor.some((a) => a.country === 'CHN'));
    expect(entry?.attribution?.source?.text).toMatch(/Philippine navy/);
    expect(entry?.attribution?.source?.country).toBe('PHL');
    expect(reported.every((x) => x.trigger.text !== 'said')).toBe(true);
  });

  it('codes nominal events with their possessor and object', () => {
    const e = events("Russia's invasion of Ukraine continued.").find((x) => x.trigger.text === 'invasion');
    expect(e!.root).toBe('19');
    expect(codes(e!.actor)).toEqual(['RUS']);
    expect(codes(e!.recipient)).toEqual(['UKR']);
  });

  it('never stitches an event from different sentences, and emits nothing without an actor', () => {
    expect(events('Experts condemned the decision.')).toHaveLength(0);
    const e = events('France is a large country. It was invaded.');
    expect(e.every((x) => x.actor.length > 0)).toBe(true);
  });

  it('leaves the date defaulted (and flagged) when no time expression governs the event', () => {
    const [e] = events('Canada expelled two Indian diplomats.');
    expect(e.date).toBe(DCT);
    expect(e.dateDefaulted).toBe(true);
  });
});

describe('event dates from relative durations', () => {
  it('dates "two days later" from the date it follows', () => {
    const d = analyzeText('Kenya and Somalia signed a border deal on March 3. Two days later, Kenya closed the border with Somalia.', '2025-03-12');
    const closed = d.events.find((e) => e.trigger.text === 'closed');
    expect(closed?.date).toBe('2025-03-05');
    expect(closed?.dateDefaulted).toBe(false);
  });
});
