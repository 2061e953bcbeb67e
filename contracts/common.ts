import { z } from 'zod';

/** C0/C1 control characters other than tab and newline; NUL is among them (FerretDB/MongoDB-safe). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** A trimmed line of text a person typed: no control characters, no NUL, bounded length. */
export const text = (max: number, min = 1) =>
	z
		.string()
		.trim()
		.min(min, min === 1 ? 'This cannot be empty.' : `Use at least ${min} characters.`)
		.max(max, `Use at most ${max} characters.`)
		.refine((s) => !CONTROL.test(s), 'This contains characters we cannot store.');

export const objectId = z.string().regex(/^[a-f0-9]{24}$/i, 'Not a valid id.');

/** Unambiguous alphabet: no 0/O, 1/I/L, 2/Z, 5/S, 8/B. */
export const JOIN_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const JOIN_CODE_LENGTH = 6;

/** Accepts what a person types ("abc 123", "ab-c1 23") and normalises to the stored form. */
export const joinCode = z
	.string()
	.transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
	.pipe(
		z
			.string()
			.length(JOIN_CODE_LENGTH, `A join code has ${JOIN_CODE_LENGTH} letters and numbers.`)
			.regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]+$`), "That code didn't work. Check it with the person running the session.")
	);

export const roles = ['admin', 'staff', 'moderator'] as const;
export const roleSchema = z.enum(roles);
export type StaffRole = z.infer<typeof roleSchema>;

export const ageBands = ['11-13', '14-15', '16-17', '18-21', '22-25'] as const;
export const ageBandSchema = z.enum(ageBands);
