/**
 * Reads for "You said, we did" and the participation report. Only ids, hubs and days are
 * read for reports: never answers or names.
 */
import type { FeedbackPostDoc, Models } from '../models/index.js';
import { oid } from './index.js';

export interface FeedbackWrite {
	orgId: string;
	hubId: string;
	groupId: string | null;
	sourceKind: 'poll' | 'survey' | null;
	sourceId: string | null;
	youSaid: string;
	weDid: string;
	status: string;
	createdBy: string;
}

export function createReportRepository({ FeedbackPost, Participation, Participant, LiveSession, Poll, Survey }: Models) {
	const hubs = (hubIds: string[] | null) => (hubIds ? { hubId: { $in: hubIds.map(oid) } } : {});
	return {
		createFeedback: async (f: FeedbackWrite, at: Date) => {
			const doc: Record<string, unknown> = {
				...f,
				orgId: oid(f.orgId),
				hubId: oid(f.hubId),
				groupId: f.groupId ? oid(f.groupId) : null,
				sourceId: f.sourceId ? oid(f.sourceId) : null,
				createdBy: oid(f.createdBy),
				createdAt: at,
				updatedAt: at
			};
			return (await FeedbackPost.create(doc)).toObject() as FeedbackPostDoc;
		},
		findFeedback: (id: string) => FeedbackPost.findById(oid(id)).lean(),
		updateFeedback: (id: string, set: { hubId: string; groupId: string | null; sourceKind: string | null; sourceId: string | null } & Record<string, unknown>) =>
			FeedbackPost.findOneAndUpdate(
				{ _id: oid(id) },
				{ $set: { ...set, hubId: oid(set.hubId), groupId: set.groupId ? oid(set.groupId) : null, sourceId: set.sourceId ? oid(set.sourceId) : null } },
				{ returnDocument: 'after' }
			).lean(),
		deleteFeedback: (id: string) => FeedbackPost.deleteOne({ _id: oid(id) }),
		listFeedback: async (orgId: string, hubIds: string[] | null) => {
			const filter: Record<string, unknown> = { orgId: oid(orgId), ...hubs(hubIds) };
			return (await FeedbackPost.find(filter).sort({ createdAt: -1 }).limit(500).lean()) as FeedbackPostDoc[];
		},
		/** A young person's board: their group's posts and their hub's hub-wide posts. */
		listFeedbackFor: async (hubId: string, groupId: string | null) => {
			const filter: Record<string, unknown> = { hubId: oid(hubId), $or: [{ groupId: null }, ...(groupId ? [{ groupId: oid(groupId) }] : [])] };
			return (await FeedbackPost.find(filter).sort({ createdAt: -1 }).limit(100).lean()) as FeedbackPostDoc[];
		},
		sourcesWithFeedback: async (ids: string[]) => new Set((await FeedbackPost.find({ sourceId: { $in: ids.map(oid) } }, { sourceId: 1 }).lean()).map((f) => String(f.sourceId))),

		/** Participation rows (poll answers and survey responses) between two days. */
		participations: (orgId: string, hubIds: string[] | null, fromDay: string, toDay: string) =>
			Participation.find({ orgId: oid(orgId), day: { $gte: fromDay, $lte: toDay }, ...hubs(hubIds) }, { participantId: 1, hubId: 1, day: 1, kind: 1 }).lean(),
		/** Young people who joined a session or a group, by when. */
		joins: (orgId: string, hubIds: string[] | null, from: Date, to: Date) =>
			Participant.find({ orgId: oid(orgId), createdAt: { $gte: from, $lt: to }, ...hubs(hubIds) }, { hubId: 1, createdAt: 1 }).lean(),
		sessions: (orgId: string, hubIds: string[] | null, from: Date, to: Date) =>
			LiveSession.find({ orgId: oid(orgId), createdAt: { $gte: from, $lt: to }, ...hubs(hubIds) }, { hubId: 1, createdAt: 1 }).lean(),
		pollsOpened: (orgId: string, hubIds: string[] | null, from: Date, to: Date) =>
			Poll.find({ orgId: oid(orgId), openedAt: { $gte: from, $lt: to }, ...hubs(hubIds) }, { hubId: 1, openedAt: 1, title: 1 }).lean(),
		surveysOpened: (orgId: string, hubIds: string[] | null, from: Date, to: Date) =>
			Survey.find({ orgId: oid(orgId), openedAt: { $gte: from, $lt: to }, ...hubs(hubIds) }, { hubId: 1, openedAt: 1, audience: 1, groupId: 1 }).lean(),
		closedPolls: (orgId: string, hubIds: string[] | null) =>
			Poll.find({ orgId: oid(orgId), state: 'closed', ...hubs(hubIds) }, { title: 1, hubId: 1, closedAt: 1 }).sort({ closedAt: -1 }).limit(200).lean(),
		closedSurveys: (orgId: string, hubIds: string[] | null) =>
			Survey.find({ orgId: oid(orgId), state: 'closed', ...hubs(hubIds) }, { title: 1, hubId: 1, closedAt: 1 }).sort({ closedAt: -1 }).limit(200).lean()
	};
}
