/** "You said, we did" and the participation report. */
import { z } from 'zod';
import { awaitingFeedback, feedbackBody, feedbackPost, participationQuery, participationReport, updateFeedbackBody } from '../../../contracts/index.js';
import { AppError } from '../../errors.js';
import type { Services } from '../../services/index.js';
import { idParams, route } from '../route.js';

export function reportRoutes(s: Services) {
	return [
		route({ method: 'get', path: '/feedback', action: 'feedback:list', tag: 'you said, we did', summary: '"You said, we did" posts in hubs you can see.', response: z.array(feedbackPost), handler: ({ actor }) => s.reports.listFeedback(actor) }),
		route({
			method: 'get',
			path: '/feedback/awaiting',
			action: 'feedback:list',
			tag: 'you said, we did',
			summary: 'Closed polls and surveys with no "You said, we did" yet.',
			response: z.array(awaitingFeedback),
			handler: ({ actor }) => s.reports.awaitingFeedback(actor)
		}),
		route({
			method: 'post',
			path: '/feedback',
			action: 'feedback:manage',
			tag: 'you said, we did',
			summary: 'Publish what changed because young people spoke up, linked to a poll or survey, for a group or a whole hub.',
			body: feedbackBody,
			response: feedbackPost,
			status: 201,
			handler: ({ actor, body }) => s.reports.createFeedback(actor, body)
		}),
		route({
			method: 'patch',
			path: '/feedback/:id',
			action: 'feedback:manage',
			tag: 'you said, we did',
			summary: 'Update a post, e.g. its status from planned to done.',
			params: idParams,
			body: updateFeedbackBody,
			response: feedbackPost,
			handler: ({ actor, params, body }) => s.reports.updateFeedback(actor, params.id, body)
		}),
		route({
			method: 'delete',
			path: '/feedback/:id',
			action: 'feedback:manage',
			tag: 'you said, we did',
			summary: 'Take a post down.',
			params: idParams,
			response: z.object({}),
			handler: async ({ actor, params }) => {
				await s.reports.deleteFeedback(actor, params.id);
				return {};
			}
		}),
		route({
			method: 'get',
			path: '/my/feedback',
			action: 'feedback:board',
			tag: 'you said, we did',
			summary: 'Young people: the "You said, we did" board for your group and hub.',
			response: z.array(feedbackPost),
			handler: ({ actor }) => {
				if (actor.kind !== 'participant') throw new AppError('FORBIDDEN');
				return s.reports.feedbackFor(actor.participant);
			}
		}),
		route({
			method: 'get',
			path: '/reports/participation',
			action: 'report:participation',
			tag: 'reports',
			summary: 'Young people engaged (unique and repeat), sessions, polls and surveys run, responses and response rates, by hub and month. Counts under 5 are null (hidden). CSV: /reports/participation.csv',
			query: participationQuery,
			response: participationReport,
			handler: ({ actor, query }) => s.reports.participation(actor, query)
		})
	];
}
