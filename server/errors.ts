import { errorText, type ErrorCode } from '../contracts/index.js';

/**
 * A typed error with a stable code. `message` is public (safe for users); `detail` is private
 * and only ever reaches the logs (never with message text or names in it).
 */
export class AppError extends Error {
	constructor(
		readonly code: ErrorCode,
		message: string = errorText[code],
		readonly options: { detail?: string; fields?: Record<string, string> } = {}
	) {
		super(message);
		this.name = 'AppError';
	}
	get fields() {
		return this.options.fields;
	}
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/**
 * What of an unexpected error may be logged: its kind, code and stack frames. Not its message,
 * which (in driver and validation errors) can quote the value a young person typed.
 */
export function safeError(err: unknown) {
	const e = err as { name?: string; code?: unknown; stack?: string } | null;
	return { name: e?.name ?? typeof err, code: e?.code, frames: e?.stack?.split('\n').slice(1, 8).join('\n') };
}
