/**
 * An organisation's own safeguarding filter settings (extra blocked, suspect and allowed terms,
 * the local model, the support message), on top of the installation's policy file. Admins change
 * them; every change is audited with before and after; the filter uses them from the next message.
 */
import { defaultFilterPolicy, filterPolicy, type FilterPolicy, type FilterTestResult } from '../../contracts/index.js';
import { PolicyError } from '../../moderation/index.js';
import { staffOf, type Actor } from '../auth/policy.js';
import { AppError } from '../errors.js';
import type { ContentModerator } from '../moderation.js';
import type { Repositories } from '../repositories/index.js';
import type { AuditService } from './audit.service.js';

export interface FilterPolicyDeps {
	repos: Repositories;
	audit: AuditService;
	moderator: ContentModerator | null;
}

export function createFilterPolicyService(deps: FilterPolicyDeps) {
	const { repos, audit, moderator } = deps;

	async function policyOf(orgId: string): Promise<FilterPolicy> {
		const org = await repos.org.findOrg(orgId);
		const parsed = filterPolicy.safeParse(org?.filterPolicy);
		return parsed.success ? parsed.data : defaultFilterPolicy;
	}

	return {
		policyOf,

		/** At start: every organisation's settings into the filter. */
		async loadAll(): Promise<void> {
			if (!moderator) return;
			for (const org of await repos.org.allOrgs()) {
				const parsed = filterPolicy.safeParse(org.filterPolicy);
				if (parsed.success) moderator.setOrgPolicy(String(org._id), parsed.data);
			}
		},

		async setPolicy(actor: Actor, next: FilterPolicy): Promise<FilterPolicy> {
			const { orgId } = staffOf(actor);
			const before = await policyOf(orgId);
			try {
				// Build the filter first: a combination it cannot use changes nothing.
				moderator?.setOrgPolicy(orgId, next);
			} catch (e) {
				if (e instanceof PolicyError) throw new AppError('VALIDATION_FAILED', `The filter cannot use these settings: ${e.issues.join('; ')}`);
				throw e;
			}
			try {
				await repos.org.setFilterPolicy(orgId, next);
			} catch (e) {
				moderator?.setOrgPolicy(orgId, before); // not saved: keep using what is saved
				throw e;
			}
			await audit.record(actor, 'filter-policy.update', { type: 'organisation', id: orgId }, { before, after: next });
			return next;
		},

		/** Try a message against the organisation's filter as it is now: nothing is stored or raised. */
		testText(actor: Actor, text: string): FilterTestResult {
			const { orgId } = staffOf(actor);
			if (!moderator) return { action: 'allow', escalate: false, severity: 'none', categories: [], rules: [] };
			const v = moderator.checkLocal(text, 'chat', orgId);
			return { action: v.action, escalate: v.escalate, severity: v.severity, categories: v.categories, rules: v.reasons.map((r) => r.rule) };
		}
	};
}
