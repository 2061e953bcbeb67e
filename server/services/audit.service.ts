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
