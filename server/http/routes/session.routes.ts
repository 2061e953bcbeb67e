import { z } from 'zod';
import { createInviteBody, createSessionBody, invite, joinBody, joinCode, joinResult, liveSession, objectId, poll, presentation, redeemInviteBody, setActivityBody, showResultsBody, timerBody } from '../../../contracts/index.js';
import { PARTICIPANT_COOKIE } from '../../auth/tokens.js';
import type { Services } from '../../services/index.js';
import { idParams, route } from '../route.js';
import type { CookieOptions } from 'express';

export function sessionRoutes(s: Services, cookieBase: CookieOptions) {
	return [
		route({ method: 'get', path: '/sessions', action: 'session:list', tag: 'live sessions', summary: 'Recent live sessions in hubs you can see.', response: z.array(liveSession), handler: ({ actor }) => s.liveSessions.list(actor) }),
		route({
			method: 'post',
			path: '/sessions',
			action: 'session:create',
			tag: 'live sessions',
			summary: 'Start a live session for a group; returns its join code and link.',
			body: createSessionBody,
			response: liveSession,
			status: 201,
			handler: ({ actor, body }) => s.liveSessions.create(actor, body)
		}),
		route({ method: 'get', path: '/sessions/:id', action: 'session:read', tag: 'live sessions', summary: 'One live session.', params: idParams, response: liveSession, handler: ({ actor, params }) => s.liveSessions.get(actor, params.id) }),
		route({
			method: 'post',
			path: '/sessions/:id/close',
			action: 'session:close',
			tag: 'live sessions',
			summary: 'End a live session; its join code stops working.',
			params: idParams,
			response: liveSession,
			handler: ({ actor, params }) => s.liveSessions.close(actor, params.id)
		}),
		route({
			method: 'get',
			path: '/sessions/:id/polls',
			action: 'session:read',
			tag: 'live sessions',
			summary: "Polls that can be run in this session (its group's and its hub's).",
			params: idParams,
			response: z.array(poll),
			handler: async ({ actor, params }) => {
				const session = await s.liveSessions.get(actor, params.id);
				return s.polls.listForGroup(session.groupId, session.hubId);
			}
		}),
		route({
			method: 'post',
			path: '/sessions/:id/activity',
			action: 'session:activity',
			tag: 'live sessions',
			summary: "Put a poll on everyone's screens (opening it if it is a draft), or clear them with pollId null.",
			params: idParams,
			body: setActivityBody,
			response: liveSession,
			handler: ({ actor, params, body }) => s.liveSessions.setActivity(actor, params.id, body.pollId)
		}),
		route({
			method: 'post',
			path: '/sessions/:id/results',
			action: 'session:activity',
			tag: 'live sessions',
			summary: 'Show or hide the current poll’s results on phones and the projector.',
			params: idParams,
			body: showResultsBody,
			response: liveSession,
			handler: ({ actor, params, body }) => s.liveSessions.setShowResults(actor, params.id, body.show)
		}),
		route({
			method: 'post',
			path: '/sessions/:id/timer',
			action: 'session:activity',
			tag: 'live sessions',
			summary: 'Start, extend or stop an optional countdown for the current question. It never closes the poll by itself, and young people can hide it.',
			params: idParams,
			body: timerBody,
			response: liveSession,
			handler: ({ actor, params, body }) => s.liveSessions.setTimer(actor, params.id, body)
		}),
		route({
			method: 'get',
			path: '/present/:code',
			action: 'session:present',
			tag: 'live sessions',
			summary: 'What the projector shows for a session: join details, the current question and (when shown) its results. No names.',
			params: z.object({ code: joinCode }),
			response: presentation,
			handler: ({ params, ip }) => s.liveSessions.presentation(params.code, ip)
		}),
		route({
			method: 'delete',
			path: '/sessions/:id/participants/:participantId',
			action: 'session:remove-participant',
			tag: 'live sessions',
			summary: 'Remove a participant from a live session.',
			params: z.object({ id: objectId, participantId: objectId }),
			response: z.object({}),
			handler: async ({ actor, params }) => {
				await s.liveSessions.removeParticipant(actor, params.id, params.participantId);
				return {};
			}
		}),
		route({
			method: 'post',
			path: '/join',
			action: 'participant:join',
			tag: 'participants',
			summary: 'A young person joins a live session with its code and a nickname.',
			body: joinBody,
			response: joinResult,
			handler: async ({ actor, body, ip, res }) => {
				const r = await s.liveSessions.join(body.code, body.displayName, ip, actor.kind === 'participant' ? actor.participant : null);
				if (r.token) res.cookie(PARTICIPANT_COOKIE, r.token, { ...cookieBase, maxAge: (r.maxAgeSeconds ?? 86400) * 1000 });
				return { participantId: r.participant.id, displayName: r.participant.displayName, session: r.session };
			}
		}),
		route({
			method: 'post',
			path: '/invites',
			action: 'invite:create',
			tag: 'participants',
			summary: 'Create a single-use invite link that gives a young person a lasting identity in a group.',
			body: createInviteBody,
			response: invite,
			status: 201,
			handler: ({ actor, body }) => s.participants.createInvite(actor, body.groupId)
		}),
		route({
			method: 'post',
			path: '/invites/redeem',
			action: 'participant:redeem-invite',
			tag: 'participants',
			summary: 'A young person accepts an invite with a nickname.',
			body: redeemInviteBody,
			response: z.object({ participantId: z.string(), displayName: z.string(), groupId: z.string() }),
			handler: async ({ body, res }) => {
				const r = await s.participants.redeemInvite(body.token, body.displayName);
				res.cookie(PARTICIPANT_COOKIE, r.token, { ...cookieBase, maxAge: r.maxAgeSeconds * 1000 });
				return { participantId: r.participant.id, displayName: r.participant.displayName, groupId: r.participant.groupId ?? '' };
			}
		})
	];
}
