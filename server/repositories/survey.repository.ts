import { randomBytes } from 'node:crypto';
import type { Models, SurveyDoc } from '../models/index.js';
import { oid } from './index.js';

export interface SurveyWrite {
	orgId: string;
	hubId: string;
	audience: 'group' | 'hub' | 'link';
	groupId: string | null;
	title: string;
	content: unknown;
	anonymous: boolean;
	opensAt: Date | null;
	closesAt: Date | null;
	template: string | null;
	createdBy: string | null;
}

export function createSurveyRepository({ Survey, SurveyResponse, Participant }: Models) {
	const ids = (w: Partial<SurveyWrite>) => ({
		...w,
		...(w.orgId ? { orgId: oid(w.orgId) } : {}),
		...(w.hubId ? { hubId: oid(w.hubId) } : {}),
		...(w.groupId !== undefined ? { groupId: w.groupId ? oid(w.groupId) : null } : {}),
		...(w.createdBy !== undefined ? { createdBy: w.createdBy ? oid(w.createdBy) : null } : {})
	});
	return {
		create: async (w: SurveyWrite) => (await Survey.create(ids(w))).toObject(),
		findById: (id: string) => Survey.findById(oid(id)).lean(),
		list: async (orgId: string, hubIds: string[] | null) => {
			const filter: Record<string, unknown> = { orgId: oid(orgId), ...(hubIds ? { hubId: { $in: hubIds.map(oid) } } : {}) };
			return (await Survey.find(filter).sort({ createdAt: -1 }).lean()) as SurveyDoc[];
		},
		/** Surveys a young person can answer now or has answered: their group's and their hub's. */
		listForParticipant: async (hubId: string, groupId: string | null) => {
			const filter: Record<string, unknown> = {
				hubId: oid(hubId),
				state: { $in: ['open', 'closed'] },
				$or: [{ audience: { $in: ['hub', 'link'] } }, ...(groupId ? [{ audience: 'group', groupId: oid(groupId) }] : [])]
			};
			return (await Survey.find(filter).sort({ createdAt: -1 }).limit(50).lean()) as SurveyDoc[];
		},
		/** Content changes only while a draft (answers must keep meaning what they meant). */
		updateDraft: (id: string, w: Partial<SurveyWrite>) => Survey.findOneAndUpdate({ _id: oid(id), state: 'draft' }, { $set: ids(w) }, { returnDocument: 'after' }).lean(),
		setState: async (id: string, from: string[], set: Record<string, unknown>) => {
			const filter: Record<string, unknown> = { _id: oid(id), state: { $in: from } };
			return (await Survey.findOneAndUpdate(filter, { $set: set }, { returnDocument: 'after' }).lean()) as SurveyDoc | null;
		},

		findResponse: (surveyId: string, respondentKey: string) => SurveyResponse.findOne({ surveyId: oid(surveyId), respondentKey }).lean(),
		findResponseById: (id: string) => SurveyResponse.findById(id).lean(),
		/** Creates the respondent's response once (unique index); a race returns the stored one. */
		async ensureResponse(r: { surveyId: string; respondentKey: string; orgId: string; hubId: string; groupId: string | null; participantId: string | null; displayName: string | null }) {
			await SurveyResponse.updateOne(
				{ surveyId: oid(r.surveyId), respondentKey: r.respondentKey },
				{
					$setOnInsert: {
						_id: randomBytes(12).toString('base64url'),
						...r,
						surveyId: oid(r.surveyId),
						orgId: oid(r.orgId),
						hubId: oid(r.hubId),
						groupId: r.groupId ? oid(r.groupId) : null,
						participantId: r.participantId ? oid(r.participantId) : null,
						answers: {},
						textStatus: {},
						state: 'draft'
					}
				},
				{ upsert: true }
			).catch((err: { code?: number }) => {
				if (err.code !== 11000) throw err;
			});
			return (await SurveyResponse.findOne({ surveyId: oid(r.surveyId), respondentKey: r.respondentKey }).lean())!;
		},
		saveResponse: (id: string, set: { answers: unknown; textStatus: unknown; state: 'draft' | 'submitted'; submittedDay: string | null }) =>
			SurveyResponse.findOneAndUpdate({ _id: id }, { $set: set, $inc: { changes: 1 } }, { returnDocument: 'after' }).lean(),
		setTextStatus: (id: string, questionId: string, status: 'visible' | 'held' | 'hidden') =>
			SurveyResponse.findOneAndUpdate({ _id: id }, { $set: { [`textStatus.${questionId}`]: status } }, { returnDocument: 'after' }).lean(),
		listSubmitted: (surveyId: string) => SurveyResponse.find({ surveyId: oid(surveyId), state: 'submitted' }).lean(),
		countResponses: (surveyId: string) => SurveyResponse.countDocuments({ surveyId: oid(surveyId), state: 'submitted' }),
		/** The audience size, for response rates: young people in the group or hub. */
		audienceSize: (hubId: string, groupId: string | null) =>
			Participant.countDocuments({ ...(groupId ? { groupId: oid(groupId) } : { hubId: oid(hubId) }), removedAt: null })
	};
}
