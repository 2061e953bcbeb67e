/**
 * Stable error codes shared by the server and the web client. The `message` sent with an error
 * is safe to show a user; anything private stays in the server's logs. The client can look up
 * `errorText[code]` for a kind, plain-words message of its own.
 */
export const errorCodes = [
	'VALIDATION_FAILED',
	'UNAUTHENTICATED',
	'FORBIDDEN',
	'NOT_FOUND',
	'CONFLICT',
	'RATE_LIMITED',
	'ACCOUNT_LOCKED',
	'INVALID_CREDENTIALS',
	'JOIN_CODE_INVALID',
	'SESSION_CLOSED',
	'NAME_NOT_ALLOWED',
	'NAME_TAKEN',
	'POLL_CLOSED',
	'ALREADY_VOTED',
	'INTERNAL'
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorBody {
	code: ErrorCode;
	message: string;
	/** Field-level problems for forms, keyed by a dotted path. */
	fields?: Record<string, string>;
}

export type Ok<T> = { ok: true; data: T };
export type Fail = { ok: false; error: ErrorBody };
export type Result<T> = Ok<T> | Fail;

/** Plain-words messages a young person or a member of staff can act on. */
export const errorText: Record<ErrorCode, string> = {
	VALIDATION_FAILED: 'Something in the form needs fixing.',
	UNAUTHENTICATED: 'Please sign in first.',
	FORBIDDEN: "You don't have permission to do that.",
	NOT_FOUND: "We couldn't find that.",
	CONFLICT: 'That already exists.',
	RATE_LIMITED: 'Too many tries. Please wait a little and try again.',
	ACCOUNT_LOCKED: 'This account is locked for a few minutes after too many wrong passwords.',
	INVALID_CREDENTIALS: "That email and password don't match.",
	JOIN_CODE_INVALID: "That code didn't work. Check it with the person running the session.",
	SESSION_CLOSED: 'This session has finished.',
	NAME_NOT_ALLOWED: "Please choose a different name. Use a nickname or first name only — no surnames, numbers or social media names.",
	NAME_TAKEN: 'Someone here already has that name. Try adding a letter or an emoji.',
	POLL_CLOSED: 'This question is closed now, so answers can’t be changed.',
	ALREADY_VOTED: 'You have already answered this one. This poll does not allow changes.',
	INTERNAL: 'Something went wrong on our side. Please try again.'
};

/** HTTP status for each code, used by the server's error middleware. */
export const errorStatus: Record<ErrorCode, number> = {
	VALIDATION_FAILED: 400,
	UNAUTHENTICATED: 401,
	FORBIDDEN: 403,
	NOT_FOUND: 404,
	CONFLICT: 409,
	RATE_LIMITED: 429,
	ACCOUNT_LOCKED: 423,
	INVALID_CREDENTIALS: 401,
	JOIN_CODE_INVALID: 404,
	SESSION_CLOSED: 410,
	NAME_NOT_ALLOWED: 422,
	NAME_TAKEN: 409,
	POLL_CLOSED: 409,
	ALREADY_VOTED: 409,
	INTERNAL: 500
};

export const ok = <T>(data: T): Ok<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message = errorText[code], fields?: Record<string, string>): Fail => ({
	ok: false,
	error: fields ? { code, message, fields } : { code, message }
});
