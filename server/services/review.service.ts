/**
 * The review queues: things the safeguarding filter held for a person to decide (answers,
 * suggestions, chat messages, survey answers) and messages young people reported. Each kind of
 * item is owned by its own service, which registers how "approve" and "reject" apply to it; this
 * service keeps one queue, decides once (a guarded update), and audits every decision.
 */
import { sourceOfReviewKind, type ReviewDecisionBody, type ReviewItem, type ReviewKind, type ReviewQuery } from '../../contracts/index.js';
import { assertScope, canSeeHub, hubFilter, staffOf, type Actor } from '../auth/policy.js';
import { AppError } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { AuditService } from './audit.service.js';
import type { Bus } from './bus.js';

type ReviewRow = NonNullable<Awaited<ReturnType<Repositories['reviews']['findById']>>>;

export interface ReviewKindHandler {
	/** Apply a decision to the item itself (show it, keep it hidden, hide it...). */
	decide(item: { ref: string; parentId: string | null }, decision: 'approve' | 'reject', actor: Actor, queue: 'held' | 'reported', reason: string | null): Promise<void>;
	/** What the two buttons mean for this kind of item, per queue. */
	labels: Record<'held' | 'reported', { approve: string; reject: string }>;
}

export interface HoldInput {
	kind: ReviewKind;
	ref: string;
	parentId: string | null;
	orgId: string;
	hubId: string;
	groupId: string | null;
	where: string;
	text: string;
	authorName: string | null;
	participantId: string | null;
	severity: string;
	categories: string[];
}

export function createReviewService(deps: { repos: Repositories; audit: AuditService; bus: Bus; now: () => Date }) {
	const { repos, audit, bus, now } = deps;
	const kinds = new Map<string, ReviewKindHandler>();
	const hubNames = new Map<string, string>();

	const hubName = async (id: string) => {
		if (!hubNames.has(id)) hubNames.set(id, (await repos.org.findHub(id))?.name ?? '');
		return hubNames.get(id)!;
	};

	async function toItem(r: ReviewRow, escalationId: string | null = null): Promise<ReviewItem> {
		const queue = r.queue as 'held' | 'reported';
		const labels = kinds.get(r.kind)?.labels[queue] ?? { approve: 'Approve', reject: 'Reject' };
		return {
			id: String(r._id),
			queue,
			kind: r.kind as ReviewKind,
			ref: r.ref,
			hubId: String(r.hubId),
			hubName: await hubName(String(r.hubId)),
			groupId: r.groupId ? String(r.groupId) : null,
			where: r.where ?? '',
			text: r.text ?? '',
			authorName: r.authorName ?? null,
			severity: (r.severity ?? 'none') as ReviewItem['severity'],
			categories: [...(r.categories ?? [])],
			status: r.status as ReviewItem['status'],
			createdAt: r.createdAt.toISOString(),
			reports: (r.reports ?? []).map((x) => ({ reason: x.reason ?? 'other', note: x.note ?? null })),
			decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
			decidedByName: r.decidedByName ?? null,
			decisionReason: r.decisionReason ?? null,
			escalationId,
			approveLabel: labels.approve,
			rejectLabel: labels.reject
		};
	}

	const base = (i: HoldInput, queue: 'held' | 'reported', key: string) => ({ ...i, key, queue, createdAt: now() });

	return {
		registerKind(kind: ReviewKind, handler: ReviewKindHandler) {
			kinds.set(kind, handler);
		},

		/** Put an item in the held queue (again, if it was decided and is now held anew). */
		async hold(i: HoldInput) {
			await repos.reviews.upsertHeld(base(i, 'held', `held:${i.kind}:${i.ref}`));
			bus.emit('moderation:held', i.hubId);
		},

		/** A young person reported an item; several reports of one item stay one queue entry. */
		async report(i: HoldInput, report: { by: string; reason: string; note: string | null }) {
			const key = `reported:${i.kind}:${i.ref}`;
			await repos.reviews.addReport(base(i, 'reported', key), { ...report, at: now() });
			await repos.reviews.reopen(key);
			bus.emit('moderation:held', i.hubId);
		},

		/** The item changed (an answer replaced, a message deleted): a pending hold no longer applies. */
		async supersede(kind: ReviewKind, ref: string, hubId: string) {
			const r = await repos.reviews.supersede(kind, ref);
			if (r.modifiedCount) bus.emit('moderation:held', hubId);
		},

		async list(actor: Actor, q: ReviewQuery): Promise<ReviewItem[]> {
			const user = staffOf(actor);
			const rows = await repos.reviews.list(user.orgId, hubFilter(actor), q);
			// Link each item to the concern raised about the same text, in one query per kind.
			const linked = new Map<string, string>();
			for (const kind of new Set(rows.map((r) => r.kind))) {
				const refs = rows.filter((r) => r.kind === kind).map((r) => r.ref);
				const source = sourceOfReviewKind[kind as ReviewKind];
				if (!source) continue;
				// Survey concerns are raised per save (`response:question:n`); match them by the answer.
				const found = source === 'survey-answer' ? await repos.escalations.findBySourcePrefixes(source, refs.map((ref) => `${ref}:`)) : await repos.escalations.findBySources(source, refs);
				for (const e of found) linked.set(`${kind}:${source === 'survey-answer' ? e.sourceRef.split(':').slice(0, 2).join(':') : e.sourceRef}`, String(e._id));
			}
			return Promise.all(rows.map((r) => toItem(r as ReviewRow, linked.get(`${r.kind}:${r.ref}`) ?? null)));
		},

		async counts(actor: Actor) {
			const user = staffOf(actor);
			const rows = await repos.reviews.countPending(user.orgId, hubFilter(actor));
			return { held: rows.filter((r) => r.queue === 'held').length, reported: rows.filter((r) => r.queue === 'reported').length };
		},

		async decide(actor: Actor, id: string, body: ReviewDecisionBody): Promise<ReviewItem> {
			const user = staffOf(actor);
			const r = await repos.reviews.findById(id);
			if (!r) throw new AppError('NOT_FOUND');
			assertScope(actor, { orgId: String(r.orgId), hubId: String(r.hubId) });
			if (r.status !== 'pending') throw new AppError('CONFLICT', 'Someone has already decided this one.');
			const handler = kinds.get(r.kind);
			if (!handler) throw new AppError('CONFLICT', 'This kind of item cannot be decided here.');
			// Claim the decision first, so two moderators cannot both apply one.
			const decided = await repos.reviews.decide(id, {
				status: body.decision === 'approve' ? 'approved' : 'rejected',
				at: now(),
				by: user.id,
				byName: user.displayName,
				reason: body.reason ?? null
			});
			if (!decided) throw new AppError('CONFLICT', 'Someone has already decided this one.');
			await handler.decide({ ref: r.ref, parentId: r.parentId ?? null }, body.decision, actor, r.queue as 'held' | 'reported', body.reason ?? null);
			await audit.record(actor, `review.${body.decision}`, { type: r.kind, id: r.ref, hubId: String(r.hubId) }, {
				queue: r.queue,
				before: 'pending',
				after: body.decision === 'approve' ? 'approved' : 'rejected',
				...(body.reason ? { hasReason: true } : {})
			});
			bus.emit('moderation:held', String(r.hubId));
			return toItem(decided as ReviewRow);
		},

		/** Low-severity items decided together; each is still decided and audited on its own. */
		async decideMany(actor: Actor, ids: string[], body: ReviewDecisionBody) {
			const results: { id: string; ok: boolean; message?: string }[] = [];
			for (const id of ids) {
				const r = await repos.reviews.findById(id);
				// Another hub's item is "not found" (as in decide), before anything is said about how serious it is.
				if (r && canSeeHub(actor, { orgId: String(r.orgId), hubId: String(r.hubId) }) && !['none', 'low'].includes(r.severity ?? 'none')) {
					results.push({ id, ok: false, message: 'Decide this one on its own: it is more than low concern.' });
					continue;
				}
				try {
					await this.decide(actor, id, body);
					results.push({ id, ok: true });
				} catch (err) {
					results.push({ id, ok: false, message: err instanceof AppError ? err.message : 'Could not decide this one.' });
				}
			}
			return results;
		},

		/** The pending held review of an item, if any (for routes that decide from the item's own page). */
		async pendingHeld(kind: ReviewKind, ref: string) {
			const r = await repos.reviews.findByKey(`held:${kind}:${ref}`);
			return r && r.status === 'pending' ? String(r._id) : null;
		},

		/** A young person's recent items waiting or decided, for an escalation's context. */
		async recentFor(participantId: string) {
			// Chat messages come from the chat itself (with their own ids), so they are not listed twice.
			return (await repos.reviews.recentByParticipant(participantId)).filter((r) => r.kind !== 'chat-message').map((r) => ({
				id: String(r._id),
				author: r.authorName ?? '',
				text: r.text ?? '',
				at: r.createdAt.toISOString()
			}));
		}
	};
}
export type ReviewService = ReturnType<typeof createReviewService>;
