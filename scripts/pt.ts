import { evalPetrarch } from '../src/eval/petrarch.ts';
const r = evalPetrarch('/work/shared/data');
console.log(r.records, r.exact, r.exactPct);
for (const m of r.mismatches.slice(0, Number(process.argv[2] ?? 20))) console.log(m.id, '| exp', m.expected.join(' '), '| got', m.produced.join(' '), '|', m.text.slice(0, 150));
