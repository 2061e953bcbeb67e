import { z } from 'zod';
import { createPollBody, objectId, participantPoll, poll, pollResults, suggestion } from '../../../contracts/index.js';
import type { Services } from '../../services/index.js';
import { idParams, route } from '../route.js';

const suggestionParams = z.object({ id: objectId, suggestionId: objectId });
const answerParams = z.object({ id: objectId, answerId: z.string().uuid('Not a valid id.') });
const answer = z.object({ id: z.string(), text: z.string(), status: z.enum(['visible', 'held', 'hidden']), displayName: z.string().nullable() });

export function pollRoutes(s: Services) {
	return [
		route({ method: 'get', path: '/polls', action: 'poll:list', tag: 'polls', summary: 'Polls in hubs you can see.', response: z.array(poll), handler: ({ actor }) => s.polls.list(actor) }),
		route({
			method: 'post',
			path: '/polls',
			action: 'poll:create',
			tag: 'polls',
			summary: 'Create a poll (a draft until it is opened or put on screens).',
			body: createPollBody,
			response: poll,
			status: 201,
			handler: ({ actor, body }) => s.polls.create(actor, body)
		}),
		route({ method: 'get', path: '/polls/:id', action: 'poll:read', tag: 'polls', summary: 'One poll.', params: idParams, response: poll, handler: ({ actor, params }) => s.polls.get(actor, params.id) }),
		route({
			method: 'post',
			path: '/polls/:id/open',
			action: 'poll:manage',
			tag: 'polls',
			summary: 'Open a poll for answers (a suggest poll starts collecting suggestions).',
			params: idParams,
			response: poll,
			handler: ({ actor, params }) => s.polls.open(actor, params.id)
		}),
		route({
			method: 'post',
			path: '/polls/:id/start-vote',
			action: 'poll:manage',
			tag: 'polls',
			summary: 'Suggest polls: stop collecting suggestions and start the vote on the shortlist.',
			params: idParams,
			response: poll,
			handler: ({ actor, params }) => s.polls.startVote(actor, params.id)
		}),
		route({
			method: 'post',
			path: '/polls/:id/close',
			action: 'poll:manage',
			tag: 'polls',
			summary: 'Close a poll: no more answers; results are final.',
			params: idParams,
			response: poll,
			handler: ({ actor, params }) => s.polls.close(actor, params.id)
		}),
		route({
			method: 'post',
			path: '/polls/:id/publish',
			action: 'poll:manage',
			tag: 'polls',
			summary: 'Publish (or unpublish) a closed poll’s results on a shareable page.',
			params: idParams,
			body: z.object({ published: z.boolean() }),
			response: poll,
			handler: ({ actor, params, body }) => s.polls.publish(actor, params.id, body.published)
		}),
		route({
			method: 'get',
			path: '/polls/:id/results',
			action: 'poll:results',
			tag: 'polls',
			summary: 'Results recomputed from the ballots. Anonymous polls never include who voted.',
			params: idParams,
			response: pollResults,
			handler: ({ actor, params }) => s.polls.results(actor, params.id)
		}),
		route({
			method: 'get',
			path: '/polls/:id/export',
			action: 'poll:export',
			tag: 'polls',
			summary: 'Results and anonymised ballots as JSON (one row per ballot, shuffled, no ids). CSV: /api/polls/{id}/export.csv',
			params: idParams,
			response: z.object({ poll, results: pollResults, rows: z.array(z.record(z.string(), z.string())) }),
			handler: async ({ actor, params }) => {
				const { poll: p, rows } = await s.polls.exportRows(actor, params.id);
				return { poll: p, results: await s.polls.resultsOf(params.id, { includeNames: !p.settings.anonymous, includeTexts: true }), rows };
			}
		}),
		route({
			method: 'get',
			path: '/polls/:id/suggestions',
			action: 'poll:results',
			tag: 'polls',
			summary: 'Suggestions for a suggest poll, with how many young people made each.',
			params: idParams,
			response: z.array(suggestion),
			handler: ({ actor, params }) => s.polls.suggestions(actor, params.id)
		}),
		route({
			method: 'post',
			path: '/polls/:id/suggestions/:suggestionId/approve',
			action: 'poll:manage',
			tag: 'polls',
			summary: 'Put a suggestion on the shortlist (it becomes an option).',
			params: suggestionParams,
			response: poll,
			handler: ({ actor, params }) => s.polls.decideSuggestion(actor, params.id, params.suggestionId, true)
		}),
		route({
			method: 'post',
			path: '/polls/:id/suggestions/:suggestionId/reject',
			action: 'poll:manage',
			tag: 'polls',
			summary: 'Leave a suggestion off the shortlist.',
			params: suggestionParams,
			response: poll,
			handler: ({ actor, params }) => s.polls.decideSuggestion(actor, params.id, params.suggestionId, false)
		}),
		route({
			method: 'get',
			path: '/polls/:id/answers',
			action: 'poll:answers',
			tag: 'polls',
			summary: 'Open-text answers with their moderation status.',
			params: idParams,
			response: z.array(answer),
			handler: ({ actor, params }) => s.polls.answers(actor, params.id)
		}),
		route({
			method: 'post',
			path: '/polls/:id/answers/:answerId/hide',
			action: 'poll:answer-hide',
			tag: 'polls',
			summary: 'Hide an open-text answer from results.',
			params: answerParams,
			response: z.object({}),
			handler: async ({ actor, params }) => {
				await s.polls.setAnswerStatus(actor, params.id, params.answerId, 'hidden');
				return {};
			}
		}),
		route({
			method: 'post',
			path: '/polls/:id/answers/:answerId/approve',
			action: 'poll:answer-approve',
			tag: 'polls',
			summary: 'Approve a held open-text answer so it shows in results (moderators).',
			params: answerParams,
			response: z.object({}),
			handler: async ({ actor, params }) => {
				await s.polls.setAnswerStatus(actor, params.id, params.answerId, 'visible');
				return {};
			}
		}),
		route({
			method: 'post',
			path: '/polls/:id/suggestions/:suggestionId/release',
			action: 'poll:answer-approve',
			tag: 'moderation',
			summary: 'Moderators: let a held suggestion through to the shortlisting list.',
			params: suggestionParams,
			response: z.object({}),
			handler: async ({ actor, params }) => {
				await s.polls.reviewSuggestion(actor, params.id, params.suggestionId, true);
				return {};
			}
		}),
		route({
			method: 'post',
			path: '/polls/:id/suggestions/:suggestionId/decline',
			action: 'poll:answer-approve',
			tag: 'moderation',
			summary: 'Moderators: turn down a held suggestion.',
			params: suggestionParams,
			response: z.object({}),
			handler: async ({ actor, params }) => {
				await s.polls.reviewSuggestion(actor, params.id, params.suggestionId, false);
				return {};
			}
		}),
		route({
			method: 'get',
			path: '/public/polls/:id/results',
			action: 'poll:public-results',
			tag: 'polls',
			summary: 'Results of a closed poll that staff published. Never names.',
			params: idParams,
			response: z.object({ poll: participantPoll, results: pollResults }),
			handler: ({ params }) => s.polls.publicResults(params.id)
		})
	];
}
