/** Surveys: staff build, open, close and read results; young people answer, save and send. */
import { z } from 'zod';
import {
	createSurveyBody,
	joinBody,
	mySurvey,
	participantSurvey,
	saveResponseBody,
	savedResponse,
	survey,
	surveyLinkInfo,
	surveyResults,
	surveyResultsQuery,
	surveySummary,
	surveyTemplateInfo,
	updateSurveyBody
} from '../../../contracts/index.js';
import type { CookieOptions } from 'express';
import { AppError } from '../../errors.js';
import { PARTICIPANT_COOKIE } from '../../auth/tokens.js';
import type { Actor } from '../../auth/policy.js';
import type { Services } from '../../services/index.js';
import { idParams, route } from '../route.js';

const participantOf = (actor: Actor) => {
	if (actor.kind !== 'participant') throw new AppError('FORBIDDEN');
	return actor.participant;
};


export function surveyRoutes(s: Services, cookieBase: CookieOptions) {
	return [
		route({ method: 'get', path: '/surveys', action: 'survey:list', tag: 'surveys', summary: 'Surveys in hubs you can see.', response: z.array(surveySummary), handler: ({ actor }) => s.surveys.list(actor) }),
		route({
			method: 'get',
			path: '/surveys/templates',
			action: 'survey:create',
			tag: 'surveys',
			summary: 'Templates to start a survey from.',
			response: z.array(surveyTemplateInfo),
			handler: () => s.surveys.templates()
		}),
		route({
			method: 'post',
			path: '/surveys',
			action: 'survey:create',
			tag: 'surveys',
			summary: 'Create a survey (a draft) from a template or from your own sections and questions.',
			body: createSurveyBody,
			response: survey,
			status: 201,
			handler: ({ actor, body }) => s.surveys.create(actor, body)
		}),
		route({ method: 'get', path: '/surveys/:id', action: 'survey:read', tag: 'surveys', summary: 'One survey with its questions.', params: idParams, response: survey, handler: ({ actor, params }) => s.surveys.get(actor, params.id) }),
		route({
			method: 'put',
			path: '/surveys/:id',
			action: 'survey:manage',
			tag: 'surveys',
			summary: 'Change a draft survey: questions, audience, anonymity, dates.',
			params: idParams,
			body: updateSurveyBody,
			response: survey,
			handler: ({ actor, params, body }) => s.surveys.update(actor, params.id, body)
		}),
		route({ method: 'post', path: '/surveys/:id/open', action: 'survey:manage', tag: 'surveys', summary: 'Open a survey for answers (between its dates, if set).', params: idParams, response: survey, handler: ({ actor, params }) => s.surveys.open(actor, params.id) }),
		route({ method: 'post', path: '/surveys/:id/close', action: 'survey:manage', tag: 'surveys', summary: 'Close a survey: no more answers or changes.', params: idParams, response: survey, handler: ({ actor, params }) => s.surveys.close(actor, params.id) }),
		route({
			method: 'get',
			path: '/surveys/:id/results',
			action: 'survey:results',
			tag: 'surveys',
			summary: 'Results per question from sent responses, with filters by hub, group and date, and the response rate.',
			params: idParams,
			query: surveyResultsQuery,
			response: surveyResults,
			handler: ({ actor, params, query }) => s.surveys.results(actor, params.id, query)
		}),
		route({
			method: 'get',
			path: '/surveys/:id/export',
			action: 'survey:export',
			tag: 'surveys',
			summary: 'Every sent response as JSON, answers in words, shuffled; anonymous surveys carry no names or ids. (CSV: /surveys/:id/export.csv)',
			params: idParams,
			response: z.object({ survey: surveySummary, questions: z.array(z.object({ id: z.string(), title: z.string() })), named: z.boolean(), rows: z.array(z.record(z.string(), z.string())) }),
			handler: ({ actor, params }) => s.surveys.exportRows(actor, params.id)
		}),
		route({
			method: 'get',
			path: '/public/surveys/:id',
			action: 'survey:link',
			tag: 'surveys',
			summary: 'Anyone with a survey link: its title, introduction, who reads the answers, and whether it takes answers.',
			params: idParams,
			response: surveyLinkInfo,
			handler: async ({ params }) => {
				const { orgId, hubId, ...info } = await s.surveys.linkInfo(params.id);
				void orgId;
				void hubId;
				return info;
			}
		}),
		route({
			method: 'post',
			path: '/public/surveys/:id/join',
			action: 'survey:link',
			tag: 'surveys',
			summary: 'Anyone with the link to an "anyone with the link" survey: choose a nickname to start (no email or password).',
			params: idParams,
			body: z.object({ displayName: joinBody.shape.displayName }),
			response: z.object({ participantId: z.string(), displayName: z.string() }),
			handler: async ({ actor, params, body, ip, res }) => {
				const info = await s.surveys.linkInfo(params.id);
				if (info.audience !== 'link') throw new AppError('FORBIDDEN', 'This survey is for a group. Use the invite link from your worker, or join their session.');
				if (!info.accepting) throw new AppError('POLL_CLOSED', 'This survey is not taking answers.');
				if (actor.kind === 'participant' && actor.participant.hubId === info.hubId) return { participantId: actor.participant.id, displayName: actor.participant.displayName };
				if (!s.limiter.hit(`survey-join:${ip}`, 30, 10 * 60_000)) throw new AppError('RATE_LIMITED');
				const r = await s.participants.joinForSurvey({ id: params.id, orgId: info.orgId, hubId: info.hubId, title: info.title }, body.displayName);
				res.cookie(PARTICIPANT_COOKIE, r.token, { ...cookieBase, maxAge: r.maxAgeSeconds * 1000 });
				return { participantId: r.participant.id, displayName: r.participant.displayName };
			}
		}),
		route({
			method: 'get',
			path: '/my/surveys',
			action: 'survey:answer',
			tag: 'surveys',
			summary: 'Young people: surveys for your group and hub, and whether you have started or sent them.',
			response: z.array(mySurvey),
			handler: ({ actor }) => s.surveys.listForParticipant(participantOf(actor))
		}),
		route({
			method: 'get',
			path: '/my/surveys/:id',
			action: 'survey:answer',
			tag: 'surveys',
			summary: 'Young people: a survey to answer, with your saved answers if you started it.',
			params: idParams,
			response: participantSurvey,
			handler: ({ actor, params }) => s.surveys.forParticipant(participantOf(actor), params.id)
		}),
		route({
			method: 'put',
			path: '/my/surveys/:id/response',
			action: 'survey:answer',
			tag: 'surveys',
			summary: 'Young people: save your answers to finish later, or send them. You can change them until the survey closes.',
			params: idParams,
			body: saveResponseBody,
			response: savedResponse,
			handler: ({ actor, params, body }) => s.surveys.saveResponse(participantOf(actor), params.id, body)
		})
	];
}
