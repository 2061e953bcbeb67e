import { randomInt } from 'node:crypto';
import {
	JOIN_CODE_ALPHABET,
	JOIN_CODE_LENGTH,
	type CreateSessionBody,
	type LiveSession,
	type ParticipantIdentity,
	type ParticipantWelcome,
	type Presentation,
	type TimerBody,
	type SessionPresence
} from '../../contracts/index.js';
import { AppError } from '../errors.js';
import { assertScope, hubFilter, staffOf, type Actor } from '../auth/policy.js';
import { hashToken, newToken } from '../auth/tokens.js';
import type { LiveSessionDoc, ParticipantDoc } from '../models/index.js';
import { isDuplicateKey, type Repositories } from '../repositories/index.js';
import { nameKey } from '../repositories/org.repository.js';
import type { AuditService } from './audit.service.js';
import type { Bus } from './bus.js';
import type { NameScope } from './name-check.js';
import type { RateLimiter } from './rate-limit.js';
import { toParticipantPoll, toPoll, type PollService } from './poll.service.js';

const JOIN_WINDOW_MS = 10 * 60 * 1000;
/** Far above any real room (a class joins in a minute or two), far below a scripted flood. */
export const JOIN_PER_CODE_PER_MINUTE = 600;

export function newJoinCode(): string {
	let code = '';
	for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
	return code;
}

export const toParticipant = (p: ParticipantDoc): ParticipantIdentity => ({
	id: String(p._id),
	displayName: p.displayName,
	orgId: String(p.orgId),
	hubId: String(p.hubId),
	groupId: p.groupId ? String(p.groupId) : null,
	sessionId: p.sessionId ? String(p.sessionId) : null
});

export function createLiveSessionService(deps: {
	polls: PollService;
	repos: Repositories;
	audit: AuditService;
	bus: Bus;
	limiter: RateLimiter;
	now: () => Date;
	publicUrl: () => string;
	joinRatePerIp: number;
	isNameAllowed: (name: string, scope: NameScope) => Promise<boolean>;
	participantDays: number;
}) {
	const { repos, audit, bus, limiter, now } = deps;
	const toSession = async (s: LiveSessionDoc): Promise<LiveSession> => ({
		id: String(s._id),
		title: s.title,
		code: s.code,
		state: s.state as LiveSession['state'],
		hubId: String(s.hubId),
		groupId: String(s.groupId),
		participantCount: await repos.participants.countInSession(String(s._id)),
		joinUrl: `${deps.publicUrl()}/join?code=${s.code}`,
		createdAt: s.createdAt.toISOString(),
		closedAt: s.closedAt ? s.closedAt.toISOString() : null,
		currentPollId: s.currentPollId ? String(s.currentPollId) : null,
		showResults: s.showResults ?? false,
		timerEndsAt: s.timerEndsAt ? s.timerEndsAt.toISOString() : null
	});
	/** Results may be shown to the room only when staff chose to and the poll allows it now. */
	const resultsVisible = (showResults: boolean, poll: { state: string; settings: { hideResultsUntilClosed: boolean } }) =>
		showResults && (!poll.settings.hideResultsUntilClosed || poll.state === 'closed');
	async function activityOf(s: LiveSessionDoc) {
		if (!s.currentPollId || s.state !== 'open') return null;
		const doc = await repos.polls.findById(String(s.currentPollId));
		if (!doc) return null;
		const poll = toPoll(doc);
		const visible = resultsVisible(s.showResults ?? false, poll);
		return {
			poll: toParticipantPoll(poll),
			showResults: visible,
			results: visible ? await deps.polls.resultsOf(poll.id, { includeNames: false, includeTexts: true }) : null,
			timerEndsAt: s.timerEndsAt ? s.timerEndsAt.toISOString() : null
		};
	}
	const load = async (actor: Actor, id: string) => {
		const s = await repos.liveSessions.findById(id);
		if (!s) throw new AppError('NOT_FOUND');
		assertScope(actor, { orgId: String(s.orgId), hubId: String(s.hubId) });
		return s;
	};

	return {
		async create(actor: Actor, input: CreateSessionBody): Promise<LiveSession> {
			const user = staffOf(actor);
			const group = await repos.org.findGroup(input.groupId);
			if (!group || String(group.orgId) !== user.orgId) throw new AppError('VALIDATION_FAILED', 'That group does not exist.', { fields: { groupId: 'Unknown group.' } });
			assertScope(actor, { orgId: user.orgId, hubId: String(group.hubId) });
			for (let attempt = 0; ; attempt++) {
				try {
					const s = await repos.liveSessions.create({
						orgId: user.orgId,
						hubId: String(group.hubId),
						groupId: String(group._id),
						title: input.title,
						code: newJoinCode(),
						createdBy: user.id
					});
					await audit.record(actor, 'session.create', { type: 'liveSession', id: String(s._id), hubId: String(s.hubId) });
					return toSession(s);
				} catch (err) {
					if (!isDuplicateKey(err) || attempt > 5) throw err;
				}
			}
		},
		async list(actor: Actor): Promise<LiveSession[]> {
			const user = staffOf(actor);
			return Promise.all((await repos.liveSessions.list(user.orgId, hubFilter(actor))).map(toSession));
		},
		async get(actor: Actor, id: string): Promise<LiveSession> {
			return toSession(await load(actor, id));
		},
		async close(actor: Actor, id: string): Promise<LiveSession> {
			const s = await load(actor, id);
			const closed = await repos.liveSessions.close(String(s._id), now());
			if (closed) {
				await audit.record(actor, 'session.close', { type: 'liveSession', id, hubId: String(s.hubId) });
				bus.emit('session:closed', id);
				return toSession(closed);
			}
			return toSession(s);
		},
		async presence(actor: Actor, id: string): Promise<SessionPresence> {
			const s = await load(actor, id);
			return this.presenceOf(String(s._id));
		},
		/** For the realtime layer, after it has checked scope once. */
		async presenceOf(sessionId: string): Promise<SessionPresence> {
			const people = await repos.participants.listInSession(sessionId);
			return {
				sessionId,
				count: people.length,
				names: people.map((p) => p.displayName),
				people: people.map((p) => ({ id: String(p._id), displayName: p.displayName }))
			};
		},
		/** What a joined young person sees: their name, their session and what is on screen now. */
		async welcome(p: ParticipantIdentity): Promise<ParticipantWelcome> {
			const s = p.sessionId ? await repos.liveSessions.findById(p.sessionId) : null;
			if (!s) throw new AppError('NOT_FOUND', 'You are not in a live session.');
			return {
				displayName: p.displayName,
				session: { id: String(s._id), title: s.title, code: s.code, state: s.state as 'open' | 'closed' },
				activity: await activityOf(s)
			};
		},

		/** What the projector shows: join details, then the current question and results. */
		async presentation(code: string, ip: string): Promise<Presentation> {
			// The projector link is a way to test codes too: wrong guesses count like wrong joins.
			const ipKey = `join:ip:${ip}`;
			if (limiter.peek(ipKey, JOIN_WINDOW_MS) >= deps.joinRatePerIp) throw new AppError('RATE_LIMITED');
			const s = await repos.liveSessions.findByCode(code);
			if (!s) {
				limiter.hit(ipKey, deps.joinRatePerIp, JOIN_WINDOW_MS);
				throw new AppError('JOIN_CODE_INVALID');
			}
			return {
				session: { id: String(s._id), title: s.title, code: s.code, state: s.state as 'open' | 'closed', joinUrl: `${deps.publicUrl()}/join?code=${s.code}` },
				participantCount: await repos.participants.countInSession(String(s._id)),
				activity: await activityOf(s)
			};
		},

		async activity(sessionId: string) {
			const s = await repos.liveSessions.findById(sessionId);
			return s ? activityOf(s) : null;
		},

		/** Put a poll on everyone's screens (opening it if it is a draft), or clear the screens. */
		async setActivity(actor: Actor, sessionId: string, pollId: string | null): Promise<LiveSession> {
			const s = await load(actor, sessionId);
			if (s.state !== 'open') throw new AppError('SESSION_CLOSED');
			if (pollId) {
				const poll = await deps.polls.load(actor, pollId);
				if (poll.hubId !== String(s.hubId) || (poll.groupId && poll.groupId !== String(s.groupId)))
					throw new AppError('VALIDATION_FAILED', 'That poll is for a different group.', { fields: { pollId: 'Choose a poll for this group.' } });
				if (poll.state === 'draft') await deps.polls.open(actor, pollId);
			}
			const next = await repos.liveSessions.setActivity(sessionId, pollId);
			if (!next) throw new AppError('SESSION_CLOSED');
			await audit.record(actor, pollId ? 'session.push-poll' : 'session.clear-activity', { type: 'liveSession', id: sessionId, hubId: String(s.hubId) }, pollId ? { pollId } : {});
			bus.emit('session:activity', sessionId);
			return toSession(next);
		},

		/** The facilitator's optional countdown for the current question. */
		async setTimer(actor: Actor, sessionId: string, body: TimerBody): Promise<LiveSession> {
			const s = await load(actor, sessionId);
			if (!s.currentPollId) throw new AppError('CONFLICT', 'Put a poll on screens before starting a timer.');
			const t = now().getTime();
			const current = s.timerEndsAt && s.timerEndsAt.getTime() > t ? s.timerEndsAt.getTime() : t;
			const endsAt = body.action === 'stop' ? null : new Date((body.action === 'add' ? current : t) + body.seconds * 1000);
			const next = await repos.liveSessions.setTimer(sessionId, endsAt);
			if (!next) throw new AppError('SESSION_CLOSED');
			await audit.record(actor, `session.timer-${body.action}`, { type: 'liveSession', id: sessionId, hubId: String(s.hubId) }, body.action === 'stop' ? {} : { seconds: body.seconds });
			bus.emit('session:activity', sessionId);
			return toSession(next);
		},

		async setShowResults(actor: Actor, sessionId: string, show: boolean): Promise<LiveSession> {
			const s = await load(actor, sessionId);
			const next = await repos.liveSessions.setShowResults(sessionId, show);
			if (!next) throw new AppError('SESSION_CLOSED');
			await audit.record(actor, show ? 'session.show-results' : 'session.hide-results', { type: 'liveSession', id: sessionId, hubId: String(s.hubId) });
			bus.emit('session:activity', sessionId);
			return toSession(next);
		},

		/** Sessions that have this poll on screen now, for live result updates. */
		async sessionsShowing(pollId: string) {
			const sessions = await repos.liveSessions.showingPoll(pollId);
			if (!sessions.length) return [];
			const doc = await repos.polls.findById(pollId);
			const poll = doc ? toPoll(doc) : null;
			return sessions.map((s) => ({ id: String(s._id), resultsVisible: poll !== null && resultsVisible(s.showResults ?? false, poll) }));
		},
		async removeParticipant(actor: Actor, sessionId: string, participantId: string) {
			const s = await load(actor, sessionId);
			const p = await repos.participants.findById(participantId);
			if (!p || String(p.sessionId) !== String(s._id)) throw new AppError('NOT_FOUND');
			await repos.participants.markRemoved(participantId, now());
			await audit.record(actor, 'session.remove-participant', { type: 'participant', id: participantId, hubId: String(s.hubId) });
			bus.emit('participant:removed', sessionId, participantId);
			bus.emit('session:presence-changed', sessionId);
		},

		/**
		 * A young person joins with a code and a nickname. Wrong codes count against the IP, so
		 * codes cannot be guessed; a device that already joined this session gets its identity back.
		 */
		async join(code: string, displayName: string, ip: string, existing: ParticipantIdentity | null) {
			const ipKey = `join:ip:${ip}`;
			if (limiter.peek(ipKey, JOIN_WINDOW_MS) >= deps.joinRatePerIp) throw new AppError('RATE_LIMITED');
			// A known code can be flooded too: cap joins per code, whoever sends them.
			if (!limiter.hit(`join:code:${code}`, JOIN_PER_CODE_PER_MINUTE, 60_000)) throw new AppError('RATE_LIMITED', 'Lots of people are joining right now. Please wait a few seconds and try again.');
			const s = await repos.liveSessions.findByCode(code);
			if (!s) {
				limiter.hit(ipKey, deps.joinRatePerIp, JOIN_WINDOW_MS);
				throw new AppError('JOIN_CODE_INVALID');
			}
			if (s.state !== 'open') throw new AppError('SESSION_CLOSED');
			const sessionId = String(s._id);
			const session = { id: sessionId, title: s.title, code: s.code };
			if (existing && existing.sessionId === sessionId) return { token: null, participant: existing, session };
			if (!(await deps.isNameAllowed(displayName, { orgId: String(s.orgId), hubId: String(s.hubId), groupId: String(s.groupId), where: `Joining: ${s.title}` })))
				throw new AppError('NAME_NOT_ALLOWED', undefined, { fields: { displayName: 'Please choose a different name.' } });
			const token = newToken();
			try {
				const p = await repos.participants.create({
					orgId: String(s.orgId),
					hubId: String(s.hubId),
					groupId: String(s.groupId),
					sessionId,
					displayName,
					uniqueKey: `s:${sessionId}:${nameKey(displayName)}`,
					tokenHash: hashToken(token)
				});
				const participant = toParticipant(p);
				await audit.record({ kind: 'participant', participant }, 'session.join', { type: 'liveSession', id: sessionId, hubId: String(s.hubId) });
				bus.emit('session:presence-changed', sessionId);
				return { token, participant, session, maxAgeSeconds: deps.participantDays * 86400 };
			} catch (err) {
				if (isDuplicateKey(err)) throw new AppError('NAME_TAKEN', undefined, { fields: { displayName: 'Someone here already has that name.' } });
				throw err;
			}
		}
	};
}
export type LiveSessionService = ReturnType<typeof createLiveSessionService>;
