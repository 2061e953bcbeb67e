import pino, { type Logger } from 'pino';

/**
 * Structured logs. Paths that could carry a name, message text or a secret are redacted
 * wholesale; code should never pass them in the first place, this is the second line.
 */
export const REDACT_PATHS = [
	'password',
	'*.password',
	'token',
	'*.token',
	'text',
	'*.text',
	'displayName',
	'*.displayName',
	'email',
	'*.email',
	'req.headers.cookie',
	'req.headers.authorization',
	'res.headers["set-cookie"]'
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
	return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { app: 'voicebox' } }, destination);
}

export type { Logger };
