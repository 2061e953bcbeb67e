import { z } from 'zod';
import { objectId, text } from './common.js';

export const hub = z.object({ id: objectId, name: z.string(), orgId: objectId, createdAt: z.string() });
export type Hub = z.infer<typeof hub>;

export const group = z.object({
	id: objectId,
	name: z.string(),
	description: z.string(),
	hubId: objectId,
	orgId: objectId,
	createdAt: z.string()
});
export type Group = z.infer<typeof group>;

export const createHubBody = z.object({ name: text(80) });
export const createGroupBody = z.object({
	name: text(80),
	description: text(500, 0).default(''),
	hubId: objectId
});
export type CreateGroupBody = z.infer<typeof createGroupBody>;

export const organisation = z.object({ id: objectId, name: z.string() });
export type Organisation = z.infer<typeof organisation>;

export const invite = z.object({
	id: objectId,
	groupId: objectId,
	token: z.string(),
	url: z.string(),
	expiresAt: z.string()
});
export type Invite = z.infer<typeof invite>;

export const createInviteBody = z.object({ groupId: objectId });
