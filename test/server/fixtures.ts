/**
 * Hand-built documents for the server and merging tests (invented countries
 * and texts written for these tests), so merging does not depend on the NLP
 * pipeline's output.
 *
 * - X: Ruritania accuses Borduria of shelling a border post (2025-03-03), the first report.
 * - Y: another article on the same accusation, dated "Monday" (2025-03-03), CAMEO 112 (same family 11).
 * - Z: a wire copy of X (new headline, one word changed): a near-duplicate.
 * - W: the same dyad and family, but in May: another event.
 * - V: the same dyad, family and day, but stated to happen in Syldavia while X says Borduria: another event.
 */
import type { Doc } from '../../src/doc.js';
import { baseDoc, event, part } from '../store/fixtures.js';

export const TEXT_X =
  'The government of Ruritania on Monday accused Borduria of shelling a border post near the river crossing at Klow, ' +
  'saying that three soldiers were wounded in the attack and that the shells came from positions held by the Bordurian army. ' +
  'A spokesman for the foreign ministry in Strelsau told reporters that the ambassador of Borduria had been summoned ' +
  'and that Ruritania would raise the matter with its allies at a regional meeting later this month. ' +
  'Borduria has not commented on the accusation, and its defence ministry did not answer calls on Monday evening.';

export const TEXT_Z = TEXT_X.replace('three soldiers', 'four soldiers');

export const TEXT_Y =
  'Ruritanian officials say Bordurian artillery hit one of their frontier posts on Monday. ' +
  'The accusation, made in a statement from Strelsau, is the third such complaint this year.';

export const TEXT_W = 'In May, Ruritania again accused Borduria of firing across the border.';
export const TEXT_V = 'Ruritania accused Borduria of an attack inside Syldavia on Monday.';

function accuse(id: string, text: string, published: string, trigger: string, over: Partial<Doc['events'][number]> = {}, title: string | null = null): Doc {
  const d = baseDoc(id, text, published, title);
  const rur = text.indexOf('Ruritania') >= 0 ? 'Ruritania' : 'Ruritanian officials';
  const bor = text.indexOf('Borduria') >= 0 ? 'Borduria' : 'Bordurian artillery';
  d.entities = [
    { text: rur, start: text.indexOf(rur), end: text.indexOf(rur) + rur.length, label: 'GPE', actor: { code: 'RUR', country: 'RUR', sector: null, name: 'Ruritania' }, sentence: 0, rule: 'test' },
    { text: bor, start: text.indexOf(bor), end: text.indexOf(bor) + bor.length, label: 'GPE', actor: { code: 'BOR', country: 'BOR', sector: null, name: 'Borduria' }, sentence: 0, rule: 'test' },
  ];
  d.events = [
    event(text, trigger, {
      cameo: '111', root: '11', quadClass: 3, goldstein: -2, plover: { event: 'ACCUSE', mode: 'disapprove' },
      actor: [part(text, rur, 'RUR', 'RUR', null)],
      recipient: [part(text, bor, 'BOR', 'BOR', null)],
      date: '2025-03-03',
      ...over,
    }),
  ];
  return d;
}

export const X_ID = 'sha256:1111111111111111';
export const Y_ID = 'sha256:2222222222222222';
export const Z_ID = 'sha256:3333333333333333';
export const W_ID = 'sha256:4444444444444444';
export const V_ID = 'sha256:5555555555555555';

export function docX(): Doc {
  const d = accuse(X_ID, TEXT_X, '2025-03-03', 'accused', {}, 'Ruritania accuses Borduria of shelling');
  d.events[0].location = { text: 'Klow', start: TEXT_X.indexOf('Klow'), end: TEXT_X.indexOf('Klow') + 4, country: 'BOR' };
  // a second, cooperative event so filters have something to tell apart
  d.events.push(
    event(TEXT_X, 'summoned', {
      cameo: '043', root: '04', quadClass: 1, goldstein: 2.8, plover: { event: 'CONSULT', mode: 'visit' },
      actor: [part(TEXT_X, 'Ruritania', 'RUR', 'RUR', null)],
      recipient: [part(TEXT_X, 'Borduria', 'BOR', 'BOR', null)],
      date: '2025-03-03', dateDefaulted: true,
    }),
  );
  return d;
}

export function docY(): Doc {
  return accuse(Y_ID, TEXT_Y, '2025-03-04', 'hit', { cameo: '112', goldstein: -2 }, 'Ruritania says its post was hit');
}

export function docZ(): Doc {
  const d = accuse(Z_ID, TEXT_Z, '2025-03-04', 'accused', {}, 'Borduria shelled border post, Ruritania says');
  d.events[0].location = { text: 'Klow', start: TEXT_Z.indexOf('Klow'), end: TEXT_Z.indexOf('Klow') + 4, country: 'BOR' };
  return d;
}

export function docW(): Doc {
  return accuse(W_ID, TEXT_W, '2025-05-20', 'accused', { date: '2025-05' });
}

export function docV(): Doc {
  const d = accuse(V_ID, TEXT_V, '2025-03-04', 'accused');
  d.events[0].location = { text: 'Syldavia', start: TEXT_V.indexOf('Syldavia'), end: TEXT_V.indexOf('Syldavia') + 8, country: 'SYL' };
  return d;
}

/** All five, in an order that is not their publication order. */
export function allDocs(): Doc[] {
  return [docX(), docZ(), docY(), docW(), docV()];
}
