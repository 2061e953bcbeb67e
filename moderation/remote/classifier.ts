/**
 * The seam for remote classifiers. Perspective is one implementation; Google
 * has announced its shutdown at the end of 2026, so anything that can score a
 * text over HTTP can take its place by implementing this interface.
 */

/** Attribute name → probability in [0, 1], e.g. { TOXICITY: 0.93, THREAT: 0.12 }. */
export type RemoteScores = Readonly<Record<string, number>>;

export interface RemoteClassifier {
  /** Short stable name used in reason rules, e.g. `perspective`. Never contains secrets. */
  readonly name: string;
  /**
   * Score a text. Must reject (never resolve with made-up scores) on any
   * failure, and must stop when `signal` aborts.
   */
  classify(text: string, options: { readonly signal: AbortSignal }): Promise<RemoteScores>;
}

export type RemoteErrorCode = 'TIMEOUT' | 'ABORTED' | 'RATE_LIMITED' | 'HTTP_ERROR' | 'BAD_RESPONSE' | 'NETWORK';

/** A remote failure. Its message never contains an API key or the text being checked. */
export class RemoteClassifierError extends Error {
  override readonly name = 'RemoteClassifierError';
  readonly code: RemoteErrorCode;
  readonly status: number | undefined;
  constructor(code: RemoteErrorCode, message: string, status?: number) {
    super(message);
    this.code = code;
    this.status = status;
  }
}
