import { z } from 'zod';
import { objectId, roleSchema, text } from './common.js';

export const PASSWORD_MIN = 12;

export const email = z
	.string()
	.trim()
	.toLowerCase()
	.max(254)
	.pipe(z.email('Enter an email address like name@council.gov.uk.'));

export const password = z
	.string()
	.min(PASSWORD_MIN, `Passwords need at least ${PASSWORD_MIN} characters.`)
	.max(200, 'Use at most 200 characters.')
	.refine((s) => !s.includes('\u0000'), 'This contains characters we cannot store.');

export const loginBody = z.object({
	email,
	password: z.string().min(1, 'Enter your password.').max(200)
});
export type LoginBody = z.infer<typeof loginBody>;

export const staffUser = z.object({
	id: objectId,
	email: z.string(),
	displayName: z.string(),
	role: roleSchema,
	orgId: objectId,
	hubIds: z.array(objectId),
	disabled: z.boolean().optional()
});
export type StaffUser = z.infer<typeof staffUser>;

export const participantIdentity = z.object({
	id: objectId,
	displayName: z.string(),
	orgId: objectId,
	hubId: objectId,
	groupId: objectId.nullable(),
	sessionId: objectId.nullable()
});
export type ParticipantIdentity = z.infer<typeof participantIdentity>;

export const meResponse = z.object({
	user: staffUser.nullable(),
	participant: participantIdentity.nullable()
});
export type MeResponse = z.infer<typeof meResponse>;

export const createUserBody = z.object({
	email,
	password,
	displayName: text(80),
	role: roleSchema,
	hubIds: z.array(objectId).max(50).default([])
});
export type CreateUserBody = z.infer<typeof createUserBody>;

export const changePasswordBody = z.object({
	currentPassword: z.string().min(1, 'Enter your current password.').max(200),
	newPassword: password
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

export const setDisabledBody = z.object({ disabled: z.boolean() });
