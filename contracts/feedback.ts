/**
 * "You said, we did": what changed because young people spoke up, linked to the poll or survey
 * they answered; and the participation report committees ask for (counts only, never names).
 */
import { z } from 'zod';
import { objectId, text } from './common.js';

export const feedbackStatuses = ['planned', 'in-progress', 'done'] as const;
export const feedbackStatus = z.enum(feedbackStatuses);
export const feedbackStatusLabel: Record<(typeof feedbackStatuses)[number], string> = {
	planned: 'Planned',
	'in-progress': 'Happening now',
	done: 'Done'
};

export const feedbackSource = z.object({ kind: z.enum(['poll', 'survey']), id: objectId });

export const feedbackBody = z.object({
	/** Where it is shown: a group's board, or the whole hub's. */
	hubId: objectId,
	groupId: objectId.nullable().default(null),
	source: feedbackSource.nullable().default(null),
	youSaid: text(600),
	weDid: text(1200),
	status: feedbackStatus.default('planned')
});
export type FeedbackBody = z.infer<typeof feedbackBody>;
/** Only what is sent changes (no defaults: a status change must not move or unlink a post). */
export const updateFeedbackBody = z.object({
	hubId: objectId.optional(),
	groupId: objectId.nullable().optional(),
	source: feedbackSource.nullable().optional(),
	youSaid: text(600).optional(),
	weDid: text(1200).optional(),
	status: feedbackStatus.optional()
});
export type UpdateFeedbackBody = z.infer<typeof updateFeedbackBody>;

export const feedbackPost = z.object({
	id: objectId,
	hubId: objectId,
	hubName: z.string(),
	groupId: objectId.nullable(),
	groupName: z.string().nullable(),
	source: feedbackSource.extend({ title: z.string() }).nullable(),
	youSaid: z.string(),
	weDid: z.string(),
	status: feedbackStatus,
	createdAt: z.string(),
	updatedAt: z.string()
});
export type FeedbackPost = z.infer<typeof feedbackPost>;

/** A closed poll or survey nobody has answered with a "You said, we did" yet. */
export const awaitingFeedback = z.object({ kind: z.enum(['poll', 'survey']), id: objectId, title: z.string(), hubId: objectId, closedAt: z.string().nullable() });
export type AwaitingFeedback = z.infer<typeof awaitingFeedback>;

export const participationQuery = z.object({
	from: z.string().regex(/^\d{4}-\d{2}$/, 'Use YYYY-MM.').optional(),
	to: z.string().regex(/^\d{4}-\d{2}$/, 'Use YYYY-MM.').optional(),
	hubId: objectId.optional()
});
export type ParticipationQuery = z.infer<typeof participationQuery>;

/** Counts per hub per month. `null` means "fewer than 5" (hidden so no child can be identified). */
export const participationRow = z.object({
	hubId: objectId,
	hubName: z.string(),
	month: z.string(),
	youngPeople: z.number().nullable(),
	repeat: z.number().nullable(),
	sessions: z.number(),
	pollsRun: z.number(),
	surveysRun: z.number(),
	pollAnswers: z.number().nullable(),
	surveyResponses: z.number().nullable(),
	/** Survey responses ÷ the audiences of surveys run that month (null when unknown or hidden). */
	surveyResponseRate: z.number().nullable()
});
export type ParticipationRow = z.infer<typeof participationRow>;

export const participationReport = z.object({
	months: z.array(z.string()),
	rows: z.array(participationRow),
	totals: participationRow.omit({ hubId: true, hubName: true, month: true }),
	smallNumber: z.number()
});
export type ParticipationReport = z.infer<typeof participationReport>;
