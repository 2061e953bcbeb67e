import type { AuditQuery } from '../../contracts/index.js';
import type { Actor } from '../auth/policy.js';
import type { Repositories } from '../repositories/index.js';

export interface AuditTarget {
	type: string;
	id: string;
	hubId?: string | null;
}

export function createAuditService(repos: Repositories, now: () => Date) {
	return {
		/** Append one line: who did what to which thing. `meta` must never hold message text or names. */
		async record(actor: Actor, action: string, target: AuditTarget | null, meta: Record<string, unknown> = {}) {
			const orgId =
				actor.kind === 'staff' ? actor.user.orgId : actor.kind === 'participant' ? actor.participant.orgId : ((meta.orgId as string | undefined) ?? null);
			await repos.audit.append(
				{
					orgId,
					actorType: actor.kind === 'anonymous' ? 'system' : actor.kind,
					actorId: actor.kind === 'staff' ? actor.user.id : actor.kind === 'participant' ? actor.participant.id : null,
					action,
					targetType: target?.type ?? null,
					targetId: target?.id ?? null,
					hubId: target?.hubId ?? null,
					meta
				},
				now()
			);
		},
		/** The log, newest first, with filters; actors shown by name (staff) or kind. */
		async search(orgId: string, q: AuditQuery) {
			const rows = await repos.audit.search(orgId, {
				...q,
				from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
				to: q.to ? new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000) : undefined
			});
			const names = new Map<string, string>();
			for (const id of new Set(rows.filter((r) => r.actorType === 'staff' && r.actorId).map((r) => String(r.actorId)))) {
				const u = await repos.users.findById(id);
				names.set(id, u ? `${u.displayName} (${u.role})` : 'A former account');
			}
			return rows.map((r) => ({
				id: String(r._id),
				at: r.at.toISOString(),
				actorType: r.actorType,
				actorId: r.actorId ? String(r.actorId) : null,
				actorName: r.actorType === 'staff' && r.actorId ? names.get(String(r.actorId))! : r.actorType === 'participant' ? 'A young person' : 'Voicebox',
				action: r.action,
				targetType: r.targetType ?? null,
				targetId: r.targetId ?? null,
				hubId: r.hubId ? String(r.hubId) : null,
				meta: (r.meta ?? {}) as Record<string, unknown>
			}));
		},
		async list(orgId: string, limit?: number) {
			const rows = await repos.audit.list(orgId, limit);
			return rows.map((r) => ({
				id: String(r._id),
				at: r.at.toISOString(),
				actorType: r.actorType,
				actorId: r.actorId ? String(r.actorId) : null,
				action: r.action,
				targetType: r.targetType ?? null,
				targetId: r.targetId ?? null,
				hubId: r.hubId ? String(r.hubId) : null,
				meta: (r.meta ?? {}) as Record<string, unknown>
			}));
		}
	};
}
export type AuditService = ReturnType<typeof createAuditService>;
