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
		list: (orgId: string, limit = 100) => AuditLog.find({ orgId: oid(orgId) }).sort({ at: -1 }).limit(limit).lean()
	};
}
