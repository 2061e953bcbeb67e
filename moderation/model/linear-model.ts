/**
 * Stage 2c's models: multinomial logistic regression over the words of a
 * message (single words and pairs of neighbouring words, TF-IDF weighted,
 * scaled to unit length unless the message is very short: see `normFloor`),
 * trained on our labelled messages by ./train.ts. The concern model has one
 * class per safeguarding category plus `none`, and P(concern) = 1 − P(none);
 * the urgency model has `urgent` and `none`.
 *
 * Features are read from the normaliser's `key` view, so leetspeak, split
 * letters, slang and stretched letters reach the model already resolved. Only
 * words of two or more characters are features (single letters and digits are
 * mostly noise). The model is plain numbers in a TypeScript module: nothing is
 * read from disk or sent anywhere when a message is checked.
 */

export interface SerializedModel {
  readonly version: 1;
  /** Class names; `none` is one of them. */
  readonly classes: readonly string[];
  /** Features (words and "word word" pairs), one per line, in weight-row order. */
  readonly features: string;
  /** Float32 IDF per feature, base64. */
  readonly idf: string;
  /** Int8 weights, feature-major (feature × class), base64; multiply by `scale[class]`. */
  readonly weights: string;
  readonly scale: readonly number[];
  readonly bias: readonly number[];
  /** P(concern) at or above which the stage reports a concern (chosen by cross-validation). */
  readonly threshold: number;
  /**
   * A message's squared length (sum of its features' squared IDF) is never taken below this
   * (the 5th percentile of the training messages): unit length would let one known word in a
   * two-word nickname ("Calm Bee") speak as loudly as a whole disclosure.
   */
  readonly normFloor: number;
  /** How the model was made and how it scored, for the README and the evaluation test. */
  readonly meta: ModelMeta;
}

export interface ModelMeta {
  readonly trainedOn: ReadonlyArray<{ readonly file: string; readonly lines: number; readonly sha256: string }>;
  readonly c: number;
  readonly folds: number;
  /** Out-of-fold scores at `threshold` (each message scored by a model that never saw it). */
  readonly crossValidation: { readonly recall: number; readonly falsePositiveRate: number; readonly maxFalsePositiveRate: number };
}

export interface ModelScores {
  /** 1 − P(none) */
  readonly concern: number;
  /** The most likely class other than `none`. */
  readonly category: string;
  readonly categoryProbability: number;
}

/** Words of a message as features: unigrams of ≥2 characters and pairs of neighbouring such words. */
export function featureStrings(words: readonly string[]): string[] {
  const out: string[] = [];
  let prev: string | undefined;
  for (const w of words) {
    if (w.length < 2) continue;
    out.push(w);
    if (prev !== undefined) out.push(`${prev} ${w}`);
    prev = w;
  }
  return out;
}

function decodeBase64(s: string): Uint8Array {
  const b = Buffer.from(s, 'base64');
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

export class LinearModel {
  readonly classes: readonly string[];
  readonly threshold: number;
  readonly meta: ModelMeta;
  /** single words → feature index */
  private readonly words: Map<string, number>;
  /** pairs, keyed by first word's index × featureCount + second word's index */
  private readonly pairs: Map<number, number>;
  private readonly idf: Float32Array;
  /** feature-major quantised weights (kept as bytes: 4× less memory to walk than floats) */
  private readonly weights: Int8Array;
  private readonly scale: Float64Array;
  private readonly bias: Float64Array;
  private readonly noneClass: number;
  private readonly normFloor: number;
  // Scratch space: the model is used synchronously, one message at a time.
  private readonly seen: Int32Array;
  private stamp = 0;
  private readonly scores: Float64Array;
  private readonly present: number[] = [];

  constructor(m: SerializedModel) {
    const k = m.classes.length;
    this.classes = m.classes;
    this.threshold = m.threshold;
    this.meta = m.meta;
    const names = m.features === '' ? [] : m.features.split('\n');
    this.words = new Map();
    names.forEach((f, i) => {
      if (!f.includes(' ')) this.words.set(f, i);
    });
    this.pairs = new Map();
    const n = names.length;
    names.forEach((f, i) => {
      const space = f.indexOf(' ');
      if (space < 0) return;
      const a = this.words.get(f.slice(0, space));
      const b = this.words.get(f.slice(space + 1));
      if (a === undefined || b === undefined) throw new Error('Invalid safeguarding model: a pair of unknown words');
      this.pairs.set(a * n + b, i);
    });
    const idfBytes = decodeBase64(m.idf);
    this.idf = new Float32Array(idfBytes.slice().buffer);
    const raw = decodeBase64(m.weights);
    this.weights = new Int8Array(raw.slice().buffer);
    this.scale = Float64Array.from(m.scale);
    this.bias = Float64Array.from(m.bias);
    this.noneClass = m.classes.indexOf('none');
    this.normFloor = m.normFloor;
    if (this.noneClass < 0 || this.idf.length !== n || raw.length !== n * k || m.scale.length !== k || m.bias.length !== k) {
      throw new Error('Invalid safeguarding model');
    }
    this.seen = new Int32Array(n);
    this.scores = new Float64Array(k);
  }

  get featureCount(): number {
    return this.idf.length;
  }

  /** A single word's feature index, or -1 (words shorter than two characters are never features). */
  wordIndex(word: string): number {
    return word.length < 2 ? -1 : (this.words.get(word) ?? -1);
  }

  /** Scores for the words of one message (the key view's words, in order). */
  score(words: readonly string[]): ModelScores {
    const indexes = new Int32Array(words.length);
    for (let i = 0; i < words.length; i++) indexes[i] = words[i] !== undefined && (words[i] as string).length >= 2 ? this.wordIndex(words[i] as string) : -2;
    return this.scoreIndexes(indexes);
  }

  /**
   * Scores from the words' indexes (wordIndex(), in message order; -2 for a word too short to
   * count, which is skipped as if absent, -1 for an unknown word, which breaks a pair).
   */
  scoreIndexes(indexes: ArrayLike<number>): ModelScores {
    const k = this.classes.length;
    const z = this.scores;
    z.fill(0);
    const stamp = (this.stamp = (this.stamp + 1) | 0);
    const n = this.idf.length;
    const present = this.present;
    present.length = 0;
    let norm2 = 0;
    let prev = -2;
    for (let t = 0; t < indexes.length; t++) {
      const i = indexes[t] ?? -2;
      if (i === -2) continue;
      if (i >= 0) {
        if (this.seen[i] !== stamp) {
          this.seen[i] = stamp;
          const w = this.idf[i] ?? 0;
          norm2 += w * w;
          present.push(i);
        }
        if (prev >= 0) {
          const p = this.pairs.get(prev * n + i);
          if (p !== undefined && this.seen[p] !== stamp) {
            this.seen[p] = stamp;
            const w = this.idf[p] ?? 0;
            norm2 += w * w;
            present.push(p);
          }
        }
      }
      prev = i;
    }
    if (present.length > 0) {
      const inv = 1 / Math.sqrt(Math.max(norm2, this.normFloor));
      for (const i of present) {
        const x = (this.idf[i] ?? 0) * inv;
        const row = i * k;
        for (let c = 0; c < k; c++) z[c] = (z[c] ?? 0) + x * (this.weights[row + c] ?? 0);
      }
    }
    for (let c = 0; c < k; c++) z[c] = (this.bias[c] ?? 0) + (z[c] ?? 0) * (this.scale[c] ?? 0);
    let max = -Infinity;
    for (let c = 0; c < k; c++) max = Math.max(max, z[c] ?? 0);
    let sum = 0;
    for (let c = 0; c < k; c++) {
      const e = Math.exp((z[c] ?? 0) - max);
      z[c] = e;
      sum += e;
    }
    let best = -1;
    let bestP = -1;
    for (let c = 0; c < k; c++) {
      const p = (z[c] ?? 0) / sum;
      if (c !== this.noneClass && p > bestP) {
        bestP = p;
        best = c;
      }
    }
    return { concern: 1 - (z[this.noneClass] ?? 0) / sum, category: this.classes[best] ?? 'none', categoryProbability: bestP };
  }
}
