import { randomUUID } from 'node:crypto';
import type { CreatePollBody, Poll } from '../../contracts/index.js';
import { AppError } from '../errors.js';
import { assertScope, hubFilter, staffOf, type Actor } from '../auth/policy.js';
import type { PollDoc } from '../models/index.js';
import type { Repositories } from '../repositories/index.js';
import type { AuditService } from './audit.service.js';

export const toPoll = (p: PollDoc): Poll => ({
	id: String(p._id),
	title: p.title,
	description: p.description ?? '',
	type: p.type as Poll['type'],
	state: p.state as Poll['state'],
	options: (p.options ?? []).map((o) => ({
		id: o.id,
		label: o.label,
		...(o.easyRead ? { easyRead: o.easyRead } : {}),
		...(o.emoji ? { emoji: o.emoji } : {})
	})),
	hubId: String(p.hubId),
	groupId: p.groupId ? String(p.groupId) : null,
	createdAt: p.createdAt.toISOString()
});

export const optionId = () => randomUUID().slice(0, 8);

export function createPollService(deps: { repos: Repositories; audit: AuditService }) {
	const { repos, audit } = deps;
	return {
		async list(actor: Actor): Promise<Poll[]> {
			const user = staffOf(actor);
			return (await repos.polls.list(user.orgId, hubFilter(actor))).map(toPoll);
		},
		async get(actor: Actor, id: string): Promise<Poll> {
			const p = await repos.polls.findById(id);
			if (!p) throw new AppError('NOT_FOUND');
			assertScope(actor, { orgId: String(p.orgId), hubId: String(p.hubId) });
			return toPoll(p);
		},
		async create(actor: Actor, input: CreatePollBody): Promise<Poll> {
			const user = staffOf(actor);
			assertScope(actor, { orgId: user.orgId, hubId: input.hubId });
			if (input.groupId) {
				const g = await repos.org.findGroup(input.groupId);
				if (!g || String(g.hubId) !== input.hubId) throw new AppError('VALIDATION_FAILED', 'That group is not in this hub.', { fields: { groupId: 'Unknown group.' } });
			}
			if ((input.type === 'single' || input.type === 'multiple' || input.type === 'ranked') && input.options.length < 2)
				throw new AppError('VALIDATION_FAILED', 'A choice poll needs at least two options.', { fields: { options: 'Add at least two options.' } });
			const p = await repos.polls.create({
				orgId: user.orgId,
				hubId: input.hubId,
				groupId: input.groupId,
				title: input.title,
				description: input.description,
				type: input.type,
				options: input.options.map((o) => ({ id: optionId(), ...o })),
				createdBy: user.id
			});
			await audit.record(actor, 'poll.create', { type: 'poll', id: String(p._id), hubId: input.hubId }, { type: input.type });
			return toPoll(p);
		}
	};
}
export type PollService = ReturnType<typeof createPollService>;
