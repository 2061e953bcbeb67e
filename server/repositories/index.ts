/**
 * Repositories: the only code that touches mongoose. They take and return plain objects
 * (lean documents), so services hold the rules and stay easy to read.
 */
import { Types } from 'mongoose';
import type { Models } from '../models/index.js';
import { createOrgRepository } from './org.repository.js';
import { createUserRepository } from './user.repository.js';
import { createAuthSessionRepository } from './auth-session.repository.js';
import { createParticipantRepository } from './participant.repository.js';
import { createLiveSessionRepository } from './live-session.repository.js';
import { createPollRepository } from './poll.repository.js';
import { createAuditRepository } from './audit.repository.js';
import { createInviteRepository } from './invite.repository.js';
import { createMetaRepository } from './meta.repository.js';
import { createBallotRepository } from './ballot.repository.js';
import { createSuggestionRepository } from './suggestion.repository.js';
import { createEscalationRepository } from './escalation.repository.js';
import { createReviewRepository } from './review.repository.js';
import { createOutboxRepository } from './outbox.repository.js';
import { createChatRepository } from './chat.repository.js';
import { createSurveyRepository } from './survey.repository.js';
import { createReportRepository } from './report.repository.js';

export function createRepositories(models: Models) {
	return {
		org: createOrgRepository(models),
		users: createUserRepository(models),
		authSessions: createAuthSessionRepository(models),
		participants: createParticipantRepository(models),
		liveSessions: createLiveSessionRepository(models),
		polls: createPollRepository(models),
		audit: createAuditRepository(models),
		invites: createInviteRepository(models),
		meta: createMetaRepository(models),
		ballots: createBallotRepository(models),
		suggestions: createSuggestionRepository(models),
		escalations: createEscalationRepository(models),
		reviews: createReviewRepository(models),
		outbox: createOutboxRepository(models),
		chat: createChatRepository(models),
		surveys: createSurveyRepository(models),
		reports: createReportRepository(models)
	};
}
export type Repositories = ReturnType<typeof createRepositories>;

export const oid = (s: string) => new Types.ObjectId(s);

/** True for MongoDB's duplicate-key error (also what FerretDB returns). */
export function isDuplicateKey(err: unknown): boolean {
	return typeof err === 'object' && err !== null && (err as { code?: number }).code === 11000;
}

/**
 * Runs one collection's guarded writes one at a time in this process. The embedded FerretDB
 * (SQLite) applies a conditional update as read, change, write back the whole document, not
 * atomically: two guarded updates at once can both pass their guard, and the later write undoes
 * the earlier one (an acknowledgement lost to the alert scheduler, a decision applied twice).
 * MongoDB does each atomically anyway; with the embedded database there is one Voicebox process,
 * so queueing its writes here is enough.
 */
export function writeQueue() {
	let tail: Promise<unknown> = Promise.resolve();
	return <T>(write: () => PromiseLike<T>): Promise<T> => {
		const run = tail.then(write, write);
		tail = run.then(
			() => undefined,
			() => undefined
		);
		return run;
	};
}
