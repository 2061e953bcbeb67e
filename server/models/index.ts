/**
 * Mongoose schemas, registered on one connection per app (tests get a fresh database each).
 * Rules kept for both MongoDB and FerretDB: no multi-document transactions, no nested arrays,
 * integrity from unique indexes and single-document atomic updates. Every index is declared
 * here and created at start by `ensureIndexes`.
 */
import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { createChatModels } from './chat.models.js';

const id = Schema.Types.ObjectId;

const organisationSchema = new Schema(
	{
		name: { type: String, required: true },
		slug: { type: String, required: true },
		/** Acknowledge targets and outcome list; absent means the defaults in contracts. */
		safeguarding: { type: Schema.Types.Mixed, default: null },
		/** The organisation's own filter terms, model setting and support message; absent means none. */
		filterPolicy: { type: Schema.Types.Mixed, default: null },
		createdAt: { type: Date, required: true, default: () => new Date() }
	},
	{ versionKey: false }
);
organisationSchema.index({ slug: 1 }, { unique: true });

const hubSchema = new Schema(
	{
		orgId: { type: id, required: true },
		name: { type: String, required: true },
		nameKey: { type: String, required: true },
		createdAt: { type: Date, required: true, default: () => new Date() }
	},
	{ versionKey: false }
);
hubSchema.index({ orgId: 1, nameKey: 1 }, { unique: true });

const groupSchema = new Schema(
	{
		orgId: { type: id, required: true },
		hubId: { type: id, required: true },
		name: { type: String, required: true },
		nameKey: { type: String, required: true },
		description: { type: String, default: '' },
		createdAt: { type: Date, required: true, default: () => new Date() }
	},
	{ versionKey: false }
);
groupSchema.index({ hubId: 1, nameKey: 1 }, { unique: true });

const userSchema = new Schema(
	{
		orgId: { type: id, required: true },
		email: { type: String, required: true },
		displayName: { type: String, required: true },
		role: { type: String, required: true, enum: ['admin', 'staff', 'moderator'] },
		hubIds: { type: [id], default: [] },
		passwordHash: { type: String, required: true },
		failedLogins: { type: Number, default: 0 },
		lockedUntil: { type: Date, default: null },
		disabled: { type: Boolean, default: false },
		createdAt: { type: Date, required: true, default: () => new Date() },
		lastLoginAt: { type: Date, default: null }
	},
	{ versionKey: false }
);
userSchema.index({ email: 1 }, { unique: true });

/**
 * A staff sign-in. Keyed by the token's hash: the embedded database (FerretDB 1.x with SQLite)
 * only finds documents quickly by `_id`, and this is looked up on every request.
 */
const authSessionSchema = new Schema(
	{
		_id: { type: String, required: true },
		userId: { type: id, required: true },
		createdAt: { type: Date, required: true },
		expiresAt: { type: Date, required: true }
	},
	{ versionKey: false }
);
authSessionSchema.index({ userId: 1 });

/** A young person's device token (hashed) → who they are, found by `_id` on every request. */
const participantTokenSchema = new Schema(
	{
		_id: { type: String, required: true },
		participantId: { type: id, required: true }
	},
	{ versionKey: false }
);

const participantSchema = new Schema(
	{
		orgId: { type: id, required: true },
		hubId: { type: id, required: true },
		groupId: { type: id, default: null },
		sessionId: { type: id, default: null },
		displayName: { type: String, required: true },
		/** `s:<sessionId>:<name>` or `g:<groupId>:<name>`: makes names unique where peers meet. */
		uniqueKey: { type: String, required: true },
		ageBand: { type: String, default: null },
		tokenHash: { type: String, required: true },
		createdAt: { type: Date, required: true, default: () => new Date() },
		removedAt: { type: Date, default: null }
	},
	{ versionKey: false }
);
participantSchema.index({ uniqueKey: 1 }, { unique: true });
participantSchema.index({ tokenHash: 1 }, { unique: true });
participantSchema.index({ sessionId: 1 });

const inviteSchema = new Schema(
	{
		orgId: { type: id, required: true },
		hubId: { type: id, required: true },
		groupId: { type: id, required: true },
		tokenHash: { type: String, required: true },
		createdBy: { type: id, required: true },
		createdAt: { type: Date, required: true, default: () => new Date() },
		expiresAt: { type: Date, required: true },
		usedAt: { type: Date, default: null },
		participantId: { type: id, default: null }
	},
	{ versionKey: false }
);
inviteSchema.index({ tokenHash: 1 }, { unique: true });

const liveSessionSchema = new Schema(
	{
		orgId: { type: id, required: true },
		hubId: { type: id, required: true },
		groupId: { type: id, required: true },
		title: { type: String, required: true },
		code: { type: String, required: true },
		state: { type: String, required: true, enum: ['open', 'closed'] },
		createdBy: { type: id, required: true },
		createdAt: { type: Date, required: true, default: () => new Date() },
		closedAt: { type: Date, default: null },
		/** The poll on everyone's screens now, if any. */
		currentPollId: { type: id, default: null },
		showResults: { type: Boolean, default: false },
		/** Optional countdown the facilitator turned on; it never closes a poll by itself. */
		timerEndsAt: { type: Date, default: null }
	},
	{ versionKey: false }
);
liveSessionSchema.index({ code: 1 }, { unique: true });
liveSessionSchema.index({ hubId: 1, createdAt: -1 });

const pollOptionSchema = new Schema(
	{ id: { type: String, required: true }, label: { type: String, required: true }, easyRead: String, emoji: String },
	{ _id: false }
);
const pollSchema = new Schema(
	{
		orgId: { type: id, required: true },
		hubId: { type: id, required: true },
		groupId: { type: id, default: null },
		title: { type: String, required: true },
		description: { type: String, default: '' },
		type: { type: String, required: true },
		state: { type: String, required: true, default: 'draft' },
		options: { type: [pollOptionSchema], default: [] },
		settings: {
			anonymous: { type: Boolean, default: true },
			allowChange: { type: Boolean, default: true },
			hideResultsUntilClosed: { type: Boolean, default: false },
			allowDontKnow: { type: Boolean, default: true },
			allowSkip: { type: Boolean, default: true },
			maxPicks: { type: Number, default: null },
			maxRanks: { type: Number, default: null },
			scale: {
				style: { type: String, default: null },
				min: { type: Number, default: null },
				max: { type: Number, default: null }
			},
			voteType: { type: String, default: null }
		},
		published: { type: Boolean, default: false },
		openedAt: { type: Date, default: null },
		closedAt: { type: Date, default: null },
		/** Set only for the demo seed, so seeding is idempotent. */
		seedKey: { type: String, default: null },
		createdBy: { type: id, default: null },
		createdAt: { type: Date, required: true, default: () => new Date() }
	},
	{ versionKey: false }
);
pollSchema.index({ hubId: 1, createdAt: -1 });

/**
 * One ballot per voter per poll (unique index). For anonymous polls the voter is only an HMAC of
 * the participant id under a server secret, the _id is random (an ObjectId would carry a time)
 * and there are no timestamps, so a ballot cannot be joined to a name or to a participation row.
 */
const ballotSchema = new Schema(
	{
		_id: { type: String, required: true },
		pollId: { type: id, required: true },
		voterKey: { type: String, required: true },
		/** Named polls only. */
		participantId: { type: id, default: null },
		displayName: { type: String, default: null },
		kind: { type: String, required: true },
		choice: { type: String, default: null },
		choices: { type: [String], default: undefined },
		ranking: { type: [String], default: undefined },
		rating: { type: Number, default: null },
		text: { type: String, default: null },
		reason: { type: String, default: null },
		/** Open text: `visible`, `held` (waiting for a person) or `hidden` (by staff). */
		textStatus: { type: String, default: null },
		clientVoteId: { type: String, required: true },
		changes: { type: Number, default: 0 }
	},
	{ versionKey: false }
);
ballotSchema.index({ pollId: 1, voterKey: 1 }, { unique: true });

/** Who took part in a poll, for participation reports; never what they answered. */
const participationSchema = new Schema(
	{
		/** The poll or survey taken part in. */
		pollId: { type: id, required: true },
		kind: { type: String, default: 'poll', enum: ['poll', 'survey'] },
		participantId: { type: id, required: true },
		orgId: { type: id, required: true },
		hubId: { type: id, required: true },
		/** The day only, so it cannot be lined up with a ballot. */
		day: { type: String, required: true }
	},
	{ versionKey: false }
);
participationSchema.index({ pollId: 1, participantId: 1 }, { unique: true });
participationSchema.index({ orgId: 1, day: 1 });

const suggestionSchema = new Schema(
	{
		pollId: { type: id, required: true },
		/** Lower-case, spacing collapsed: duplicates merge into one suggestion. */
		normKey: { type: String, required: true },
		text: { type: String, required: true },
		supporterKeys: { type: [String], default: [] },
		firstAuthorId: { type: id, required: true },
		status: { type: String, required: true },
		optionId: { type: String, default: null },
		createdAt: { type: Date, required: true, default: () => new Date() }
	},
	{ versionKey: false }
);
suggestionSchema.index({ pollId: 1, normKey: 1 }, { unique: true });

/**
 * A survey. Its content (sections, questions, options, skip logic) is checked by zod and
 * survey-logic.ts on every write and kept as one sub-document, read back through the same schema.
 */
const surveySchema = new Schema(
	{
		orgId: { type: id, required: true },
		hubId: { type: id, required: true },
		/** Audience: a group, the whole hub, or anyone in the hub with the link. */
		audience: { type: String, required: true, enum: ['group', 'hub', 'link'] },
		groupId: { type: id, default: null },
		title: { type: String, required: true },
		content: { type: Schema.Types.Mixed, required: true },
		anonymous: { type: Boolean, default: true },
		state: { type: String, required: true, default: 'draft', enum: ['draft', 'open', 'closed'] },
		opensAt: { type: Date, default: null },
		closesAt: { type: Date, default: null },
		template: { type: String, default: null },
		createdBy: { type: id, default: null },
		createdAt: { type: Date, required: true, default: () => new Date() },
		openedAt: { type: Date, default: null },
		closedAt: { type: Date, default: null }
	},
	{ versionKey: false }
);
surveySchema.index({ orgId: 1, hubId: 1, createdAt: -1 });

/**
 * One young person's response. One per respondent per survey (unique index on an HMAC key, like
 * ballots). Anonymous responses hold no participant id and no times beyond the day submitted.
 */
const surveyResponseSchema = new Schema(
	{
		/** Random, not an ObjectId: an ObjectId carries the time the young person started. */
		_id: { type: String, required: true, default: () => randomBytes(12).toString('base64url') },
		surveyId: { type: id, required: true },
		respondentKey: { type: String, required: true },
		orgId: { type: id, required: true },
		hubId: { type: id, required: true },
		groupId: { type: id, default: null },
		/** Identified surveys only. */
		participantId: { type: id, default: null },
		displayName: { type: String, default: null },
		answers: { type: Schema.Types.Mixed, default: {} },
		/** Free-text answers: question id → visible / held / hidden. */
		textStatus: { type: Schema.Types.Mixed, default: {} },
		state: { type: String, required: true, enum: ['draft', 'submitted'] },
		submittedDay: { type: String, default: null },
		changes: { type: Number, default: 0 }
	},
	{ versionKey: false, minimize: false }
);
surveyResponseSchema.index({ surveyId: 1, respondentKey: 1 }, { unique: true });
surveyResponseSchema.index({ surveyId: 1, state: 1 });

/** "You said, we did": a change made because young people spoke up. */
const feedbackPostSchema = new Schema(
	{
		orgId: { type: id, required: true },
		hubId: { type: id, required: true },
		groupId: { type: id, default: null },
		sourceKind: { type: String, default: null },
		sourceId: { type: id, default: null },
		youSaid: { type: String, required: true },
		weDid: { type: String, required: true },
		status: { type: String, required: true, enum: ['planned', 'in-progress', 'done'] },
		createdBy: { type: id, required: true },
		createdAt: { type: Date, required: true },
		updatedAt: { type: Date, required: true }
	},
	{ versionKey: false }
);
feedbackPostSchema.index({ hubId: 1, createdAt: -1 });
feedbackPostSchema.index({ sourceId: 1 });

const historySchema = new Schema(
	{
		at: { type: Date, required: true },
		by: { type: id, default: null },
		byName: { type: String, required: true },
		action: { type: String, required: true },
		from: { type: String, default: null },
		to: { type: String, default: null },
		note: { type: String, default: null }
	},
	{ _id: false }
);
const contextMessageSchema = new Schema(
	{ id: String, author: String, text: String, at: Date, subject: { type: Boolean, default: false } },
	{ _id: false }
);
const reasonSchema = new Schema({ stage: String, rule: String, category: String }, { _id: false });

/**
 * A safeguarding escalation: persisted before anyone is told, then worked through
 * open → acknowledged → actioned → closed. The text is kept as written, because a safeguarding
 * lead must see exactly what the young person said.
 */
const escalationSchema = new Schema(
	{
		orgId: { type: id, required: true },
		hubId: { type: id, required: true },
		groupId: { type: id, default: null },
		source: { type: String, required: true },
		sourceRef: { type: String, required: true },
		where: { type: String, default: '' },
		text: { type: String, default: '' },
		authorName: { type: String, default: null },
		participantId: { type: id, default: null },
		/** For reports and "I'm worried": who raised it (a participant), and their note. */
		reporterId: { type: id, default: null },
		reportNote: { type: String, default: null },
		severity: { type: String, required: true },
		categories: { type: [String], default: [] },
		reasons: { type: [reasonSchema], default: [] },
		action: { type: String, required: true },
		escalate: { type: Boolean, required: true },
		status: { type: String, required: true, default: 'open' },
		assigneeId: { type: id, default: null },
		outcome: { type: String, default: null },
		falsePositive: { type: Boolean, default: false },
		context: { type: [contextMessageSchema], default: [] },
		notes: { type: [new Schema({ at: Date, by: id, byName: String, text: String }, { _id: false })], default: [] },
		history: { type: [historySchema], default: [] },
		createdAt: { type: Date, required: true, default: () => new Date() },
		ackDueAt: { type: Date, required: true },
		acknowledgedAt: { type: Date, default: null },
		acknowledgedBy: { type: id, default: null },
		actionedAt: { type: Date, default: null },
		closedAt: { type: Date, default: null },
		/** Out-of-app alerts: how many rounds went out, and when the next one is due if still unacknowledged. */
		notifyRound: { type: Number, default: 0 },
		nextNotifyAt: { type: Date, default: null }
	},
	{ versionKey: false }
);
escalationSchema.index({ hubId: 1, status: 1, createdAt: -1 });
escalationSchema.index({ orgId: 1, createdAt: -1 });
escalationSchema.index({ participantId: 1, createdAt: -1 });
escalationSchema.index({ status: 1, nextNotifyAt: 1 });
escalationSchema.index({ source: 1, sourceRef: 1 }, { unique: true });

/**
 * Something waiting for a person's decision: a held answer, suggestion or chat message, or a
 * message young people reported. One per item per queue (`key`); the decision is applied to the
 * item itself by the service that owns it.
 */
const reviewSchema = new Schema(
	{
		key: { type: String, required: true },
		orgId: { type: id, required: true },
		hubId: { type: id, required: true },
		groupId: { type: id, default: null },
		queue: { type: String, required: true, enum: ['held', 'reported'] },
		kind: { type: String, required: true },
		ref: { type: String, required: true },
		/** The poll, survey or room the item belongs to. */
		parentId: { type: String, default: null },
		where: { type: String, default: '' },
		text: { type: String, default: '' },
		authorName: { type: String, default: null },
		participantId: { type: id, default: null },
		severity: { type: String, default: 'none' },
		categories: { type: [String], default: [] },
		reports: { type: [new Schema({ by: id, reason: String, note: String, at: Date }, { _id: false })], default: [] },
		status: { type: String, required: true, default: 'pending' },
		createdAt: { type: Date, required: true, default: () => new Date() },
		decidedAt: { type: Date, default: null },
		decidedBy: { type: id, default: null },
		decidedByName: { type: String, default: null },
		decisionReason: { type: String, default: null }
	},
	{ versionKey: false }
);
reviewSchema.index({ key: 1 }, { unique: true });
reviewSchema.index({ hubId: 1, status: 1, createdAt: -1 });
reviewSchema.index({ kind: 1, ref: 1 });

/**
 * Out-of-app notifications waiting to go (the outbox). The id is the delivery id the receiver
 * de-duplicates on; a delivery is claimed with a lease, so a crash mid-send means it is sent
 * again later with the same id, never lost.
 */
const outboxSchema = new Schema(
	{
		_id: { type: String, required: true },
		channel: { type: String, required: true, enum: ['webhook', 'email'] },
		escalationId: { type: id, required: true },
		orgId: { type: id, required: true },
		/** What is sent: never message text or names. */
		payload: { type: Schema.Types.Mixed, required: true },
		status: { type: String, required: true, default: 'pending', enum: ['pending', 'sent'] },
		attempts: { type: Number, default: 0 },
		nextAttemptAt: { type: Date, required: true },
		leaseUntil: { type: Date, default: null },
		lastError: { type: String, default: null },
		createdAt: { type: Date, required: true },
		sentAt: { type: Date, default: null }
	},
	{ versionKey: false }
);
outboxSchema.index({ status: 1, nextAttemptAt: 1 });

const auditLogSchema = new Schema(
	{
		at: { type: Date, required: true, default: () => new Date() },
		orgId: { type: id, default: null },
		actorType: { type: String, required: true, enum: ['staff', 'participant', 'system'] },
		actorId: { type: id, default: null },
		action: { type: String, required: true },
		targetType: { type: String, default: null },
		targetId: { type: String, default: null },
		hubId: { type: id, default: null },
		/** Small facts about the change; never message text, names or secrets. */
		meta: { type: Schema.Types.Mixed, default: {} }
	},
	{ versionKey: false }
);
auditLogSchema.index({ orgId: 1, at: -1 });
// The audit log is append-only: refuse every update, replace and delete through the app
// (query and document middleware, saves of loaded entries, and bulk writes other than inserts).
const appendOnly = () => {
	throw new Error('The audit log is append-only');
};
for (const op of ['updateOne', 'updateMany', 'findOneAndUpdate', 'findOneAndReplace', 'replaceOne', 'deleteOne', 'deleteMany', 'findOneAndDelete'] as const)
	auditLogSchema.pre(op, { document: true, query: true }, appendOnly);
auditLogSchema.pre('save', function () {
	if (!this.isNew) appendOnly();
});
auditLogSchema.pre('bulkWrite', function (ops: unknown[]) {
	if (ops.some((o) => !Object.keys(o as object).every((k) => k === 'insertOne'))) appendOnly();
});

const metaSchema = new Schema({ _id: { type: String, required: true }, value: Schema.Types.Mixed }, { versionKey: false });

export type OrganisationDoc = InferSchemaType<typeof organisationSchema> & { _id: Types.ObjectId };
export type HubDoc = InferSchemaType<typeof hubSchema> & { _id: Types.ObjectId };
export type GroupDoc = InferSchemaType<typeof groupSchema> & { _id: Types.ObjectId };
export type UserDoc = InferSchemaType<typeof userSchema> & { _id: Types.ObjectId };
export type AuthSessionDoc = InferSchemaType<typeof authSessionSchema>;
export type ParticipantDoc = InferSchemaType<typeof participantSchema> & { _id: Types.ObjectId };
export type InviteDoc = InferSchemaType<typeof inviteSchema> & { _id: Types.ObjectId };
export type LiveSessionDoc = InferSchemaType<typeof liveSessionSchema> & { _id: Types.ObjectId };
export type PollDoc = InferSchemaType<typeof pollSchema> & { _id: Types.ObjectId };
export type BallotDoc = InferSchemaType<typeof ballotSchema>;
export type SuggestionDoc = InferSchemaType<typeof suggestionSchema> & { _id: Types.ObjectId };
export type EscalationDoc = InferSchemaType<typeof escalationSchema> & { _id: Types.ObjectId };
export type SurveyDoc = InferSchemaType<typeof surveySchema> & { _id: Types.ObjectId };
export type SurveyResponseDoc = InferSchemaType<typeof surveyResponseSchema>;
export type FeedbackPostDoc = InferSchemaType<typeof feedbackPostSchema> & { _id: Types.ObjectId };
export type ReviewDoc = InferSchemaType<typeof reviewSchema> & { _id: Types.ObjectId };
export type OutboxDoc = InferSchemaType<typeof outboxSchema>;
export type AuditLogDoc = InferSchemaType<typeof auditLogSchema> & { _id: Types.ObjectId };

export function createModels(conn: Connection) {
	return {
		Organisation: conn.model('Organisation', organisationSchema, 'organisations'),
		Hub: conn.model('Hub', hubSchema, 'hubs'),
		Group: conn.model('Group', groupSchema, 'groups'),
		User: conn.model('User', userSchema, 'users'),
		AuthSession: conn.model('AuthSession', authSessionSchema, 'authSessions'),
		ParticipantToken: conn.model('ParticipantToken', participantTokenSchema, 'participantTokens'),
		Participant: conn.model('Participant', participantSchema, 'participants'),
		Invite: conn.model('Invite', inviteSchema, 'invites'),
		LiveSession: conn.model('LiveSession', liveSessionSchema, 'liveSessions'),
		Poll: conn.model('Poll', pollSchema, 'polls'),
		Ballot: conn.model('Ballot', ballotSchema, 'ballots'),
		Participation: conn.model('Participation', participationSchema, 'participations'),
		Suggestion: conn.model('Suggestion', suggestionSchema, 'suggestions'),
		Escalation: conn.model('Escalation', escalationSchema, 'escalations'),
		Survey: conn.model('Survey', surveySchema, 'surveys'),
		SurveyResponse: conn.model('SurveyResponse', surveyResponseSchema, 'surveyResponses'),
		FeedbackPost: conn.model('FeedbackPost', feedbackPostSchema, 'feedbackPosts'),
		Review: conn.model('Review', reviewSchema, 'reviews'),
		Outbox: conn.model('Outbox', outboxSchema, 'outbox'),
		AuditLog: conn.model('AuditLog', auditLogSchema, 'auditLog'),
		Meta: conn.model('Meta', metaSchema, 'meta'),
		...createChatModels(conn)
	};
}

export type Models = ReturnType<typeof createModels>;

export async function ensureIndexes(models: Models): Promise<void> {
	// Sign-ins were once keyed by a `tokenHash` field with a unique index; they are keyed by
	// `_id` now, and the old index would refuse every second sign-in. Drop it where it exists.
	await models.AuthSession.collection.dropIndex('tokenHash_1').catch(() => undefined);
	for (const model of Object.values(models)) {
		await model.createCollection().catch(() => undefined);
		await model.createIndexes();
	}
}
