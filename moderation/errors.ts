/**
 * Typed input errors with a stable code. `message` is safe to show to the
 * caller; it never contains the text being checked.
 */

export type ModerationInputErrorCode = 'TEXT_TOO_LONG' | 'NOT_A_STRING';

export class ModerationInputError extends Error {
  override readonly name = 'ModerationInputError';
  readonly code: ModerationInputErrorCode;
  /** Length of the rejected text in UTF-16 code units (TEXT_TOO_LONG only). */
  readonly length: number | undefined;
  readonly maxLength: number | undefined;

  constructor(code: ModerationInputErrorCode, details: { length?: number; maxLength?: number } = {}) {
    super(
      code === 'TEXT_TOO_LONG'
        ? `Text is too long to check: ${details.length ?? '?'} characters, the limit is ${details.maxLength ?? '?'}.`
        : 'Only text (a string) can be checked.',
    );
    this.code = code;
    this.length = details.length;
    this.maxLength = details.maxLength;
  }
}

export function isModerationInputError(e: unknown): e is ModerationInputError {
  return e instanceof ModerationInputError;
}
