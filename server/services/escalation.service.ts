/**
 * Escalations: a concern the safeguarding filter (or a young person) raised, which a
 * safeguarding lead must see, act on and close with an outcome. The concern is persisted before
 * anyone is told; every change is a guarded single-document update, recorded in the
 * escalation's own history and in the audit log.
 */
import {
	concernSeverities,
	defaultSafeguardingSettings,
	sourceOfReviewKind,
	type ReviewKind,
	safeguardingSettings,
	type ContextMessage,
	type Dashboard,
	type Escalation,
	type EscalationActionBody,
	type EscalationDetail,
	type EscalationQuery,
	type EscalationSource,
	type ModerationCounts,
	type SafeguardingSettings
} from '../../contracts/index.js';
import { assertScope, canSeeHub, hubFilter, staffOf, type Actor } from '../auth/policy.js';
import { AppError } from '../errors.js';
import type { ContentVerdict } from '../moderation.js';
import type { Repositories } from '../repositories/index.js';
import type { EscalationDoc } from '../models/index.js';
import type { AuditService } from './audit.service.js';
import type { Bus } from './bus.js';
import { ackDueAt, ALERT_SEVERITIES } from './deadlines.js';

type EscalationRow = EscalationDoc;

export interface RaiseInput {
	orgId: string;
	hubId: string;
	groupId: string | null;
	source: EscalationSource;
	sourceRef: string;
	/** Where it happened, in words: "Chat: Group A", "Poll: Choose a new name". */
	where: string;
	text: string;
	authorName: string | null;
	participantId: string | null;
	verdict: Pick<ContentVerdict, 'severity' | 'categories' | 'action' | 'reasons'>;
	context?: ContextMessage[];
	reporterId?: string | null;
	reportNote?: string | null;
}

/** What the owner of a source (chat, polls, surveys) can do for the console. */
export interface EscalationSourceHandler {
	/** Live context around the item, e.g. the chat messages just before and after. */
	context?(sourceRef: string): Promise<ContextMessage[]>;
	/** Hide the item from everyone else. */
	hide?(sourceRef: string, actor: Actor, reason: string | null): Promise<void>;
}

/** Young people's recent items in a group, for a moderator's context (chat, answers...). */
export type RecentItemsProvider = (participantId: string, groupId: string | null) => Promise<ContextMessage[]>;

export interface NotifierHook {
	/** Called after an escalation is stored; may enqueue an out-of-app alert at once. */
	raised(e: EscalationRow): Promise<void>;
	deliveriesFailing(orgId: string): Promise<number>;
}

const ACTIVE = ['open', 'acknowledged', 'actioned'];
const VIEW_WINDOW_MS = 10 * 60_000;

export function createEscalationService(deps: { repos: Repositories; audit: AuditService; bus: Bus; now: () => Date; notifyAtOnce: boolean }) {
	const { repos, audit, bus, now } = deps;
	const handlers = new Map<string, EscalationSourceHandler>();
	const recentProviders: RecentItemsProvider[] = [];
	let notifier: NotifierHook | null = null;
	const views = new Map<string, number>();
	const names = new Map<string, { value: string; at: number }>();

	async function settingsOf(orgId: string): Promise<SafeguardingSettings> {
		const org = await repos.org.findOrg(orgId);
		const parsed = safeguardingSettings.safeParse(org?.safeguarding);
		return parsed.success ? parsed.data : defaultSafeguardingSettings;
	}

	/** Hub, group and staff names, cached briefly (they change rarely and lists show many rows). */
	async function nameOf(kind: 'hub' | 'group' | 'user', id: string | null | undefined): Promise<string | null> {
		if (!id) return null;
		const key = `${kind}:${id}`;
		const hit = names.get(key);
		if (hit && Date.now() - hit.at < 60_000) return hit.value;
		const doc =
			kind === 'hub' ? await repos.org.findHub(id) : kind === 'group' ? await repos.org.findGroup(id) : await repos.users.findById(id);
		const value = doc ? ('displayName' in doc ? doc.displayName : doc.name) : kind === 'user' ? 'A former colleague' : '(deleted)';
		names.set(key, { value, at: Date.now() });
		return value;
	}

	async function toEscalation(e: EscalationRow): Promise<Escalation> {
		const t = now();
		return {
			id: String(e._id),
			orgId: String(e.orgId),
			hubId: String(e.hubId),
			hubName: (await nameOf('hub', String(e.hubId))) ?? '',
			groupId: e.groupId ? String(e.groupId) : null,
			groupName: await nameOf('group', e.groupId ? String(e.groupId) : null),
			source: e.source as Escalation['source'],
			sourceRef: e.sourceRef,
			where: e.where ?? '',
			text: e.text ?? '',
			authorName: e.authorName ?? null,
			participantId: e.participantId ? String(e.participantId) : null,
			severity: e.severity as Escalation['severity'],
			categories: [...(e.categories ?? [])],
			reasons: (e.reasons ?? []).map((r) => ({ stage: r.stage ?? '', rule: r.rule ?? '', category: r.category ?? '' })),
			status: e.status as Escalation['status'],
			assignee: e.assigneeId ? { id: String(e.assigneeId), name: (await nameOf('user', String(e.assigneeId)))! } : null,
			outcome: e.outcome ?? null,
			falsePositive: e.falsePositive ?? false,
			createdAt: e.createdAt.toISOString(),
			ackDueAt: e.ackDueAt.toISOString(),
			acknowledgedAt: e.acknowledgedAt ? e.acknowledgedAt.toISOString() : null,
			closedAt: e.closedAt ? e.closedAt.toISOString() : null,
			overdue: !e.acknowledgedAt && e.status === 'open' && e.ackDueAt.getTime() <= t.getTime(),
			reportNote: e.reportNote ?? null
		};
	}

	async function load(actor: Actor, id: string) {
		const e = await repos.escalations.findById(id);
		if (!e) throw new AppError('NOT_FOUND');
		assertScope(actor, { orgId: String(e.orgId), hubId: String(e.hubId) });
		return e;
	}

	function changed(e: { hubId: unknown; _id: unknown }) {
		bus.emit('escalation:changed', String(e.hubId), String(e._id));
	}

	const service = {
		registerSource(source: EscalationSource, handler: EscalationSourceHandler) {
			handlers.set(source, handler);
		},
		registerRecentItems(provider: RecentItemsProvider) {
			recentProviders.push(provider);
		},
		setNotifier(n: NotifierHook) {
			notifier = n;
		},
		settingsOf,

		/**
		 * Persist a concern, then tell the hub's moderators. Idempotent per source item: a retried
		 * message returns the first escalation and tells nobody twice.
		 */
		async raise(input: RaiseInput): Promise<{ id: string; created: boolean }> {
			const createdAt = now();
			const settings = await settingsOf(input.orgId);
			const severity = input.verdict.severity === 'none' ? 'low' : input.verdict.severity;
			const due = ackDueAt(severity, createdAt, settings);
			const { doc, created } = await repos.escalations.create({
				orgId: input.orgId,
				hubId: input.hubId,
				groupId: input.groupId,
				source: input.source,
				sourceRef: input.sourceRef,
				where: input.where,
				text: input.text,
				authorName: input.authorName,
				participantId: input.participantId,
				reporterId: input.reporterId ?? null,
				reportNote: input.reportNote ?? null,
				severity,
				categories: [...input.verdict.categories],
				reasons: (input.verdict.reasons ?? []).map((r) => ({ stage: r.stage, rule: r.rule, category: r.category })),
				action: input.verdict.action,
				escalate: true,
				context: (input.context ?? []).map((c) => ({ ...c, at: new Date(c.at) })),
				createdAt,
				ackDueAt: due,
				// Serious concerns go out of the app if nobody acknowledges them in time (or at once).
				nextNotifyAt: ALERT_SEVERITIES.has(severity) ? (deps.notifyAtOnce ? createdAt : due) : null,
				history: [{ at: createdAt, by: null, byName: 'Safeguarding filter', action: 'raised' }]
			});
			if (created) {
				await audit.record({ kind: 'anonymous' }, 'escalation.raise', { type: 'escalation', id: String(doc._id), hubId: input.hubId }, {
					orgId: input.orgId,
					source: input.source,
					severity,
					categories: [...input.verdict.categories]
				});
				if (notifier) await notifier.raised(doc as EscalationRow);
				bus.emit('escalation:created', input.hubId, String(doc._id), severity);
			}
			return { id: String(doc._id), created };
		},

		async list(actor: Actor, q: EscalationQuery): Promise<Escalation[]> {
			const user = staffOf(actor);
			const rows = await repos.escalations.list(user.orgId, hubFilter(actor), { ...q, userId: user.id });
			return Promise.all(rows.map((r) => toEscalation(r as unknown as EscalationRow)));
		},

		async get(actor: Actor, id: string): Promise<EscalationDetail> {
			const e = await load(actor, id);
			const base = await toEscalation(e);
			const handler = handlers.get(e.source);
			let context: ContextMessage[] = (e.context ?? []).map((c) => ({
				id: c.id ?? '',
				author: c.author ?? '',
				text: c.text ?? '',
				at: (c.at ?? e.createdAt).toISOString(),
				...(c.subject ? { subject: true } : {})
			}));
			if (handler?.context) {
				// The live view includes what was said after; stored context stands if the source is gone.
				const live = await handler.context(e.sourceRef).catch(() => []);
				if (live.length) context = live;
			}
			const recent: ContextMessage[] = [];
			if (e.participantId) {
				for (const p of recentProviders) recent.push(...(await p(String(e.participantId), e.groupId ? String(e.groupId) : null).catch(() => [])));
				recent.sort((a, b) => b.at.localeCompare(a.at));
			}
			const previous = e.participantId ? await repos.escalations.listForParticipant(String(e.participantId), String(e._id)) : [];
			const settings = await settingsOf(String(e.orgId));
			const mods = await repos.users.listModeratorsOf(String(e.orgId), String(e.hubId));
			// Who looked is on record; repeat views by the same person within a few minutes are one view.
			const viewKey = `${staffOf(actor).id}:${id}`;
			const lastView = views.get(viewKey) ?? 0;
			if (now().getTime() - lastView > VIEW_WINDOW_MS) {
				views.set(viewKey, now().getTime());
				if (views.size > 10_000) views.clear();
				await audit.record(actor, 'escalation.view', { type: 'escalation', id, hubId: String(e.hubId) });
			}
			const kind = (Object.entries(sourceOfReviewKind).find(([, src]) => src === e.source)?.[0] ?? null) as ReviewKind | null;
			// Survey concerns carry which save raised them (`response:question:n`); the held item is per answer.
			const reviewRef = e.source === 'survey-answer' ? e.sourceRef.split(':').slice(0, 2).join(':') : e.sourceRef;
			const heldReviewId = kind ? await repos.reviews.findByKey(`held:${kind}:${reviewRef}`) : null;
			return {
				...base,
				context,
				history: (e.history ?? []).map((h) => ({
					at: h.at.toISOString(),
					by: h.by ? String(h.by) : null,
					byName: h.byName,
					action: h.action,
					from: h.from ?? null,
					to: h.to ?? null,
					note: h.note ?? null
				})),
				notes: (e.notes ?? []).map((n) => ({ at: (n.at ?? e.createdAt).toISOString(), byName: n.byName ?? '', text: n.text ?? '' })),
				recentItems: recent.slice(0, 20),
				previous: previous.map((p) => ({
					id: String(p._id),
					severity: p.severity as Escalation['severity'],
					categories: [...(p.categories ?? [])],
					status: p.status as Escalation['status'],
					createdAt: p.createdAt.toISOString(),
					outcome: p.outcome ?? null,
					source: p.source as Escalation['source']
				})),
				outcomes: settings.outcomes,
				heldReviewId: heldReviewId && heldReviewId.status === 'pending' ? String(heldReviewId._id) : null,
				canHide: Boolean(handler?.hide),
				assignable: mods.map((m) => ({ id: String(m._id), name: m.displayName }))
			};
		},

		/** One action by a moderator, guarded by the state it is allowed from. */
		async act(actor: Actor, id: string, body: EscalationActionBody): Promise<Escalation> {
			const user = staffOf(actor);
			const e = await load(actor, id);
			const at = now();
			const who = { at, by: user.id, byName: user.displayName };
			const note = 'note' in body && body.note ? body.note : null;
			const noteRow = note ? { at, by: user.id, byName: user.displayName, text: note } : undefined;
			let from: string[] | null = null;
			let set: Record<string, unknown> = {};
			let history: { action: string; from?: string | null; to?: string | null; note?: string | null } = { action: body.action };
			// For the audit log, where the history line has no from/to of its own.
			let change: { before: unknown; after: unknown } | null = null;
			const status = e.status;
			switch (body.action) {
				case 'acknowledge':
					from = ['open'];
					set = { status: 'acknowledged', acknowledgedAt: at, acknowledgedBy: user.id, nextNotifyAt: null, ...(e.assigneeId ? {} : { assigneeId: user.id }) };
					history = { action: 'acknowledged', from: status, to: 'acknowledged', note };
					break;
				case 'assign': {
					if (body.assigneeId) {
						const target = await repos.users.findById(body.assigneeId);
						// The target's own organisation, role and hubs decide (an admin of another council covers none of ours).
						if (!target || target.disabled || !canSeeHub({ kind: 'staff', user: { ...user, id: String(target._id), orgId: String(target.orgId), role: target.role, hubIds: target.hubIds.map(String) } }, { orgId: String(e.orgId), hubId: String(e.hubId) }) || target.role === 'staff')
							throw new AppError('VALIDATION_FAILED', 'Choose a moderator who covers this hub.', { fields: { assigneeId: 'Not a moderator of this hub.' } });
					}
					from = ACTIVE;
					set = { assigneeId: body.assigneeId };
					history = {
						action: 'assigned',
						from: e.assigneeId ? await nameOf('user', String(e.assigneeId)) : null,
						to: body.assigneeId ? await nameOf('user', body.assigneeId) : null
					};
					break;
				}
				case 'note':
					history = { action: 'note added' };
					break;
				case 'actioned':
					from = ['open', 'acknowledged'];
					set = { status: 'actioned', actionedAt: at, nextNotifyAt: null, ...(e.acknowledgedAt ? {} : { acknowledgedAt: at, acknowledgedBy: user.id }) };
					history = { action: 'actioned', from: status, to: 'actioned', note };
					break;
				case 'outcome':
				case 'close': {
					const settings = await settingsOf(String(e.orgId));
					if (!settings.outcomes.includes(body.outcome))
						throw new AppError('VALIDATION_FAILED', 'Choose an outcome from the list.', { fields: { outcome: 'Not one of the outcomes.' } });
					from = ACTIVE;
					set = { outcome: body.outcome, ...(body.outcome.toLowerCase().includes('false alarm') ? { falsePositive: true } : {}) };
					history = { action: 'outcome recorded', from: e.outcome ?? null, to: body.outcome, note };
					if (body.action === 'close') {
						set = { ...set, status: 'closed', closedAt: at, nextNotifyAt: null, ...(e.acknowledgedAt ? {} : { acknowledgedAt: at, acknowledgedBy: user.id }) };
						history = { action: 'closed', from: status, to: 'closed', note: note ? `${body.outcome}. ${note}` : body.outcome };
					}
					break;
				}
				case 'reopen':
					from = ['closed'];
					set = { status: e.acknowledgedAt ? 'acknowledged' : 'open', closedAt: null };
					history = { action: 'reopened', from: 'closed', to: e.acknowledgedAt ? 'acknowledged' : 'open', note };
					break;
				case 'false-positive':
					set = { falsePositive: body.falsePositive };
					history = { action: body.falsePositive ? 'marked false alarm' : 'false alarm mark removed', note };
					change = { before: e.falsePositive ?? false, after: body.falsePositive };
					break;
				case 'hide-source': {
					const handler = handlers.get(e.source);
					if (!handler?.hide) throw new AppError('CONFLICT', 'This kind of item cannot be hidden from here.');
					await handler.hide(e.sourceRef, actor, note);
					history = { action: 'message hidden', note };
					break;
				}
				case 'tell-facilitator':
					bus.emit('escalation:facilitator-notice', String(e.hubId), e.groupId ? String(e.groupId) : null, body.note);
					history = { action: 'facilitator told', note };
					break;
			}
			const updated = await repos.escalations.update(id, from, set, { ...who, ...history }, noteRow);
			if (!updated) throw new AppError('CONFLICT', `This escalation is ${e.status} now, so that cannot be done. Reload to see the latest.`);
			await audit.record(actor, `escalation.${body.action}`, { type: 'escalation', id, hubId: String(e.hubId) }, {
				...(history.from !== undefined || history.to !== undefined ? { before: history.from ?? null, after: history.to ?? null } : {}),
				...(change ?? {}),
				...('falsePositive' in body ? { falsePositive: body.falsePositive } : {})
			});
			changed(updated);
			return toEscalation(updated as EscalationRow);
		},

		async counts(actor: Actor): Promise<Omit<ModerationCounts, 'held' | 'reported'>> {
			const user = staffOf(actor);
			const rows = await repos.escalations.countActive(user.orgId, hubFilter(actor));
			const t = now().getTime();
			const bySeverity: Record<string, number> = { urgent: 0, high: 0, medium: 0, low: 0 };
			let overdue = 0;
			for (const r of rows) {
				bySeverity[r.severity] = (bySeverity[r.severity] ?? 0) + 1;
				if (r.status === 'open' && r.ackDueAt.getTime() <= t) overdue++;
			}
			return { open: rows.length, overdue, bySeverity };
		},

		/** The figures a safeguarding lead reports upward, over the last `months` months. */
		async dashboard(actor: Actor, months = 12): Promise<Omit<Dashboard, 'counts'>> {
			const user = staffOf(actor);
			const t = now();
			const monthKeys: string[] = [];
			for (let i = months - 1; i >= 0; i--) {
				const d = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() - i, 1));
				monthKeys.push(d.toISOString().slice(0, 7));
			}
			const since = new Date(`${monthKeys[0]}-01T00:00:00Z`);
			const rows = await repos.escalations.listForStats(user.orgId, hubFilter(actor), since);
			const idx = new Map(monthKeys.map((m, i) => [m, i]));
			const ackTimes: Record<string, number[][]> = {};
			for (const s of concernSeverities) ackTimes[s] = monthKeys.map(() => []);
			const cats = new Map<string, number[]>();
			const rules = new Map<string, { falsePositives: number; total: number }>();
			const outcomes = new Map<string, number>();
			for (const r of rows) {
				const i = idx.get(r.createdAt.toISOString().slice(0, 7));
				if (i === undefined) continue;
				if (r.acknowledgedAt) ackTimes[r.severity]?.[i]?.push((r.acknowledgedAt.getTime() - r.createdAt.getTime()) / 60_000);
				for (const c of r.categories ?? []) {
					if (!cats.has(c)) cats.set(c, monthKeys.map(() => 0));
					cats.get(c)![i]!++;
				}
				for (const rule of new Set((r.reasons ?? []).map((x) => x.rule ?? ''))) {
					if (!rule) continue;
					const v = rules.get(rule) ?? { falsePositives: 0, total: 0 };
					v.total++;
					if (r.falsePositive) v.falsePositives++;
					rules.set(rule, v);
				}
				if (r.outcome) outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);
			}
			const median = (xs: number[]) => {
				if (!xs.length) return null;
				const s = [...xs].sort((a, b) => a - b);
				const m = s.length >> 1;
				return Math.round((s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2) * 10) / 10;
			};
			return {
				months: monthKeys,
				medianAckMinutes: Object.fromEntries(Object.entries(ackTimes).map(([k, v]) => [k, v.map(median)])),
				byCategory: [...cats.entries()].map(([category, counts]) => ({ category, counts })).sort((a, b) => b.counts.reduce((x, y) => x + y, 0) - a.counts.reduce((x, y) => x + y, 0)),
				falsePositivesByRule: [...rules.entries()]
					.map(([rule, v]) => ({ rule, ...v }))
					.sort((a, b) => b.falsePositives - a.falsePositives || b.total - a.total),
				outcomes: [...outcomes.entries()].map(([outcome, count]) => ({ outcome, count })).sort((a, b) => b.count - a.count),
				deliveriesFailing: notifier ? await notifier.deliveriesFailing(user.orgId) : 0
			};
		},

		/** Rows for a CSV: no message text, no names; what an inspector or committee needs. */
		async exportRows(actor: Actor, months = 12) {
			const user = staffOf(actor);
			const t = now();
			const since = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() - (months - 1), 1));
			const rows = await repos.escalations.listForStats(user.orgId, hubFilter(actor), since);
			await audit.record(actor, 'escalation.export', null, { rows: rows.length });
			return Promise.all(
				rows.map(async (r) => ({
					id: String(r._id),
					raised: r.createdAt.toISOString(),
					hub: (await nameOf('hub', String(r.hubId))) ?? '',
					group: (await nameOf('group', r.groupId ? String(r.groupId) : null)) ?? '',
					source: r.source,
					severity: r.severity,
					categories: (r.categories ?? []).join(' '),
					status: r.status,
					ackTarget: r.ackDueAt.toISOString(),
					acknowledged: r.acknowledgedAt ? r.acknowledgedAt.toISOString() : '',
					minutesToAcknowledge: r.acknowledgedAt ? String(Math.round((r.acknowledgedAt.getTime() - r.createdAt.getTime()) / 600) / 100) : '',
					metTarget: r.acknowledgedAt ? String(r.acknowledgedAt <= r.ackDueAt) : r.ackDueAt <= t ? 'false' : '',
					outcome: r.outcome ?? '',
					falseAlarm: String(r.falsePositive ?? false),
					closed: r.closedAt ? r.closedAt.toISOString() : ''
				}))
			);
		},

		async setSettings(actor: Actor, settings: SafeguardingSettings) {
			const user = staffOf(actor);
			const before = await settingsOf(user.orgId);
			await repos.org.setSafeguarding(user.orgId, settings);
			await audit.record(actor, 'safeguarding.settings', { type: 'organisation', id: user.orgId }, { before, after: settings });
			return settings;
		},

		/** The ids of items of a source that an escalation still needs (for retention jobs). */
		async refsToKeep(source: EscalationSource, keepClosedDays: number): Promise<Set<string>> {
			const since = new Date(now().getTime() - keepClosedDays * 86_400_000);
			return new Set((await repos.escalations.refsKeptSince(source, since)).map((r) => r.sourceRef));
		}
	};
	return service;
}
export type EscalationService = ReturnType<typeof createEscalationService>;
