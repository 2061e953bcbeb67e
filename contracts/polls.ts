import { z } from 'zod';
import { objectId, text } from './common.js';

/** Poll types; the live-sessions issue grows the voting rules for each. */
export const pollTypes = ['single', 'multiple', 'ranked', 'scale', 'open', 'suggest'] as const;
export const pollStates = ['draft', 'open', 'closed'] as const;

export const pollOption = z.object({ id: z.string(), label: z.string(), easyRead: z.string().optional(), emoji: z.string().optional() });

export const poll = z.object({
	id: objectId,
	title: z.string(),
	description: z.string(),
	type: z.enum(pollTypes),
	state: z.enum(pollStates),
	options: z.array(pollOption),
	hubId: objectId,
	groupId: objectId.nullable(),
	createdAt: z.string()
});
export type Poll = z.infer<typeof poll>;

export const createPollBody = z.object({
	title: text(200),
	description: text(1000, 0).default(''),
	type: z.enum(pollTypes),
	hubId: objectId,
	groupId: objectId.nullable().default(null),
	options: z
		.array(z.object({ label: text(120), easyRead: text(200, 0).optional(), emoji: text(16, 0).optional() }))
		.max(30)
		.default([])
});
export type CreatePollBody = z.infer<typeof createPollBody>;
