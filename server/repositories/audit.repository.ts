import type { Models } from '../models/index.js';
import { oid } from './index.js';

export interface AuditEntry {
	orgId: string | null;
	actorType: 'staff' | 'participant' | 'system';
	actorId: string | null;
	action: string;
	targetType?: string | null;
	targetId?: string | null;
	hubId?: string | null;
	meta?: Record<string, unknown>;
}

export function createAuditRepository({ AuditLog }: Models) {
	return {
		append: (e: AuditEntry, at: Date) =>
			AuditLog.create({
				...e,
				at,
				orgId: e.orgId ? oid(e.orgId) : null,
				actorId: e.actorId ? oid(e.actorId) : null,
				hubId: e.hubId ? oid(e.hubId) : null
			}),
		list: (orgId: string, limit = 100) => AuditLog.find({ orgId: oid(orgId) }).sort({ at: -1 }).limit(limit).lean(),
		search: (orgId: string, q: { action?: string; actorId?: string; targetType?: string; targetId?: string; from?: Date; to?: Date; limit: number }) => {
			const filter: Record<string, unknown> = { orgId: oid(orgId) };
			// An action prefix ("escalation.") finds every action of that kind.
			if (q.action) filter.action = q.action.endsWith('.') ? { $regex: `^${q.action.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}` } : q.action;
			if (q.actorId) filter.actorId = oid(q.actorId);
			if (q.targetType) filter.targetType = q.targetType;
			if (q.targetId) filter.targetId = q.targetId;
			if (q.from || q.to) filter.at = { ...(q.from ? { $gte: q.from } : {}), ...(q.to ? { $lt: q.to } : {}) };
			return AuditLog.find(filter).sort({ at: -1 }).limit(q.limit).lean();
		}
	};
}
