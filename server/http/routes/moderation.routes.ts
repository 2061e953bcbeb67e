/** The moderator console's API: escalations, the review queues, counts, the dashboard and settings. */
import { z } from 'zod';
import {
	bulkReviewBody,
	dashboard,
	escalation,
	escalationActionBody,
	escalationDetail,
	escalationQuery,
	moderationCounts,
	reviewDecisionBody,
	reviewItem,
	reviewQuery,
	safeguardingSettings,
	filterPolicy,
	filterTestBody,
	filterTestResult
} from '../../../contracts/index.js';
import { staffOf } from '../../auth/policy.js';
import type { Services } from '../../services/index.js';
import { idParams, route } from '../route.js';

export function moderationRoutes(s: Services) {
	const counts = async (actor: Parameters<Services['escalations']['counts']>[0]) => ({ ...(await s.escalations.counts(actor)), ...(await s.reviews.counts(actor)) });
	return [
		route({
			method: 'get',
			path: '/moderation/counts',
			action: 'escalation:list',
			tag: 'moderation',
			summary: 'Open escalations by severity, overdue, and items waiting in the held and reported queues, in your hubs.',
			response: moderationCounts,
			handler: ({ actor }) => counts(actor)
		}),
		route({
			method: 'get',
			path: '/moderation/escalations',
			action: 'escalation:list',
			tag: 'moderation',
			summary: 'Escalations in your hubs: active ones by severity then age, or closed ones newest first.',
			query: escalationQuery,
			response: z.array(escalation),
			handler: ({ actor, query }) => s.escalations.list(actor, query)
		}),
		route({
			method: 'get',
			path: '/moderation/escalations/:id',
			action: 'escalation:read',
			tag: 'moderation',
			summary: 'One escalation with its context, history, notes, the young person’s recent items and earlier concerns. Viewing is audited.',
			params: idParams,
			response: escalationDetail,
			handler: ({ actor, params }) => s.escalations.get(actor, params.id)
		}),
		route({
			method: 'post',
			path: '/moderation/escalations/:id/actions',
			action: 'escalation:act',
			tag: 'moderation',
			summary: 'Acknowledge, assign, add a note, mark actioned, record an outcome, close, reopen, mark a false alarm, hide the message, or tell the facilitator.',
			params: idParams,
			body: escalationActionBody,
			response: escalation,
			handler: ({ actor, params, body }) => s.escalations.act(actor, params.id, body)
		}),
		route({
			method: 'get',
			path: '/moderation/dashboard',
			action: 'escalation:dashboard',
			tag: 'moderation',
			summary: 'Open items by severity, overdue count, median time to acknowledge per severity per month, categories per month, false alarms per rule.',
			query: z.object({ months: z.coerce.number().int().min(1).max(36).default(12) }),
			response: dashboard,
			handler: async ({ actor, query }) => ({ counts: await counts(actor), ...(await s.escalations.dashboard(actor, query.months)) })
		}),
		route({
			method: 'get',
			path: '/moderation/reviews',
			action: 'review:list',
			tag: 'moderation',
			summary: 'The held queue (waiting for a decision), the reported queue, or recently decided items, in your hubs.',
			query: reviewQuery,
			response: z.array(reviewItem),
			handler: ({ actor, query }) => s.reviews.list(actor, query)
		}),
		route({
			method: 'post',
			path: '/moderation/reviews/:id/decision',
			action: 'review:decide',
			tag: 'moderation',
			summary: 'Approve or reject one held or reported item, with an optional reason. Decided once.',
			params: idParams,
			body: reviewDecisionBody,
			response: reviewItem,
			handler: ({ actor, params, body }) => s.reviews.decide(actor, params.id, body)
		}),
		route({
			method: 'post',
			path: '/moderation/reviews/bulk',
			action: 'review:decide',
			tag: 'moderation',
			summary: 'Decide several low-concern items at once; each is decided and audited on its own.',
			body: bulkReviewBody,
			response: z.array(z.object({ id: z.string(), ok: z.boolean(), message: z.string().optional() })),
			handler: ({ actor, body }) => s.reviews.decideMany(actor, body.ids, { decision: body.decision, ...(body.reason ? { reason: body.reason } : {}) })
		}),
		route({
			method: 'get',
			path: '/safeguarding/settings',
			action: 'safeguarding:settings-read',
			tag: 'moderation',
			summary: 'Acknowledge targets per severity and the list of outcomes.',
			response: safeguardingSettings,
			handler: ({ actor }) => s.escalations.settingsOf(staffOf(actor).orgId)
		}),
		route({
			method: 'put',
			path: '/safeguarding/settings',
			action: 'safeguarding:settings',
			tag: 'moderation',
			summary: 'Change acknowledge targets and outcomes (admins; audited with before and after).',
			body: safeguardingSettings,
			response: safeguardingSettings,
			handler: ({ actor, body }) => s.escalations.setSettings(actor, body)
		}),
		route({
			method: 'get',
			path: '/safeguarding/filter-policy',
			action: 'filter-policy:read',
			tag: 'moderation',
			summary: "The organisation's own filter settings: extra blocked, suspect and allowed terms, the local model, the support message.",
			response: filterPolicy,
			handler: ({ actor }) => s.filterPolicy.policyOf(staffOf(actor).orgId)
		}),
		route({
			method: 'put',
			path: '/safeguarding/filter-policy',
			action: 'filter-policy:update',
			tag: 'moderation',
			summary: "Change the organisation's filter settings (admins; used from the next message; audited with before and after).",
			body: filterPolicy,
			response: filterPolicy,
			handler: ({ actor, body }) => s.filterPolicy.setPolicy(actor, body)
		}),
		route({
			method: 'post',
			path: '/safeguarding/filter-test',
			action: 'filter-policy:test',
			tag: 'moderation',
			summary: "Try a message against the organisation's filter as it is now. Nothing is stored or raised.",
			body: filterTestBody,
			response: filterTestResult,
			handler: ({ actor, body }) => s.filterPolicy.testText(actor, body.text)
		})
	];
}
