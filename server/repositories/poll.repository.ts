import type { Models } from '../models/index.js';
import { oid } from './index.js';

export interface NewPoll {
	orgId: string;
	hubId: string;
	groupId: string | null;
	title: string;
	description: string;
	type: string;
	options: { id: string; label: string; easyRead?: string | undefined; emoji?: string | undefined }[];
	createdBy: string | null;
	seedKey?: string | null;
}

export function createPollRepository({ Poll }: Models) {
	return {
		create: async (p: NewPoll) =>
			(
				await Poll.create({
					...p,
					orgId: oid(p.orgId),
					hubId: oid(p.hubId),
					groupId: p.groupId ? oid(p.groupId) : null,
					createdBy: p.createdBy ? oid(p.createdBy) : null
				})
			).toObject(),
		findById: (id: string) => Poll.findById(id).lean(),
		findBySeedKey: (seedKey: string) => Poll.findOne({ seedKey }).lean(),
		list: (orgId: string, hubIds: string[] | null) =>
			Poll.find(hubIds ? { orgId: oid(orgId), hubId: { $in: hubIds.map(oid) } } : { orgId: oid(orgId) })
				.sort({ createdAt: -1 })
				.limit(200)
				.lean()
	};
}
