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
