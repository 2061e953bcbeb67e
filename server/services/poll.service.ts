/**
 * Polls: building them, their life (draft → [suggesting →] open → closed), votes and
 * suggestions from young people, and results. Tallies are always recomputed from the stored
 * ballots (tally.ts), so what is shown can never drift from what was cast.
 */
import { createHmac, randomUUID } from 'node:crypto';
import {
	pollSettings,
	scalePoints,
	type BallotValue,
	type CreatePollBody,
	type ParticipantIdentity,
	type ParticipantPoll,
	type Poll,
	type PollResults,
	type PollSettings,
	type SuggestBody,
	type Suggestion,
	type VoteBody
} from '../../contracts/index.js';
import { AppError } from '../errors.js';
import { assertScope, hubFilter, staffOf, type Actor } from '../auth/policy.js';
import type { PollDoc } from '../models/index.js';
import type { ContentModerator, ContentVerdict } from '../moderation.js';
import { toValue } from '../repositories/ballot.repository.js';
import { isDuplicateKey, type Repositories } from '../repositories/index.js';
import type { AuditService } from './audit.service.js';
import type { Bus } from './bus.js';
import type { EscalationService } from './escalation.service.js';
import type { ReviewService } from './review.service.js';
import { checkBallot, tally, type ScaleSpec, type TallyInput } from './tally.js';

type Settings = PollSettings;

function toSettings(p: PollDoc): Settings {
	const s = p.settings ?? ({} as NonNullable<PollDoc['settings']>);
	return pollSettings.parse({
		anonymous: s.anonymous ?? true,
		allowChange: s.allowChange ?? true,
		hideResultsUntilClosed: s.hideResultsUntilClosed ?? false,
		allowDontKnow: s.allowDontKnow ?? true,
		allowSkip: s.allowSkip ?? true,
		...(s.maxPicks ? { maxPicks: s.maxPicks } : {}),
		...(s.maxRanks ? { maxRanks: s.maxRanks } : {}),
		...(s.scale?.style ? { scale: { style: s.scale.style, min: s.scale.min ?? 1, max: s.scale.max ?? 5 } } : {}),
		...(s.voteType ? { voteType: s.voteType } : {})
	});
}

export const toPoll = (p: PollDoc): Poll => ({
	id: String(p._id),
	title: p.title,
	description: p.description ?? '',
	type: p.type as Poll['type'],
	state: p.state as Poll['state'],
	options: (p.options ?? []).map((o) => ({
		id: o.id,
		label: o.label,
		...(o.easyRead ? { easyRead: o.easyRead } : {}),
		...(o.emoji ? { emoji: o.emoji } : {})
	})),
	settings: toSettings(p),
	hubId: String(p.hubId),
	groupId: p.groupId ? String(p.groupId) : null,
	published: p.published ?? false,
	createdAt: p.createdAt.toISOString(),
	openedAt: p.openedAt ? p.openedAt.toISOString() : null,
	closedAt: p.closedAt ? p.closedAt.toISOString() : null
});

/** How a poll is answered right now. */
export function answerAs(p: Poll): ParticipantPoll['answerAs'] {
	if (p.type !== 'suggest') return p.type;
	return p.state === 'suggesting' ? 'suggest' : (p.settings.voteType ?? 'ranked');
}

export const toParticipantPoll = (p: Poll): ParticipantPoll => ({
	id: p.id,
	title: p.title,
	description: p.description,
	type: p.type,
	answerAs: answerAs(p),
	state: p.state,
	options: p.options,
	settings: p.settings
});

function scaleOf(p: Poll): ScaleSpec | undefined {
	const s = p.settings.scale;
	if (!s) return undefined;
	const named = s.style === 'numbers' ? null : scalePoints[s.style];
	return { min: s.min, max: s.max, ...(named ? { labels: Object.fromEntries(named.map((n) => [n.value, n.label])) } : {}) };
}

function rulesOf(p: Poll): Omit<TallyInput, 'ballots' | 'seed'> {
	const type = answerAs(p);
	const t = (type === 'suggest' ? 'open' : type) as TallyInput['type'];
	return {
		type: t,
		options: p.options.map((o) => ({ id: o.id, label: o.label })),
		...(p.settings.maxPicks ? { maxPicks: p.settings.maxPicks } : {}),
		...(p.settings.maxRanks ? { maxRanks: p.settings.maxRanks } : {}),
		...(scaleOf(p) ? { scale: scaleOf(p)! } : {})
	};
}

function ballotFromBody(b: VoteBody): BallotValue {
	if (b.abstain) return { kind: 'abstain', reason: b.abstain };
	if (b.choice !== undefined) return { kind: 'choice', choice: b.choice };
	if (b.choices !== undefined) return { kind: 'choices', choices: b.choices };
	if (b.ranking !== undefined) return { kind: 'ranking', ranking: b.ranking };
	if (b.rating !== undefined) return { kind: 'rating', rating: b.rating };
	return { kind: 'text', text: b.text ?? '' };
}

/** One answer in words, for named-poll lists and exports; abstentions in brackets so no option is mistaken for one. */
export function describeAnswer(p: Poll, v: BallotValue): string {
	const label = (id: string) => p.options.find((o) => o.id === id)?.label ?? id;
	switch (v.kind) {
		case 'choice':
			return label(v.choice);
		case 'choices':
			return v.choices.map(label).join('; ');
		case 'ranking':
			return v.ranking.map(label).join(' > ');
		case 'rating':
			return String(v.rating);
		case 'text':
			return v.text;
		default:
			return v.reason === 'skip' ? '(skipped)' : "(don't know)";
	}
}

const sameValue = (a: BallotValue, b: BallotValue) => JSON.stringify(a) === JSON.stringify(b);
export const suggestionKey = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();
const CHOICE_TYPES = new Set(['single', 'multiple', 'ranked']);

export function createPollService(deps: {
	repos: Repositories;
	audit: AuditService;
	bus: Bus;
	now: () => Date;
	moderator: ContentModerator | null;
	voteKeySecret: () => Promise<string>;
	escalations: EscalationService;
	reviews: ReviewService;
}) {
	const { repos, audit, bus, now, escalations, reviews } = deps;

	const voterKey = async (pollId: string, participantId: string) =>
		createHmac('sha256', await deps.voteKeySecret()).update(`${pollId}:${participantId}`).digest('base64url');

	async function load(actor: Actor, id: string) {
		const p = await repos.polls.findById(id);
		if (!p) throw new AppError('NOT_FOUND');
		assertScope(actor, { orgId: String(p.orgId), hubId: String(p.hubId) });
		return p;
	}

	/** A young person may answer polls of their own hub, for their group or for everyone in it. */
	async function loadForParticipant(participant: ParticipantIdentity, id: string) {
		const p = await repos.polls.findById(id);
		if (!p || String(p.hubId) !== participant.hubId || (p.groupId && String(p.groupId) !== participant.groupId)) throw new AppError('NOT_FOUND');
		return toPoll(p);
	}

	async function moderate(text: string, surface: 'open-text' | 'name-suggestion', orgId: string): Promise<ContentVerdict> {
		if (!deps.moderator) return { action: 'allow', escalate: false, severity: 'none', categories: [], reasons: [] };
		return deps.moderator.check(text, surface, orgId);
	}

	/**
	 * After the filter: hold the item for a person when it said so, and raise a concern when it
	 * escalated (persisted before anyone is told; the escalation service tells the moderators).
	 */
	async function afterVerdict(
		verdict: ContentVerdict,
		item: { kind: 'answer' | 'suggestion'; ref: string; poll: Poll; text: string; held: boolean },
		participant: ParticipantIdentity
	) {
		const named = !item.poll.settings.anonymous;
		const where = `${item.kind === 'answer' ? 'Poll' : 'Name suggestions'}: ${item.poll.title}`;
		if (verdict.escalate)
			await escalations.raise({
				orgId: participant.orgId,
				hubId: participant.hubId,
				groupId: participant.groupId,
				source: item.kind === 'answer' ? 'poll-answer' : 'poll-suggestion',
				sourceRef: item.ref,
				where,
				text: item.text,
				// Safeguarding comes before anonymity: a lead must be able to reach a child at risk.
				authorName: participant.displayName,
				participantId: participant.id,
				verdict
			});
		if (item.held)
			await reviews.hold({
				kind: item.kind,
				ref: item.ref,
				parentId: item.poll.id,
				orgId: participant.orgId,
				hubId: participant.hubId,
				groupId: participant.groupId,
				where,
				text: item.text,
				// The held queue shows names only where the poll itself is named.
				authorName: named ? participant.displayName : null,
				participantId: named ? participant.id : null,
				severity: verdict.severity,
				categories: verdict.categories
			});
	}

	function changed(p: Poll) {
		bus.emit('poll:changed', p.id);
	}

	// How the review queue's decisions apply to poll items.
	reviews.registerKind('answer', {
		labels: { held: { approve: 'Approve: show it', reject: 'Keep it hidden' }, reported: { approve: 'Keep it showing', reject: 'Hide it' } },
		async decide({ ref, parentId }, decision, actor) {
			if (!parentId) return;
			const p = await repos.polls.findById(parentId);
			const b = await repos.ballots.setTextStatus(parentId, ref, decision === 'approve' ? 'visible' : 'hidden');
			if (!b || !p) return;
			await audit.record(actor, decision === 'approve' ? 'poll.answer-approve' : 'poll.answer-hide', { type: 'poll', id: parentId, hubId: String(p.hubId) }, { ballotId: ref });
			bus.emit('poll:voted', parentId);
		}
	});
	reviews.registerKind('suggestion', {
		labels: { held: { approve: 'Release to staff', reject: 'Turn it down' }, reported: { approve: 'Keep it', reject: 'Turn it down' } },
		async decide({ ref, parentId }, decision, actor) {
			if (!parentId) return;
			const p = await repos.polls.findById(parentId);
			await repos.suggestions.setStatus(ref, decision === 'approve' ? 'pending' : 'rejected');
			await audit.record(actor, decision === 'approve' ? 'poll.suggestion-release' : 'poll.suggestion-reject', { type: 'poll', id: parentId, hubId: p ? String(p.hubId) : null }, { suggestionId: ref });
			bus.emit('poll:suggested', parentId);
		}
	});

	return {
		load: async (actor: Actor, id: string) => toPoll(await load(actor, id)),

		async list(actor: Actor): Promise<Poll[]> {
			const user = staffOf(actor);
			return (await repos.polls.list(user.orgId, hubFilter(actor))).map(toPoll);
		},

		async listForGroup(groupId: string, hubId: string): Promise<Poll[]> {
			return (await repos.polls.listForGroup(groupId, hubId)).map(toPoll);
		},

		async get(actor: Actor, id: string): Promise<Poll> {
			return toPoll(await load(actor, id));
		},

		async create(actor: Actor, input: CreatePollBody): Promise<Poll> {
			const user = staffOf(actor);
			assertScope(actor, { orgId: user.orgId, hubId: input.hubId });
			if (input.groupId) {
				const g = await repos.org.findGroup(input.groupId);
				if (!g || String(g.hubId) !== input.hubId) throw new AppError('VALIDATION_FAILED', 'That group is not in this hub.', { fields: { groupId: 'Unknown group.' } });
			}
			if (CHOICE_TYPES.has(input.type) && input.options.length < 2)
				throw new AppError('VALIDATION_FAILED', 'A choice poll needs at least two options.', { fields: { options: 'Add at least two options.' } });
			const labels = input.options.map((o) => o.label.toLowerCase());
			if (new Set(labels).size !== labels.length) throw new AppError('VALIDATION_FAILED', 'Two options have the same words.', { fields: { options: 'Each option must be different.' } });
			const settings: Settings = { ...input.settings };
			if (input.type === 'scale') settings.scale ??= { style: 'numbers', min: 1, max: 5 };
			if (input.type === 'suggest') settings.voteType ??= 'ranked';
			const p = await repos.polls.create({
				orgId: user.orgId,
				hubId: input.hubId,
				groupId: input.groupId,
				title: input.title,
				description: input.description,
				type: input.type,
				options: input.type === 'scale' || input.type === 'open' ? [] : input.options.map((o) => ({ id: randomUUID().slice(0, 8), ...o })),
				settings,
				createdBy: user.id
			});
			await audit.record(actor, 'poll.create', { type: 'poll', id: String(p._id), hubId: input.hubId }, { type: input.type, anonymous: settings.anonymous });
			return toPoll(p);
		},

		/** Draft → open (a suggest poll starts by collecting suggestions). */
		async open(actor: Actor, id: string): Promise<Poll> {
			const current = toPoll(await load(actor, id));
			if (current.state === 'open' || current.state === 'suggesting') return current;
			let next;
			if (current.type === 'suggest' && current.state === 'draft') next = await repos.polls.transition(id, ['draft'], { state: 'suggesting', openedAt: now() });
			else {
				if (CHOICE_TYPES.has(answerAs(current)) && current.options.length < 2)
					throw new AppError('VALIDATION_FAILED', 'Approve at least two suggestions before the vote starts.');
				next = await repos.polls.transition(id, ['draft', 'suggesting'], { state: 'open', openedAt: current.openedAt ?? now() });
			}
			if (!next) throw new AppError('POLL_CLOSED', 'This poll has closed.');
			const poll = toPoll(next);
			await audit.record(actor, 'poll.open', { type: 'poll', id, hubId: poll.hubId }, { state: poll.state });
			changed(poll);
			return poll;
		},

		/** For suggest polls: stop collecting and start the vote on the shortlist. */
		async startVote(actor: Actor, id: string): Promise<Poll> {
			const current = toPoll(await load(actor, id));
			if (current.type !== 'suggest' || current.state !== 'suggesting') throw new AppError('CONFLICT', 'This poll is not collecting suggestions.');
			if (current.options.length < 2) throw new AppError('VALIDATION_FAILED', 'Approve at least two suggestions before the vote starts.');
			const next = await repos.polls.transition(id, ['suggesting'], { state: 'open' });
			if (!next) throw new AppError('CONFLICT', 'This poll is not collecting suggestions.');
			const poll = toPoll(next);
			await audit.record(actor, 'poll.start-vote', { type: 'poll', id, hubId: poll.hubId });
			changed(poll);
			return poll;
		},

		async close(actor: Actor, id: string): Promise<Poll> {
			const current = toPoll(await load(actor, id));
			if (current.state === 'closed') return current;
			const next = await repos.polls.transition(id, ['draft', 'suggesting', 'open'], { state: 'closed', closedAt: now() });
			const poll = next ? toPoll(next) : toPoll((await repos.polls.findById(id))!);
			await audit.record(actor, 'poll.close', { type: 'poll', id, hubId: poll.hubId });
			changed(poll);
			return poll;
		},

		async publish(actor: Actor, id: string, published: boolean): Promise<Poll> {
			const current = toPoll(await load(actor, id));
			if (published && current.state !== 'closed') throw new AppError('CONFLICT', 'Close the poll before publishing its results.');
			const poll = toPoll((await repos.polls.setPublished(id, published))!);
			await audit.record(actor, published ? 'poll.publish' : 'poll.unpublish', { type: 'poll', id, hubId: poll.hubId });
			return poll;
		},

		/**
		 * One answer from a young person. A retry with the same clientVoteId changes nothing; a new
		 * answer replaces the old one while the poll is open (if the poll allows changes).
		 */
		async vote(participant: ParticipantIdentity, body: VoteBody) {
			const poll = await loadForParticipant(participant, body.pollId);
			const as = answerAs(poll);
			if (poll.state !== 'open' || as === 'suggest') throw new AppError('POLL_CLOSED', poll.state === 'closed' ? undefined : 'This question is not open for answers yet.');
			const value = ballotFromBody(body);
			if (value.kind === 'abstain' && !(value.reason === 'skip' ? poll.settings.allowSkip : poll.settings.allowDontKnow))
				throw new AppError('VALIDATION_FAILED', 'This question needs an answer.');
			const problem = checkBallot(rulesOf(poll), value);
			if (problem) throw new AppError('VALIDATION_FAILED', problem);

			const key = await voterKey(poll.id, participant.id);
			const existing = await repos.ballots.find(poll.id, key);
			if (existing && existing.clientVoteId === body.clientVoteId) {
				// A retry of an answer already stored: the same reply, nothing counted twice.
				return { status: existing.textStatus === 'held' ? ('held' as const) : ('counted' as const), value: toValue(existing), changed: false };
			}
			if (existing && !poll.settings.allowChange) throw new AppError('ALREADY_VOTED');

			let verdict: ContentVerdict | null = null;
			if (value.kind === 'text') verdict = await moderate(value.text, 'open-text', participant.orgId);
			const textStatus = value.kind === 'text' ? (verdict && verdict.action !== 'allow' ? 'held' : 'visible') : null;
			const write = {
				pollId: poll.id,
				voterKey: key,
				clientVoteId: body.clientVoteId,
				value,
				textStatus,
				named: poll.settings.anonymous ? null : { participantId: participant.id, displayName: participant.displayName }
			} as const;
			let stored;
			let previous = existing ? toValue(existing) : null;
			if (!existing) {
				try {
					stored = await repos.ballots.insert(write);
				} catch (err) {
					if (!isDuplicateKey(err)) throw err;
					// Two requests raced; the other is stored. Same id: a retry. Otherwise a change.
					// (By its fields too: a ballot stored before ids were derived from the voter key.)
					const raced = ((await repos.ballots.find(poll.id, key)) ?? (await repos.ballots.findByFields(poll.id, key)))!;
					if (raced.clientVoteId === body.clientVoteId) return { status: raced.textStatus === 'held' ? ('held' as const) : ('counted' as const), value: toValue(raced), changed: false };
					if (!poll.settings.allowChange) throw new AppError('ALREADY_VOTED');
					previous = toValue(raced);
					stored = await repos.ballots.replace(String(raced._id), write);
				}
			} else stored = await repos.ballots.replace(String(existing._id), write);
			await repos.ballots.recordParticipation({ pollId: poll.id, participantId: participant.id, orgId: participant.orgId, hubId: participant.hubId, day: now().toISOString().slice(0, 10) });
			const ballotId = String((stored as { _id: string })._id);
			if (verdict && value.kind === 'text') await afterVerdict(verdict, { kind: 'answer', ref: ballotId, poll, text: value.text, held: textStatus === 'held' }, participant);
			// A changed answer replaces the old one: a check still waiting on the old text is moot.
			if (existing?.textStatus === 'held' && textStatus !== 'held') await reviews.supersede('answer', ballotId, participant.hubId);
			bus.emit('poll:voted', poll.id);
			return {
				status: textStatus === 'held' ? ('held' as const) : ('counted' as const),
				value,
				changed: previous !== null && !sameValue(previous, value),
				...(verdict?.support ? { support: verdict.support } : {})
			};
		},

		async isNamed(pollId: string): Promise<boolean> {
			const p = await repos.polls.findById(pollId);
			return p ? !toPoll(p).settings.anonymous : false;
		},

		async myBallot(participant: ParticipantIdentity, pollId: string) {
			const poll = await loadForParticipant(participant, pollId);
			const key = await voterKey(poll.id, participant.id);
			const b = await repos.ballots.find(poll.id, key);
			const mine = poll.type === 'suggest' ? (await repos.suggestions.listByVoter(poll.id, key)).map((s) => s.text) : [];
			return { value: b ? toValue(b) : null, held: b?.textStatus === 'held', suggestions: mine };
		},

		/** A name suggestion; the same idea from several people becomes one suggestion with more support. */
		async suggest(participant: ParticipantIdentity, body: SuggestBody) {
			const poll = await loadForParticipant(participant, body.pollId);
			if (poll.type !== 'suggest' || poll.state !== 'suggesting') throw new AppError('POLL_CLOSED', 'Suggestions are closed for this question.');
			const verdict = await moderate(body.text, 'name-suggestion', participant.orgId);
			const key = await voterKey(poll.id, participant.id);
			const { doc, created } = await repos.suggestions.addOrSupport({
				pollId: poll.id,
				normKey: suggestionKey(body.text),
				text: body.text,
				voterKey: key,
				authorId: participant.id,
				status: verdict.action === 'allow' ? 'pending' : 'held'
			});
			if (created) await afterVerdict(verdict, { kind: 'suggestion', ref: String(doc._id), poll, text: body.text, held: doc.status === 'held' }, participant);
			bus.emit('poll:suggested', poll.id);
			return {
				status: doc.status === 'held' ? ('held' as const) : ('received' as const),
				merged: !created,
				...(verdict.support ? { support: verdict.support } : {})
			};
		},

		async suggestions(actor: Actor, pollId: string): Promise<Suggestion[]> {
			await load(actor, pollId);
			return (await repos.suggestions.list(pollId)).map((s) => ({
				id: String(s._id),
				text: s.text,
				count: s.supporterKeys.length,
				status: s.status as Suggestion['status'],
				optionId: s.optionId ?? null
			}));
		},

		async decideSuggestion(actor: Actor, pollId: string, suggestionId: string, approve: boolean): Promise<Poll> {
			const p = toPoll(await load(actor, pollId));
			const s = await repos.suggestions.findById(suggestionId);
			if (!s || String(s.pollId) !== pollId) throw new AppError('NOT_FOUND');
			if (p.state === 'closed') throw new AppError('POLL_CLOSED', 'This poll has closed.');
			if (approve && p.state === 'open') throw new AppError('CONFLICT', 'The vote has started; the shortlist is fixed now.');
			let poll = p;
			if (approve) {
				const optionId = `s${String(s._id).slice(-7)}`;
				const next = await repos.polls.addOption(pollId, { id: optionId, label: s.text });
				poll = next ? toPoll(next) : p;
				await repos.suggestions.setStatus(suggestionId, 'approved', optionId);
			} else await repos.suggestions.setStatus(suggestionId, 'rejected');
			await audit.record(actor, approve ? 'poll.suggestion-approve' : 'poll.suggestion-reject', { type: 'poll', id: pollId, hubId: p.hubId }, { suggestionId });
			changed(poll);
			return poll;
		},

		/** Staff may hide any open-text answer; moderators approve held ones. */
		async setAnswerStatus(actor: Actor, pollId: string, ballotId: string, status: 'visible' | 'hidden') {
			const p = toPoll(await load(actor, pollId));
			// A held answer is decided once, in the review queue (which records who and when).
			const pending = await reviews.pendingHeld('answer', ballotId);
			if (pending) {
				if (status === 'visible' && !(actor.kind === 'staff' && actor.user.role !== 'staff')) throw new AppError('FORBIDDEN');
				await reviews.decide(actor, pending, { decision: status === 'visible' ? 'approve' : 'reject' });
				return;
			}
			if (status === 'visible') {
				const current = (await repos.ballots.listForPoll(pollId)).find((b) => b._id === ballotId);
				if (current?.textStatus === 'held') throw new AppError('CONFLICT', 'This answer is waiting for a moderator.');
			}
			const b = await repos.ballots.setTextStatus(pollId, ballotId, status);
			if (!b) throw new AppError('NOT_FOUND');
			await audit.record(actor, status === 'visible' ? 'poll.answer-approve' : 'poll.answer-hide', { type: 'poll', id: pollId, hubId: p.hubId }, { ballotId });
			bus.emit('poll:voted', pollId);
		},

		/** A moderator lets a held suggestion through to staff's shortlist, or turns it down. */
		async reviewSuggestion(actor: Actor, pollId: string, suggestionId: string, release: boolean) {
			const p = toPoll(await load(actor, pollId));
			const s = await repos.suggestions.findById(suggestionId);
			if (!s || String(s.pollId) !== pollId || s.status !== 'held') throw new AppError('NOT_FOUND');
			const pending = await reviews.pendingHeld('suggestion', suggestionId);
			if (pending) {
				await reviews.decide(actor, pending, { decision: release ? 'approve' : 'reject' });
				return;
			}
			await repos.suggestions.setStatus(suggestionId, release ? 'pending' : 'rejected');
			await audit.record(actor, release ? 'poll.suggestion-release' : 'poll.suggestion-reject', { type: 'poll', id: pollId, hubId: p.hubId }, { suggestionId });
			bus.emit('poll:suggested', pollId);
		},

		/** Open-text answers for staff: with moderation status, never who wrote them (unless named). */
		async answers(actor: Actor, pollId: string) {
			await load(actor, pollId);
			return (await repos.ballots.listForPoll(pollId))
				.filter((b) => b.kind === 'text')
				.map((b) => ({ id: b._id, text: b.text ?? '', status: (b.textStatus ?? 'visible') as 'visible' | 'held' | 'hidden', displayName: b.displayName ?? null }));
		},

		/** Results recomputed from the ballots. */
		async resultsOf(pollId: string, opts: { includeNames: boolean; includeTexts: boolean }): Promise<PollResults> {
			const doc = await repos.polls.findById(pollId);
			if (!doc) throw new AppError('NOT_FOUND');
			const poll = toPoll(doc);
			const ballots = await repos.ballots.listForPoll(pollId);
			const rules = rulesOf(poll);
			const countable = ballots.filter((b) => b.kind !== 'text' || b.textStatus === 'visible');
			const t = tally({ ...rules, ballots: countable.map(toValue), seed: poll.id });
			return {
				pollId: poll.id,
				title: poll.title,
				state: poll.state,
				...t,
				...(rules.type === 'open' && opts.includeTexts ? { texts: countable.filter((b) => b.kind === 'text').map((b) => b.text ?? '') } : {}),
				...(opts.includeNames && !poll.settings.anonymous
					? { named: ballots.filter((b) => b.displayName).map((b) => ({ displayName: b.displayName!, answer: describeAnswer(poll, toValue(b)) })) }
					: {})
			};
		},

		async results(actor: Actor, pollId: string) {
			await load(actor, pollId);
			return this.resultsOf(pollId, { includeNames: true, includeTexts: true });
		},

		async publicResults(pollId: string) {
			const p = await repos.polls.findById(pollId);
			if (!p || !p.published || p.state !== 'closed') throw new AppError('NOT_FOUND');
			return { poll: toParticipantPoll(toPoll(p)), results: await this.resultsOf(pollId, { includeNames: false, includeTexts: true }) };
		},

		/** Anonymised export: one row per ballot, no voter keys or ids. */
		async exportRows(actor: Actor, pollId: string) {
			const poll = toPoll(await load(actor, pollId));
			const ballots = await repos.ballots.listForPoll(pollId);
			const rows = ballots
				.filter((b) => b.kind !== 'text' || b.textStatus === 'visible')
				.map((b) => ({ ...(poll.settings.anonymous ? {} : { name: b.displayName ?? '' }), answer: describeAnswer(poll, toValue(b)) }));
			// Shuffle so row order says nothing about who voted when.
			for (let i = rows.length - 1; i > 0; i--) {
				const j = Math.floor(Math.random() * (i + 1));
				[rows[i], rows[j]] = [rows[j]!, rows[i]!];
			}
			await audit.record(actor, 'poll.export', { type: 'poll', id: pollId, hubId: poll.hubId });
			return { poll, rows };
		}
	};
}
export type PollService = ReturnType<typeof createPollService>;
