import type { Models } from '../models/index.js';
import type { PollSettings } from '../../contracts/index.js';
import { oid } from './index.js';

export interface NewPoll {
	orgId: string;
	hubId: string;
	groupId: string | null;
	title: string;
	description: string;
	type: string;
	options: { id: string; label: string; easyRead?: string | undefined; emoji?: string | undefined }[];
	settings?: Partial<PollSettings>;
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
				.lean(),
		listForGroup: (groupId: string, hubId: string) =>
			Poll.find({ hubId: oid(hubId), $or: [{ groupId: oid(groupId) }, { groupId: null }] })
				.sort({ createdAt: -1 })
				.limit(100)
				.lean(),
		/** Atomic state change: only from one of `from`, so two clicks cannot both win. */
		transition: (id: string, from: string[], set: Record<string, unknown>) =>
			Poll.findOneAndUpdate({ _id: oid(id), state: { $in: from } }, { $set: set }, { returnDocument: 'after' }).lean(),
		setPublished: (id: string, published: boolean) => Poll.findByIdAndUpdate(oid(id), { $set: { published } }, { returnDocument: 'after' }).lean(),
		addOption: (id: string, option: { id: string; label: string }) =>
			Poll.findOneAndUpdate({ _id: oid(id), 'options.label': { $ne: option.label } }, { $push: { options: option } }, { returnDocument: 'after' }).lean()
	};
}
