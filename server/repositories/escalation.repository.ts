import type { Models } from '../models/index.js';
import { oid } from './index.js';

export interface NewEscalation {
	orgId: string;
	hubId: string;
	source: string;
	sourceRef: string;
	participantId: string | null;
	severity: string;
	categories: string[];
	action: string;
	escalate: boolean;
}

export function createEscalationRepository({ Escalation }: Models) {
	return {
		/** Idempotent per source item: a retried answer never raises the same concern twice. */
		async create(e: NewEscalation) {
			try {
				return (
					await Escalation.create({ ...e, orgId: oid(e.orgId), hubId: oid(e.hubId), participantId: e.participantId ? oid(e.participantId) : null })
				).toObject();
			} catch (err) {
				if ((err as { code?: number }).code !== 11000) throw err;
				return Escalation.findOne({ source: e.source, sourceRef: e.sourceRef }).lean();
			}
		},
		listOpen: (hubIds: string[] | null, orgId: string) =>
			Escalation.find({ orgId: oid(orgId), status: 'open', ...(hubIds ? { hubId: { $in: hubIds.map(oid) } } : {}) })
				.sort({ createdAt: -1 })
				.limit(200)
				.lean()
	};
}
