/**
 * Train the named-entity recognizer on CoNLL-2003 and write
 * `data/models/ner.bin.gz`.
 *
 *   node --import tsx scripts/train-ner.ts [--data /work/shared/data] [--out data/models/ner.bin.gz]
 *          [--epochs N] [--folds 5] [--seeds 5] [--patience 3] [--no-clusters] [--no-gazetteer] [--no-stage2]
 *
 * Steps (all seeded, so the same data gives the same bytes):
 * 1. word clusters from unlabelled news text (Reuters-21578 and others, see
 *    src/entities/ner/clusters.ts), cached in the OS temp folder;
 * 2. gazetteers from the shared country / place / leader lists (and the
 *    project's data/*.json when present) plus names from the training set;
 * 3. stage 1: averaged structured perceptron, epochs picked on valid.txt;
 * 4. stage 2: the same model with document-level features from a stage-1
 *    tagging, trained on jackknifed (k-fold) stage-1 output;
 * 5. prune tiny weights and write the model.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CONLL_TYPES, projectGold, readConll, tokenizeConllDoc, type TokenizedConllDoc } from '../src/entities/ner/conll.js';
import { staticFeatures, stage2Features, tagNames, type FeatureResources } from '../src/entities/ner/features.js';
import { Gazetteer } from '../src/entities/ner/gazetteer.js';
import { appendIds, readQuantizedModel, NerTagger, serializeModel, spansFromTags, toSequence, type ModelData } from '../src/entities/ner/model.js';
import { decode, rng, StructuredPerceptron, type Sequence } from '../src/entities/ner/perceptron.js';
import { SpanScorer } from '../src/entities/ner/score.js';
import { buildClusters } from '../src/entities/ner/clusters.js';
import { buildGazetteer, buildLexicon, trainGazetteer } from '../src/entities/ner/resources.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: process.env.SITREP_DATA ?? resolve(ROOT, '..', 'shared', 'data') },
    out: { type: 'string', default: join(ROOT, 'data', 'models', 'ner.bin.gz') },
    epochs: { type: 'string' },
    'max-epochs': { type: 'string', default: '20' },
    folds: { type: 'string', default: '5' },
    'no-clusters': { type: 'boolean', default: false },
    'no-gazetteer': { type: 'boolean', default: false },
    'no-stage2': { type: 'boolean', default: false },
    'no-train-gaz': { type: 'boolean', default: false },
    'prune': { type: 'string', default: '0.01' },
    seeds: { type: 'string', default: '5' },
    patience: { type: 'string', default: '3' },
  },
});

const SEED = 20240601;
const t0 = Date.now();
const log = (...a: unknown[]) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

const types = [...CONLL_TYPES];
const names = tagNames(types);
const K = names.length;

function goldTags(doc: TokenizedConllDoc): Uint8Array {
  const { type, begin } = projectGold(doc);
  const out = new Uint8Array(doc.tokens.length);
  for (const s of doc.sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const ty = type[i];
      if (ty < 0) continue;
      const b = i === s.tokenStart || begin[i] === 1 || type[i - 1] !== ty;
      const e = i + 1 === s.tokenEnd || type[i + 1] !== ty || begin[i + 1] === 1;
      const base = 1 + ty * 4;
      out[i] = b && e ? base + 3 : b ? base : e ? base + 2 : base + 1;
    }
  }
  return out;
}

interface DocData {
  doc: TokenizedConllDoc;
  gold: Uint8Array;
  seqs: Sequence[]; // stage-1 sequences per sentence
}

function featurize(docs: TokenizedConllDoc[], resFor: (d: number) => FeatureResources, dict: Map<string, number>, grow: boolean): DocData[] {
  return docs.map((doc, di) => {
    const gold = goldTags(doc);
    const feats = staticFeatures(doc.tokens, doc.sentences, resFor(di));
    const seqs = doc.sentences.map((s) => {
      const seq = toSequence(feats, s.tokenStart, s.tokenEnd, dict, grow);
      seq.gold = gold.subarray(s.tokenStart, s.tokenEnd);
      return seq;
    });
    return { doc, gold, seqs };
  });
}

function tagDoc(d: DocData, seqs: Sequence[], W: ArrayLike<number>, T: ArrayLike<number>, p: StructuredPerceptron): Uint8Array {
  const tags = new Uint8Array(d.doc.tokens.length);
  d.doc.sentences.forEach((s, i) => tags.set(decode(seqs[i], W, T, K, p.allowed, p.end), s.tokenStart));
  return tags;
}

function score(docs: DocData[], tagsOf: (d: DocData, i: number) => Uint8Array): number {
  const sc = new SpanScorer();
  docs.forEach((d, i) => {
    const tags = tagsOf(d, i);
    const pred = spansFromTags(tags, names).map((s) => ({
      start: d.doc.tokens[s.start].start,
      end: d.doc.tokens[s.end - 1].end,
      type: s.type,
    }));
    sc.add(d.doc.gold, pred);
  });
  return sc.result().micro.f1 * 100;
}

/**
 * Average the weights of `extra` more models trained like `base` (same epochs)
 * with other shuffling seeds: a cheap ensemble that lowers the perceptron's variance.
 */
function seedAverage(
  base: { W: Float32Array; T: Float32Array; epochs: number; f1: number },
  nFeat: number,
  train: Sequence[],
  extra: number,
  label: string,
): { W: Float32Array; T: Float32Array } {
  if (extra <= 0) return base;
  const W = Float32Array.from(base.W);
  const T = Float32Array.from(base.T);
  for (let k = 1; k <= extra; k++) {
    const m = trainTuned(nFeat, train, base.epochs, base.epochs, null, `${label} seed ${k + 1}`, SEED + 7919 * k);
    for (let i = 0; i < W.length; i++) W[i] += m.W[i];
    for (let i = 0; i < T.length; i++) T[i] += m.T[i];
  }
  for (let i = 0; i < W.length; i++) W[i] /= extra + 1;
  for (let i = 0; i < T.length; i++) T[i] /= extra + 1;
  return { W, T };
}

/** Train with per-epoch validation; returns the best averaged weights and epoch. */
function trainTuned(
  nFeat: number,
  train: Sequence[],
  maxEpochs: number,
  fixedEpochs: number | undefined,
  validF1: ((W: Float32Array, T: Float32Array, p: StructuredPerceptron) => number) | null,
  label: string,
  seed = SEED,
): { W: Float32Array; T: Float32Array; epochs: number; f1: number } {
  const p = new StructuredPerceptron(nFeat, names);
  const r = rng(seed);
  let best: { W: Float32Array; T: Float32Array; epochs: number; f1: number } = { W: new Float32Array(0), T: new Float32Array(0), epochs: 0, f1: -1 };
  const n = fixedEpochs ?? maxEpochs;
  let sinceBest = 0;
  for (let ep = 1; ep <= n; ep++) {
    const errs = p.epoch(train, r);
    if (validF1 && fixedEpochs === undefined) {
      const avg = p.averaged();
      const f1 = validF1(avg.W, avg.T, p);
      log(`${label} epoch ${ep}: train errors ${errs}, valid F1 ${f1.toFixed(2)}`);
      if (f1 > best.f1) {
        best = { ...avg, epochs: ep, f1 };
        sinceBest = 0;
      } else if (++sinceBest >= Number(args.patience)) break;
    } else {
      log(`${label} epoch ${ep}: train errors ${errs}`);
    }
  }
  if (best.f1 < 0) best = { ...p.averaged(), epochs: n, f1: NaN };
  return best;
}

async function main() {
  const conll = join(args.data!, 'conll2003');
  const trainDocs = readConll(join(conll, 'train.txt')).map(tokenizeConllDoc);
  const validDocs = readConll(join(conll, 'valid.txt')).map(tokenizeConllDoc);
  log(`tokenized ${trainDocs.length} train docs (${trainDocs.reduce((a, d) => a + d.tokens.length, 0)} tokens), ${validDocs.length} valid docs`);

  // resources
  const clusters = args['no-clusters'] ? new Map<string, string>() : await buildClusters({ dataDir: args.data!, trainDocs, cacheDir: dirname(args.out!), log });
  log(`clusters: ${clusters.size} words`);
  const baseGaz = args['no-gazetteer'] ? new Gazetteer() : buildGazetteer({ dataDir: args.data!, projectDataDir: join(ROOT, 'data'), log });
  log(`gazetteer: ${baseGaz.size} names`);
  const folds = Number(args.folds);
  const useTrainGaz = !args['no-train-gaz'];
  const foldOf = (i: number) => i % folds;
  const fullGaz = useTrainGaz ? baseGaz.merged(trainGazetteer(trainDocs)) : baseGaz;
  const foldGaz = useTrainGaz
    ? Array.from({ length: folds }, (_, k) => baseGaz.merged(trainGazetteer(trainDocs.filter((_, i) => foldOf(i) !== k))))
    : Array.from({ length: folds }, () => baseGaz);
  const fullRes: FeatureResources = { clusters, gazetteer: fullGaz };
  log('gazetteers ready');

  // stage 1 features
  const dict = new Map<string, number>();
  const train = featurize(trainDocs, (i) => ({ clusters, gazetteer: foldGaz[foldOf(i)] }), dict, true);
  const valid = featurize(validDocs, () => fullRes, dict, false);
  log(`stage-1 features: ${dict.size}`);
  const nF = dict.size;
  const trainSeqs = train.flatMap((d) => d.seqs);

  const maxEp = Number(args['max-epochs']);
  const fixed = args.epochs ? Number(args.epochs) : undefined;
  const pTmp0 = new StructuredPerceptron(0, names);
  const s1 = trainTuned(nF, trainSeqs, maxEp, fixed, (W, T, p) => score(valid, (d) => tagDoc(d, d.seqs, W, T, p)), 'stage1');
  log(`stage 1: ${s1.epochs} epochs, valid F1 ${s1.f1.toFixed(2)}`);
  const extraSeeds = Number(args.seeds) - 1;
  if (extraSeeds > 0) {
    const avg = seedAverage(s1, nF, trainSeqs, extraSeeds, 'stage1');
    s1.W = avg.W;
    s1.T = avg.T;
    s1.f1 = score(valid, (d) => tagDoc(d, d.seqs, s1.W, s1.T, pTmp0));
    log(`stage 1 averaged over ${extraSeeds + 1} seeds: valid F1 ${s1.f1.toFixed(2)}`);
  }

  let W2: Float32Array;
  let T2: Float32Array;
  const dict2 = new Map<string, number>();
  let s2meta: Record<string, unknown> = {};
  const pTmp = new StructuredPerceptron(0, names);
  if (!args['no-stage2']) {
    // jackknifed stage-1 tags for the training set
    const jackTags: Uint8Array[] = new Array(train.length);
    for (let k = 0; k < folds; k++) {
      const inFold = train.filter((_, i) => foldOf(i) !== k).flatMap((d) => d.seqs);
      const m = trainTuned(nF, inFold, s1.epochs, s1.epochs, null, `fold ${k + 1}/${folds}`);
      train.forEach((d, i) => {
        if (foldOf(i) === k) jackTags[i] = tagDoc(d, d.seqs, m.W, m.T, pTmp);
      });
    }
    log(`jackknife stage-1 train F1 ${score(train, (_, i) => jackTags[i]).toFixed(2)}`);
    const validTags1 = valid.map((d) => tagDoc(d, d.seqs, s1.W, s1.T, pTmp));
    const s2seqs = (docs: DocData[], tags: Uint8Array[], grow: boolean) =>
      docs.map((d, i) => {
        const f2 = stage2Features(d.doc.tokens, d.doc.sentences, tags[i], names, types);
        return d.doc.sentences.map((s, si) => appendIds(d.seqs[si], f2, s.tokenStart, dict2, nF, grow));
      });
    const train2 = s2seqs(train, jackTags, true);
    const valid2 = s2seqs(valid, validTags1, false);
    log(`stage-2 features: ${dict2.size}`);
    const s2 = trainTuned(
      nF + dict2.size,
      train2.flat(),
      maxEp,
      fixed,
      (W, T, p) => score(valid, (d, i) => tagDoc(d, valid2[i], W, T, p)),
      'stage2',
    );
    log(`stage 2: ${s2.epochs} epochs, valid F1 ${s2.f1.toFixed(2)}`);
    if (extraSeeds > 0) {
      const avg = seedAverage(s2, nF + dict2.size, train2.flat(), extraSeeds, 'stage2');
      s2.W = avg.W;
      s2.T = avg.T;
      s2.f1 = score(valid, (d, i) => tagDoc(d, valid2[i], s2.W, s2.T, pTmp));
      log(`stage 2 averaged over ${extraSeeds + 1} seeds: valid F1 ${s2.f1.toFixed(2)}`);
    }
    W2 = s2.W;
    T2 = s2.T;
    s2meta = { stage2Epochs: s2.epochs, stage2ValidF1: +s2.f1.toFixed(2) };
  } else {
    // stage 2 = stage 1 (no extra features)
    W2 = s1.W;
    T2 = s1.T;
  }

  // prune features whose weights are all tiny in both stages
  const thr = Number(args.prune);
  const keep: number[] = [];
  const featNames: string[] = new Array(nF);
  for (const [f, i] of dict) featNames[i] = f;
  for (let i = 0; i < nF; i++) {
    let mx = 0;
    for (let k = 0; k < K; k++) mx = Math.max(mx, Math.abs(s1.W[i * K + k]), Math.abs(W2[i * K + k]));
    if (mx >= thr) keep.push(i);
  }
  const names2: string[] = new Array(dict2.size);
  for (const [f, i] of dict2) names2[i] = f;
  const keep2: number[] = [];
  for (let i = 0; i < dict2.size; i++) {
    let mx = 0;
    for (let k = 0; k < K; k++) mx = Math.max(mx, Math.abs(W2[(nF + i) * K + k]));
    if (mx >= thr) keep2.push(i);
  }
  const W1p = new Float32Array(keep.length * K);
  const W2p = new Float32Array((keep.length + keep2.length) * K);
  keep.forEach((i, j) => {
    W1p.set(s1.W.subarray(i * K, i * K + K), j * K);
    W2p.set(W2.subarray(i * K, i * K + K), j * K);
  });
  keep2.forEach((i, j) => W2p.set(W2.subarray((nF + i) * K, (nF + i) * K + K), (keep.length + j) * K));
  log(`pruned: ${keep.length}/${nF} stage-1 features, ${keep2.length}/${dict2.size} stage-2 features kept`);

  const model: ModelData = {
    header: {
      version: 1,
      types,
      names,
      features: keep.map((i) => featNames[i]),
      s2features: keep2.map((i) => names2[i]),
      scales: { W1: 1, T1: 1, W2: 1, T2: 1 },
      clusters: [...clusters].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
      gazetteer: fullGaz.toJSON(),
      lexicon: buildLexicon({ dataDir: args.data!, projectDataDir: join(ROOT, 'data') }),
      meta: { seed: SEED, stage1Epochs: s1.epochs, stage1ValidF1: +s1.f1.toFixed(2), ...s2meta },
    },
    W1: W1p,
    T1: s1.T,
    W2: W2p,
    T2,
  };
  let bytes = serializeModel(model);
  // check: the serialized model, run through the inference path, scores like the trained one
  const tagger = new NerTagger(readQuantizedModel(bytes));
  const check = score(valid, (d) => tagger.tag(d.doc.tokens, d.doc.sentences));
  log(`valid F1 through the saved model and inference path: ${check.toFixed(2)}`);
  model.header.meta.validF1 = +check.toFixed(2);
  bytes = serializeModel(model);
  mkdirSync(dirname(args.out!), { recursive: true });
  writeFileSync(args.out!, bytes);
  log(`wrote ${args.out} (${(bytes.length / 1e6).toFixed(2)} MB)`);
}

if (!existsSync(join(args.data!, 'conll2003', 'train.txt'))) {
  console.error(`train-ner: CoNLL-2003 not found under ${args.data}/conll2003`);
  process.exit(1);
}
await main();
