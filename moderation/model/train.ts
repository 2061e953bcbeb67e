/**
 * Training for the local model (./linear-model.ts): multinomial logistic
 * regression with L2 regularisation and balanced class weights, fitted by
 * L-BFGS, deterministic (no random numbers: the same data gives the same
 * weights). The regularisation strength and the concern threshold are chosen
 * by stratified k-fold cross-validation on the training data only: the
 * threshold is the lowest at which out-of-fold benign messages are flagged no
 * more often than `maxFalsePositiveRate`.
 *
 * Pure functions over in-memory data; ./train-cli.ts reads the labelled files
 * and writes the generated module.
 */
import { featureStrings, type ModelMeta, type SerializedModel } from './linear-model.js';

export interface TrainingItem {
  /** the key view's words (see modelWords in ../phases/local-model.ts) */
  readonly words: readonly string[];
  /** a safeguarding category, or `none` */
  readonly label: string;
  /** true for messages labelled benign (`allow`): they define the false-positive rate */
  readonly benign: boolean;
}

export interface TrainOptions {
  readonly classes: readonly string[];
  readonly cs?: readonly number[];
  readonly folds?: number;
  readonly maxFalsePositiveRate?: number;
  readonly trainedOn: ModelMeta['trainedOn'];
}

interface Matrix {
  /** per document: feature indexes and values (TF-IDF, unit length) */
  readonly rows: ReadonlyArray<{ readonly idx: Int32Array; readonly val: Float64Array }>;
  readonly y: Int32Array;
  readonly featureCount: number;
}

interface Vocabulary {
  readonly features: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly idf: Float64Array;
  /** a message's squared length is never taken below this (see SerializedModel.normFloor) */
  readonly normFloor: number;
}

/** Which percentile of the training messages' squared lengths becomes the floor. */
const NORM_FLOOR_PERCENTILE = 0.05;

function buildVocabulary(items: readonly TrainingItem[]): Vocabulary {
  const df = new Map<string, number>();
  for (const item of items) for (const f of new Set(featureStrings(item.words))) df.set(f, (df.get(f) ?? 0) + 1);
  const features = [...df.keys()].sort();
  const n = items.length;
  const idf = new Float64Array(features.length);
  features.forEach((f, i) => {
    idf[i] = Math.log((1 + n) / (1 + (df.get(f) ?? 0))) + 1;
  });
  const index = new Map(features.map((f, i) => [f, i]));
  const lengths = items
    .map((item) => {
      let sum = 0;
      for (const f of new Set(featureStrings(item.words))) sum += (idf[index.get(f) ?? 0] ?? 0) ** 2;
      return sum;
    })
    .sort((a, b) => a - b);
  const normFloor = lengths[Math.floor(NORM_FLOOR_PERCENTILE * (lengths.length - 1))] ?? 0;
  return { features, index, idf, normFloor };
}

function vectorise(items: readonly TrainingItem[], vocab: Vocabulary, classes: readonly string[]): Matrix {
  const rows = items.map((item) => {
    const idx = [...new Set(featureStrings(item.words))]
      .map((f) => vocab.index.get(f))
      .filter((i): i is number => i !== undefined)
      .sort((a, b) => a - b);
    const val = new Float64Array(idx.map((i) => vocab.idf[i] ?? 0));
    let norm = 0;
    for (const v of val) norm += v * v;
    norm = Math.sqrt(Math.max(norm, vocab.normFloor)) || 1;
    for (let k = 0; k < val.length; k++) val[k] = (val[k] ?? 0) / norm;
    return { idx: Int32Array.from(idx), val };
  });
  const y = Int32Array.from(items.map((i) => classes.indexOf(i.label)));
  if (y.some((c) => c < 0)) throw new Error('A training label is not one of the classes');
  return { rows, y, featureCount: vocab.features.length };
}

/** Minimise f with L-BFGS (two-loop recursion, backtracking Armijo line search). */
function lbfgs(f: (x: Float64Array, g: Float64Array) => number, x: Float64Array, maxIter = 400, m = 10): Float64Array {
  const n = x.length;
  let g = new Float64Array(n);
  let fx = f(x, g);
  const ss: Float64Array[] = [];
  const ys: Float64Array[] = [];
  const rhos: number[] = [];
  const dot = (a: Float64Array, b: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < n; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
    return s;
  };
  for (let iter = 0; iter < maxIter; iter++) {
    const q = Float64Array.from(g);
    const alphas: number[] = [];
    for (let j = ss.length - 1; j >= 0; j--) {
      const a = (rhos[j] ?? 0) * dot(ss[j] as Float64Array, q);
      alphas[j] = a;
      const yj = ys[j] as Float64Array;
      for (let i = 0; i < n; i++) q[i] = (q[i] ?? 0) - a * (yj[i] ?? 0);
    }
    if (ss.length > 0) {
      const last = ss.length - 1;
      const gamma = dot(ss[last] as Float64Array, ys[last] as Float64Array) / dot(ys[last] as Float64Array, ys[last] as Float64Array);
      for (let i = 0; i < n; i++) q[i] = (q[i] ?? 0) * gamma;
    } else {
      const gn = Math.sqrt(dot(g, g)) || 1;
      for (let i = 0; i < n; i++) q[i] = (q[i] ?? 0) / gn;
    }
    for (let j = 0; j < ss.length; j++) {
      const b = (rhos[j] ?? 0) * dot(ys[j] as Float64Array, q);
      const sj = ss[j] as Float64Array;
      for (let i = 0; i < n; i++) q[i] = (q[i] ?? 0) + sj[i]! * ((alphas[j] ?? 0) - b);
    }
    // direction d = -q
    const slope = -dot(g, q);
    if (slope >= 0) break;
    let step = 1;
    const xNew = new Float64Array(n);
    const gNew = new Float64Array(n);
    let fNew = Infinity;
    for (let tries = 0; tries < 30; tries++) {
      for (let i = 0; i < n; i++) xNew[i] = (x[i] ?? 0) - step * (q[i] ?? 0);
      fNew = f(xNew, gNew);
      if (fNew <= fx + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNew < fx)) break;
    const s = new Float64Array(n);
    const yv = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = (xNew[i] ?? 0) - (x[i] ?? 0);
      yv[i] = (gNew[i] ?? 0) - (g[i] ?? 0);
    }
    const sy = dot(s, yv);
    if (sy > 1e-12) {
      ss.push(s);
      ys.push(yv);
      rhos.push(1 / sy);
      if (ss.length > m) {
        ss.shift();
        ys.shift();
        rhos.shift();
      }
    }
    const improvement = fx - fNew;
    x = Float64Array.from(xNew);
    g = Float64Array.from(gNew);
    fx = fNew;
    if (improvement < 1e-10 * Math.max(1, Math.abs(fx))) break;
  }
  return x;
}

interface Fitted {
  /** feature-major weights (feature × class) */
  readonly w: Float64Array;
  readonly b: Float64Array;
}

function fit(data: Matrix, k: number, c: number): Fitted {
  const { rows, y, featureCount: nf } = data;
  const n = rows.length;
  const counts = new Float64Array(k);
  for (const label of y) counts[label] = (counts[label] ?? 0) + 1;
  const present = counts.filter((x) => x > 0).length;
  // balanced: each class weighs the same in total
  const classWeight = Array.from(counts, (x) => (x > 0 ? n / (present * x) : 0));
  const lambda = 1 / (c * n);
  const wLen = nf * k;
  const z = new Float64Array(k);
  const objective = (theta: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    for (let d = 0; d < n; d++) {
      const row = rows[d];
      if (row === undefined) continue;
      for (let j = 0; j < k; j++) z[j] = theta[wLen + j] ?? 0;
      for (let t = 0; t < row.idx.length; t++) {
        const base = (row.idx[t] ?? 0) * k;
        const v = row.val[t] ?? 0;
        for (let j = 0; j < k; j++) z[j] = (z[j] ?? 0) + v * (theta[base + j] ?? 0);
      }
      let max = -Infinity;
      for (let j = 0; j < k; j++) max = Math.max(max, z[j] ?? 0);
      let sum = 0;
      for (let j = 0; j < k; j++) sum += Math.exp((z[j] ?? 0) - max);
      const label = y[d] ?? 0;
      const sw = classWeight[label] ?? 0;
      loss += sw * (max + Math.log(sum) - (z[label] ?? 0));
      for (let j = 0; j < k; j++) {
        const diff = (sw * (Math.exp((z[j] ?? 0) - max) / sum - (j === label ? 1 : 0))) / n;
        if (diff === 0) continue;
        grad[wLen + j] = (grad[wLen + j] ?? 0) + diff;
        for (let t = 0; t < row.idx.length; t++) {
          const at = (row.idx[t] ?? 0) * k + j;
          grad[at] = (grad[at] ?? 0) + diff * (row.val[t] ?? 0);
        }
      }
    }
    loss /= n;
    let reg = 0;
    for (let i = 0; i < wLen; i++) {
      const w = theta[i] ?? 0;
      reg += w * w;
      grad[i] = (grad[i] ?? 0) + lambda * w;
    }
    return loss + 0.5 * lambda * reg;
  };
  const theta = lbfgs(objective, new Float64Array(wLen + k));
  return { w: theta.subarray(0, wLen), b: theta.slice(wLen) };
}

/** P(concern) = 1 − P(none) for each row. */
function concernScores(model: Fitted, data: Matrix, k: number, none: number): Float64Array {
  const out = new Float64Array(data.rows.length);
  const z = new Float64Array(k);
  data.rows.forEach((row, d) => {
    for (let j = 0; j < k; j++) z[j] = model.b[j] ?? 0;
    for (let t = 0; t < row.idx.length; t++) {
      const base = (row.idx[t] ?? 0) * k;
      for (let j = 0; j < k; j++) z[j] = (z[j] ?? 0) + (row.val[t] ?? 0) * (model.w[base + j] ?? 0);
    }
    let max = -Infinity;
    for (let j = 0; j < k; j++) max = Math.max(max, z[j] ?? 0);
    let sum = 0;
    for (let j = 0; j < k; j++) sum += Math.exp((z[j] ?? 0) - max);
    out[d] = 1 - Math.exp((z[none] ?? 0) - max) / sum;
  });
  return out;
}

/** Stratified folds without random numbers: within each label, items take folds in turn. */
export function foldOf(items: readonly TrainingItem[], folds: number): Int32Array {
  const next = new Map<string, number>();
  return Int32Array.from(items.map((i) => {
    const f = next.get(i.label) ?? 0;
    next.set(i.label, f + 1);
    return f % folds;
  }));
}

export interface CrossValidation {
  readonly c: number;
  readonly threshold: number;
  readonly recall: number;
  readonly falsePositiveRate: number;
}

function pickThreshold(scores: Float64Array, items: readonly TrainingItem[], maxFp: number): { threshold: number; recall: number; falsePositiveRate: number } {
  const benign = items.map((i, d) => (i.benign ? (scores[d] ?? 0) : NaN)).filter((s) => !Number.isNaN(s));
  const concern = items.map((i, d) => (i.label !== 'none' ? (scores[d] ?? 0) : NaN)).filter((s) => !Number.isNaN(s));
  for (let t = 30; t <= 99; t++) {
    const threshold = t / 100;
    const fp = benign.filter((s) => s >= threshold).length / Math.max(1, benign.length);
    if (fp <= maxFp) return { threshold, recall: concern.filter((s) => s >= threshold).length / Math.max(1, concern.length), falsePositiveRate: fp };
  }
  return { threshold: 0.99, recall: concern.filter((s) => s >= 0.99).length / Math.max(1, concern.length), falsePositiveRate: benign.filter((s) => s >= 0.99).length / Math.max(1, benign.length) };
}

/** Out-of-fold scores for one regularisation strength, then the threshold they allow. */
export function crossValidate(items: readonly TrainingItem[], classes: readonly string[], c: number, folds: number, maxFp: number): CrossValidation {
  const fold = foldOf(items, folds);
  const scores = new Float64Array(items.length);
  const none = classes.indexOf('none');
  for (let f = 0; f < folds; f++) {
    const train = items.filter((_, d) => fold[d] !== f);
    const testIdx = items.map((_, d) => d).filter((d) => fold[d] === f);
    const vocab = buildVocabulary(train);
    const model = fit(vectorise(train, vocab, classes), classes.length, c);
    const test = vectorise(testIdx.map((d) => items[d] as TrainingItem), vocab, classes);
    const s = concernScores(model, test, classes.length, none);
    testIdx.forEach((d, j) => {
      scores[d] = s[j] ?? 0;
    });
  }
  return { c, ...pickThreshold(scores, items, maxFp) };
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** Choose C and the threshold by cross-validation, fit on everything, quantise, serialise. */
export function train(items: readonly TrainingItem[], options: TrainOptions): { model: SerializedModel; runs: CrossValidation[] } {
  const classes = options.classes;
  const folds = options.folds ?? 5;
  const maxFp = options.maxFalsePositiveRate ?? 0.02;
  const runs = (options.cs ?? [4, 16, 64]).map((c) => crossValidate(items, classes, c, folds, maxFp));
  const best = runs.reduce((a, b) => (b.recall > a.recall ? b : a));
  const vocab = buildVocabulary(items);
  const fitted = fit(vectorise(items, vocab, classes), classes.length, best.c);
  const k = classes.length;
  const scale = classes.map((_, j) => {
    let max = 0;
    for (let i = j; i < fitted.w.length; i += k) max = Math.max(max, Math.abs(fitted.w[i] ?? 0));
    return max > 0 ? max / 127 : 1;
  });
  const q = new Int8Array(fitted.w.length);
  for (let i = 0; i < q.length; i++) q[i] = Math.round((fitted.w[i] ?? 0) / (scale[i % k] ?? 1));
  const round = (x: number): number => Math.round(x * 1e6) / 1e6;
  const model: SerializedModel = {
    version: 1,
    classes,
    features: vocab.features.join('\n'),
    idf: toBase64(new Uint8Array(Float32Array.from(vocab.idf).buffer)),
    weights: toBase64(new Uint8Array(q.buffer)),
    scale: scale.map((s) => Number(s.toPrecision(9))),
    bias: Array.from(fitted.b, round),
    threshold: best.threshold,
    normFloor: Math.round(vocab.normFloor * 1000) / 1000,
    meta: {
      trainedOn: options.trainedOn,
      c: best.c,
      folds,
      crossValidation: { recall: round(best.recall), falsePositiveRate: round(best.falsePositiveRate), maxFalsePositiveRate: maxFp },
    },
  };
  return { model, runs };
}
