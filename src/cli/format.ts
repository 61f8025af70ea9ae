/**
 * Human-readable summaries of annotated documents, for `sitrep demo` and
 * `sitrep extract --format text`.
 */
import type { Doc, DocEvent } from '../doc.js';

function dyad(e: DocEvent): string {
  const a = e.actor.map((p) => p.code ?? p.text).join('+') || '?';
  const r = e.recipient.map((p) => p.code ?? p.text).join('+');
  return r ? `${a} -> ${r}` : a;
}

/** A plain-text summary of one document: actors, events, quotes, quantities and dates. */
export function formatSummary(doc: Doc, cameoName: (code: string) => string | undefined): string {
  const lines: string[] = [];
  const d = doc.document;
  lines.push(`== ${d.title ?? '(untitled)'}`);
  lines.push(`   id ${d.id}, published ${d.published ?? 'unknown'}${d.url ? `, ${d.url}` : ''}`);
  lines.push(`   ${doc.sentences.length} sentences, ${doc.entities.length} entities, ${doc.events.length} events, ${doc.quotes.length} quotes, ${doc.quantities.length} quantities`);
  const actors = new Map<string, { name: string; mentions: Set<string> }>();
  for (const m of doc.mentions) {
    if (!m.code) continue;
    const a = actors.get(m.code) ?? { name: m.name ?? m.code, mentions: new Set<string>() };
    if (m.kind === 'name' && m.name && a.name === m.code) a.name = m.name;
    a.mentions.add(m.text);
    actors.set(m.code, a);
  }
  lines.push('', 'Actors');
  for (const [code, a] of [...actors].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))) {
    lines.push(`  ${code.padEnd(9)} ${[...a.mentions].slice(0, 6).map((x) => JSON.stringify(x)).join(', ')}`);
  }
  lines.push('', 'Events');
  for (const e of doc.events) {
    const code = e.cameo ? `${e.cameo} ${cameoName(e.cameo) ?? ''}` : 'uncoded';
    const plover = e.plover ? ` [${e.plover.event}${e.plover.mode ? '/' + e.plover.mode : ''}]` : '';
    const mods = e.modality.length ? ` (${e.modality.join(', ')})` : '';
    const when = `${e.date ?? '?'}${e.dateDefaulted ? '*' : ''}`;
    lines.push(`  ${when.padEnd(11)} ${dyad(e).padEnd(26)} ${code}${plover}${mods}`);
    const att = e.attribution ? `  per ${e.attribution.source?.text ?? '?'} "${e.attribution.cue.text}"` : '';
    lines.push(`              trigger "${e.trigger.text}" in sentence ${e.sentence}${e.location ? `, at ${e.location.text}` : ''}${att}`);
    if (process.env.SITREP_RULES) lines.push(`              rule ${e.rule} conf ${e.confidence}`);
  }
  if (doc.events.some((e) => e.dateDefaulted)) lines.push('  (* date defaulted to the publication date)');
  lines.push('', 'Quotes');
  for (const q of doc.quotes) {
    const who = q.speaker ? `${q.speaker.text}${q.speaker.code ? ` [${q.speaker.code}]` : ''}` : 'unknown speaker';
    lines.push(`  ${who}: ${q.direct ? '"' : '«'}${q.text.length > 100 ? q.text.slice(0, 97) + '...' : q.text}${q.direct ? '"' : '»'}`);
  }
  lines.push('', 'Quantities');
  for (const q of doc.quantities) {
    const v = q.value !== undefined ? String(q.value) : q.max === undefined ? `>=${q.min}` : q.min === undefined ? `<=${q.max}` : `${q.min}-${q.max}`;
    const src = q.attribution?.source ? ` per ${q.attribution.source.text}` : '';
    const ev = q.event !== null && doc.events[q.event] ? `, measures "${doc.events[q.event].trigger.text}" (sentence ${doc.events[q.event].sentence})` : '';
    lines.push(`  ${q.approximate ? '~' : ''}${v} ${q.unit ?? ''}  ("${q.text}")${src}${ev}`);
  }
  lines.push('', 'Dates');
  for (const t of doc.timexes) lines.push(`  ${JSON.stringify(t.text).padEnd(24)} ${t.type.padEnd(8)} ${t.value}`);
  return lines.join('\n');
}
