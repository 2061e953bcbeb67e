/**
 * Safeguarding: escalations (a concern a person must see and act on), the review queues
 * (things held for a person to decide, and messages young people reported), the moderator
 * dashboard, and the organisation's safeguarding settings.
 */
import { z } from 'zod';
import { objectId, text } from './common.js';

/** Where a young person can get help, shown when something they wrote worried the filter. */
export const supportInfo = z.object({
	message: z.string(),
	contacts: z.array(z.object({ name: z.string(), phone: z.string().optional(), text: z.string().optional(), url: z.string().optional(), note: z.string().optional() }))
});
export type SupportInfo = z.infer<typeof supportInfo>;

export const severities = ['none', 'low', 'medium', 'high', 'urgent'] as const;
export const severity = z.enum(severities);
export type Severity = z.infer<typeof severity>;
/** Severities a concern can have (an escalation is never "none"). */
export const concernSeverities = ['urgent', 'high', 'medium', 'low'] as const;

export const escalationStatuses = ['open', 'acknowledged', 'actioned', 'closed'] as const;
export const escalationStatus = z.enum(escalationStatuses);
export type EscalationStatus = z.infer<typeof escalationStatus>;

/** Where a concern came from. */
export const escalationSources = ['chat', 'poll-answer', 'poll-suggestion', 'survey-answer', 'display-name', 'report', 'worried'] as const;
export const escalationSource = z.enum(escalationSources);
export type EscalationSource = z.infer<typeof escalationSource>;

export const sourceLabel: Record<EscalationSource, string> = {
	chat: 'Chat message',
	'poll-answer': 'Poll answer',
	'poll-suggestion': 'Name suggestion',
	'survey-answer': 'Survey answer',
	'display-name': 'Display name',
	report: 'Reported by a young person',
	worried: '"I\'m worried" button'
};

export const statusLabel: Record<EscalationStatus, string> = {
	open: 'Open',
	acknowledged: 'Acknowledged',
	actioned: 'Actioned',
	closed: 'Closed'
};

export const categoryLabel: Record<string, string> = {
	'self-harm': 'Suicide or self-harm',
	abuse: 'Abuse disclosure',
	'sexual-exploitation': 'Sexual exploitation or grooming',
	'criminal-exploitation': 'Criminal exploitation',
	missing: 'Going missing',
	weapons: 'Weapons',
	violence: 'Threats of violence',
	bullying: 'Bullying or harassment',
	drugs: 'Drugs or alcohol',
	eating: 'Eating disorder',
	'domestic-abuse': 'Domestic abuse',
	radicalisation: 'Radicalisation',
	'contact-details': 'Contact details',
	'abusive-language': 'Abusive language',
	hate: 'Hate',
	toxicity: 'Toxic language',
	'blocked-term': 'Blocked word',
	'suspect-term': 'Word to check',
	'remote-unavailable': 'Remote check unavailable',
	worried: 'Young person asked for help',
	reported: 'Reported by a young person'
};

export const contextMessage = z.object({
	id: z.string(),
	author: z.string(),
	text: z.string(),
	at: z.string(),
	/** True for the message the concern is about. */
	subject: z.boolean().optional()
});
export type ContextMessage = z.infer<typeof contextMessage>;

export const verdictReason = z.object({ stage: z.string(), rule: z.string(), category: z.string() });

export const historyEntry = z.object({
	at: z.string(),
	by: z.string().nullable(),
	byName: z.string(),
	action: z.string(),
	from: z.string().nullable().optional(),
	to: z.string().nullable().optional(),
	note: z.string().nullable().optional()
});
export type HistoryEntry = z.infer<typeof historyEntry>;

export const escalation = z.object({
	id: objectId,
	orgId: objectId,
	hubId: objectId,
	hubName: z.string(),
	groupId: objectId.nullable(),
	groupName: z.string().nullable(),
	source: escalationSource,
	sourceRef: z.string(),
	/** Where in the app it happened, in words ("Chat: Group A", "Poll: Choose a name"). */
	where: z.string(),
	text: z.string(),
	authorName: z.string().nullable(),
	participantId: objectId.nullable(),
	severity: severity,
	categories: z.array(z.string()),
	reasons: z.array(verdictReason),
	status: escalationStatus,
	assignee: z.object({ id: objectId, name: z.string() }).nullable(),
	outcome: z.string().nullable(),
	falsePositive: z.boolean(),
	createdAt: z.string(),
	ackDueAt: z.string(),
	acknowledgedAt: z.string().nullable(),
	closedAt: z.string().nullable(),
	/** Not acknowledged and past its target. */
	overdue: z.boolean(),
	/** A young person's report or "I'm worried" note, in their words. */
	reportNote: z.string().nullable()
});
export type Escalation = z.infer<typeof escalation>;

export const escalationDetail = escalation.extend({
	context: z.array(contextMessage),
	history: z.array(historyEntry),
	notes: z.array(z.object({ at: z.string(), byName: z.string(), text: z.string() })),
	/** The young person's other recent items in the same group (moderators only). */
	recentItems: z.array(contextMessage),
	previous: z.array(escalation.pick({ id: true, severity: true, categories: true, status: true, createdAt: true, outcome: true, source: true })),
	outcomes: z.array(z.string()),
	/** The held-queue item for the same text, while it waits for a decision. */
	heldReviewId: objectId.nullable(),
	/** Whether "hide the message" can be done from here (chat messages can; poll answers are hidden from the poll page). */
	canHide: z.boolean(),
	/** Moderators of this hub, for assigning. */
	assignable: z.array(z.object({ id: objectId, name: z.string() }))
});
export type EscalationDetail = z.infer<typeof escalationDetail>;

export const escalationQuery = z.object({
	queue: z.enum(['active', 'closed', 'all']).default('active'),
	hubId: objectId.optional(),
	groupId: objectId.optional(),
	category: z.string().max(60).optional(),
	status: escalationStatus.optional(),
	severity: severity.optional(),
	/** `me`, `none`, or a user id. */
	assignee: z.union([z.enum(['me', 'none']), objectId]).optional(),
	limit: z.coerce.number().int().min(1).max(500).default(200)
});
export type EscalationQuery = z.infer<typeof escalationQuery>;

const note = text(2000);
export const escalationActionBody = z.discriminatedUnion('action', [
	z.object({ action: z.literal('acknowledge'), note: note.optional() }),
	z.object({ action: z.literal('assign'), assigneeId: objectId.nullable() }),
	z.object({ action: z.literal('note'), note }),
	z.object({ action: z.literal('actioned'), note: note.optional() }),
	z.object({ action: z.literal('outcome'), outcome: text(120), note: note.optional() }),
	z.object({ action: z.literal('close'), outcome: text(120), note: note.optional() }),
	z.object({ action: z.literal('reopen'), note }),
	z.object({ action: z.literal('false-positive'), falsePositive: z.boolean(), note: note.optional() }),
	z.object({ action: z.literal('hide-source'), note: note.optional() }),
	z.object({ action: z.literal('tell-facilitator'), note })
]);
export type EscalationActionBody = z.infer<typeof escalationActionBody>;

/** Things held for a person to decide, and messages young people reported. */
export const reviewKinds = ['answer', 'suggestion', 'chat-message', 'survey-answer'] as const;
export const reviewKind = z.enum(reviewKinds);
export type ReviewKind = z.infer<typeof reviewKind>;
export const reviewQueues = ['held', 'reported'] as const;
export const reviewQueue = z.enum(reviewQueues);
export const reviewStatuses = ['pending', 'approved', 'rejected', 'superseded'] as const;

/** The escalation source that goes with each kind of queue item. */
export const sourceOfReviewKind: Record<ReviewKind, EscalationSource> = {
	answer: 'poll-answer',
	suggestion: 'poll-suggestion',
	'chat-message': 'chat',
	'survey-answer': 'survey-answer'
};

export const reviewKindLabel: Record<ReviewKind, string> = {
	answer: 'Poll answer',
	suggestion: 'Name suggestion',
	'chat-message': 'Chat message',
	'survey-answer': 'Survey answer'
};

export const reviewItem = z.object({
	id: objectId,
	queue: reviewQueue,
	kind: reviewKind,
	ref: z.string(),
	hubId: objectId,
	hubName: z.string(),
	groupId: objectId.nullable(),
	where: z.string(),
	text: z.string(),
	authorName: z.string().nullable(),
	severity: severity,
	categories: z.array(z.string()),
	status: z.enum(reviewStatuses),
	createdAt: z.string(),
	/** Reported messages: why, in the reporters' words, and how many reported it. */
	reports: z.array(z.object({ reason: z.string(), note: z.string().nullable() })),
	decidedAt: z.string().nullable(),
	decidedByName: z.string().nullable(),
	decisionReason: z.string().nullable(),
	/** The concern raised about the same text, if any. */
	escalationId: objectId.nullable(),
	/** What approving and rejecting mean for this item, in words. */
	approveLabel: z.string(),
	rejectLabel: z.string()
});
export type ReviewItem = z.infer<typeof reviewItem>;

export const reviewQuery = z.object({
	queue: z.enum(['held', 'reported', 'decided']).default('held'),
	hubId: objectId.optional(),
	groupId: objectId.optional(),
	category: z.string().max(60).optional(),
	severity: severity.optional(),
	limit: z.coerce.number().int().min(1).max(500).default(200)
});
export type ReviewQuery = z.infer<typeof reviewQuery>;

export const reviewDecisionBody = z.object({
	decision: z.enum(['approve', 'reject']),
	reason: text(500).optional()
});
export type ReviewDecisionBody = z.infer<typeof reviewDecisionBody>;

export const bulkReviewBody = z.object({
	ids: z.array(objectId).min(1).max(100),
	decision: z.enum(['approve', 'reject']),
	reason: text(500).optional()
});

export const moderationCounts = z.object({
	open: z.number(),
	overdue: z.number(),
	bySeverity: z.record(z.string(), z.number()),
	held: z.number(),
	reported: z.number()
});
export type ModerationCounts = z.infer<typeof moderationCounts>;

export const dashboard = z.object({
	counts: moderationCounts,
	/** Months (YYYY-MM), oldest first. */
	months: z.array(z.string()),
	/** Median minutes from raised to acknowledged, per severity per month (null: none that month). */
	medianAckMinutes: z.record(z.string(), z.array(z.number().nullable())),
	byCategory: z.array(z.object({ category: z.string(), counts: z.array(z.number()) })),
	falsePositivesByRule: z.array(z.object({ rule: z.string(), falsePositives: z.number(), total: z.number() })),
	outcomes: z.array(z.object({ outcome: z.string(), count: z.number() })),
	/** Out-of-app alerts still being retried. */
	deliveriesFailing: z.number()
});
export type Dashboard = z.infer<typeof dashboard>;

export const defaultOutcomes = [
	'Spoke with the young person',
	'Passed to social worker',
	'Passed to police / emergency services',
	'Passed to the designated safeguarding lead',
	'Recorded, no further action',
	'No concern — false alarm'
];

export const safeguardingSettings = z.object({
	/** Minutes to acknowledge, per severity. `low` null means "by the end of the next working day". */
	ackMinutes: z.object({
		urgent: z.number().int().min(1).max(10080),
		high: z.number().int().min(1).max(10080),
		medium: z.number().int().min(1).max(43200),
		low: z.number().int().min(1).max(43200).nullable()
	}),
	outcomes: z.array(text(120)).min(1).max(30)
});
export type SafeguardingSettings = z.infer<typeof safeguardingSettings>;

/** A word or phrase in the organisation's filter lists (matched after normalising, so obfuscation matches too). */
const filterTerm = z.string().trim().min(2, 'A term needs at least 2 characters.').max(100, 'A term can be up to 100 characters.');
const filterTerms = z.array(filterTerm).max(500, 'Up to 500 terms per list.');

/**
 * What an admin can change in the safeguarding filter for their organisation, on top of the
 * installation's policy (MODERATION_POLICY_FILE): extra blocked, suspect and allowed terms, the
 * local model, and the support message young people see.
 */
export const filterPolicy = z
	.object({
		blockedTerms: filterTerms,
		suspectTerms: filterTerms,
		allowedTerms: filterTerms,
		model: z.object({ enabled: z.boolean(), threshold: z.number().min(0.5).max(0.99).nullable() }).strict(),
		supportMessage: z.string().trim().min(20, 'Write at least a sentence: who has been told, and where to get help now.').max(1000).nullable()
	})
	.strict();
export type FilterPolicy = z.infer<typeof filterPolicy>;
export const defaultFilterPolicy: FilterPolicy = { blockedTerms: [], suspectTerms: [], allowedTerms: [], model: { enabled: true, threshold: null }, supportMessage: null };

/** Try a message against the organisation's filter (nothing is stored). */
export const filterTestBody = z.object({ text: z.string().min(1).max(2000) }).strict();
export const filterTestResult = z.object({
	action: z.enum(['allow', 'hold', 'block']),
	escalate: z.boolean(),
	severity: z.enum(['none', 'low', 'medium', 'high', 'urgent']),
	categories: z.array(z.string()),
	rules: z.array(z.string())
});
export type FilterTestResult = z.infer<typeof filterTestResult>;
export const defaultSafeguardingSettings: SafeguardingSettings = {
	ackMinutes: { urgent: 5, high: 30, medium: 24 * 60, low: null },
	outcomes: defaultOutcomes
};

/** A young person's own tools: report a message, or tell someone they are worried. */
export const reportReasons = ['unkind', 'worrying', 'personal-details', 'spam', 'other'] as const;
export const reportReasonLabel: Record<(typeof reportReasons)[number], string> = {
	unkind: "It's unkind or bullying",
	worrying: "It worries me — someone might not be safe",
	'personal-details': 'It shares personal details',
	spam: "It's spam or nonsense",
	other: 'Something else'
};

export const auditQuery = z.object({
	action: z.string().max(80).optional(),
	actorId: objectId.optional(),
	targetType: z.string().max(40).optional(),
	targetId: z.string().max(80).optional(),
	from: z.iso.date().optional(),
	to: z.iso.date().optional(),
	limit: z.coerce.number().int().min(1).max(1000).default(200)
});
export type AuditQuery = z.infer<typeof auditQuery>;

/** One line of the audit log: who did what to which thing, when (never message text or names). */
export const auditEntry = z.object({
	id: z.string(),
	at: z.string(),
	actorType: z.string(),
	actorId: z.string().nullable(),
	/** A member of staff by name and role; otherwise "A young person" or "Voicebox". */
	actorName: z.string(),
	action: z.string(),
	targetType: z.string().nullable(),
	targetId: z.string().nullable(),
	hubId: z.string().nullable(),
	meta: z.record(z.string(), z.unknown())
});
export type AuditEntry = z.infer<typeof auditEntry>;
