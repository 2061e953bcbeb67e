import type { CreateGroupBody, Group, Hub } from '../../contracts/index.js';
import { AppError } from '../errors.js';
import { assertScope, hubFilter, staffOf, type Actor } from '../auth/policy.js';
import type { GroupDoc, HubDoc } from '../models/index.js';
import { isDuplicateKey, type Repositories } from '../repositories/index.js';
import type { AuditService } from './audit.service.js';

export const toHub = (h: HubDoc): Hub => ({ id: String(h._id), name: h.name, orgId: String(h.orgId), createdAt: h.createdAt.toISOString() });
export const toGroup = (g: GroupDoc): Group => ({
	id: String(g._id),
	name: g.name,
	description: g.description ?? '',
	hubId: String(g.hubId),
	orgId: String(g.orgId),
	createdAt: g.createdAt.toISOString()
});

export function createOrgService(deps: { repos: Repositories; audit: AuditService }) {
	const { repos, audit } = deps;
	return {
		async organisation(actor: Actor) {
			const org = await repos.org.findOrg(staffOf(actor).orgId);
			if (!org) throw new AppError('NOT_FOUND');
			return { id: String(org._id), name: org.name };
		},
		async listHubs(actor: Actor): Promise<Hub[]> {
			const user = staffOf(actor);
			return (await repos.org.listHubs(user.orgId, hubFilter(actor) ?? undefined)).map(toHub);
		},
		async createHub(actor: Actor, name: string): Promise<Hub> {
			const user = staffOf(actor);
			try {
				const hub = toHub(await repos.org.createHub(user.orgId, name));
				await audit.record(actor, 'hub.create', { type: 'hub', id: hub.id, hubId: hub.id });
				return hub;
			} catch (err) {
				if (isDuplicateKey(err)) throw new AppError('CONFLICT', 'A hub with that name already exists.', { fields: { name: 'Already in use.' } });
				throw err;
			}
		},
		async listGroups(actor: Actor): Promise<Group[]> {
			const user = staffOf(actor);
			return (await repos.org.listGroups(user.orgId, hubFilter(actor) ?? undefined)).map(toGroup);
		},
		async getGroup(actor: Actor, groupId: string): Promise<Group> {
			const g = await repos.org.findGroup(groupId);
			if (!g) throw new AppError('NOT_FOUND');
			const group = toGroup(g);
			assertScope(actor, group);
			return group;
		},
		async createGroup(actor: Actor, input: CreateGroupBody): Promise<Group> {
			const user = staffOf(actor);
			const hub = await repos.org.findHub(input.hubId);
			if (!hub || String(hub.orgId) !== user.orgId) throw new AppError('VALIDATION_FAILED', 'That hub does not exist.', { fields: { hubId: 'Unknown hub.' } });
			assertScope(actor, { orgId: user.orgId, hubId: input.hubId });
			try {
				const group = toGroup(await repos.org.createGroup({ orgId: user.orgId, ...input }));
				await audit.record(actor, 'group.create', { type: 'group', id: group.id, hubId: group.hubId });
				return group;
			} catch (err) {
				if (isDuplicateKey(err)) throw new AppError('CONFLICT', 'That hub already has a group with that name.', { fields: { name: 'Already in use.' } });
				throw err;
			}
		}
	};
}
export type OrgService = ReturnType<typeof createOrgService>;
