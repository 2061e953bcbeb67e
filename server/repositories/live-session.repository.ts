import type { Models } from '../models/index.js';
import { oid } from './index.js';

export function createLiveSessionRepository({ LiveSession }: Models) {
	return {
		create: async (s: { orgId: string; hubId: string; groupId: string; title: string; code: string; createdBy: string }) =>
			(
				await LiveSession.create({
					...s,
					orgId: oid(s.orgId),
					hubId: oid(s.hubId),
					groupId: oid(s.groupId),
					createdBy: oid(s.createdBy),
					state: 'open'
				})
			).toObject(),
		findById: (id: string) => LiveSession.findById(id).lean(),
		findByCode: (code: string) => LiveSession.findOne({ code }).lean(),
		list: (orgId: string, hubIds: string[] | null, limit = 50) =>
			LiveSession.find(hubIds ? { orgId: oid(orgId), hubId: { $in: hubIds.map(oid) } } : { orgId: oid(orgId) })
				.sort({ createdAt: -1 })
				.limit(limit)
				.lean(),
		close: (id: string, at: Date) =>
			LiveSession.findOneAndUpdate(
				{ _id: oid(id), state: 'open' },
				{ $set: { state: 'closed', closedAt: at, currentPollId: null, showResults: false, timerEndsAt: null } },
				{ returnDocument: 'after' }
			).lean(),
		setActivity: (id: string, pollId: string | null) =>
			LiveSession.findOneAndUpdate(
				{ _id: oid(id), state: 'open' },
				{ $set: { currentPollId: pollId ? oid(pollId) : null, showResults: false, timerEndsAt: null } },
				{ returnDocument: 'after' }
			).lean(),
		setTimer: (id: string, endsAt: Date | null) =>
			LiveSession.findOneAndUpdate({ _id: oid(id), state: 'open' }, { $set: { timerEndsAt: endsAt } }, { returnDocument: 'after' }).lean(),
		setShowResults: (id: string, show: boolean) =>
			LiveSession.findOneAndUpdate({ _id: oid(id), state: 'open' }, { $set: { showResults: show } }, { returnDocument: 'after' }).lean(),
		showingPoll: (pollId: string) => LiveSession.find({ currentPollId: oid(pollId), state: 'open' }).lean()
	};
}
