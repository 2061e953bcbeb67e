import { z } from 'zod';
import { changePasswordBody, loginBody, meResponse, staffUser } from '../../../contracts/index.js';
import { PARTICIPANT_COOKIE, STAFF_COOKIE } from '../../auth/tokens.js';
import type { Services } from '../../services/index.js';
import { route } from '../route.js';
import { parseCookies } from '../cookies.js';
import type { CookieOptions } from 'express';

export function authRoutes(s: Services, cookieBase: CookieOptions) {
	return [
		route({
			method: 'post',
			path: '/auth/login',
			action: 'auth:login',
			tag: 'auth',
			summary: 'Sign in with email and password; sets the httpOnly session cookie.',
			body: loginBody,
			response: z.object({ user: staffUser }),
			handler: async ({ body, ip, req, res }) => {
				const previous = parseCookies(req.headers.cookie)[STAFF_COOKIE];
				const { token, user, maxAgeSeconds } = await s.auth.login(body.email, body.password, ip, previous);
				res.cookie(STAFF_COOKIE, token, { ...cookieBase, maxAge: maxAgeSeconds * 1000 });
				return { user };
			}
		}),
		route({
			method: 'post',
			path: '/auth/logout',
			action: 'auth:logout',
			tag: 'auth',
			summary: 'Sign out: ends the session and clears the cookie.',
			response: z.object({}),
			handler: async ({ actor, req, res }) => {
				await s.auth.logout(parseCookies(req.headers.cookie)[STAFF_COOKIE], actor);
				res.clearCookie(STAFF_COOKIE, cookieBase);
				res.clearCookie(PARTICIPANT_COOKIE, cookieBase);
				return {};
			}
		}),
		route({
			method: 'post',
			path: '/auth/password',
			action: 'auth:change-password',
			tag: 'auth',
			summary: 'Change your own password; your other sessions end.',
			body: changePasswordBody,
			response: z.object({}),
			handler: async ({ actor, body, req }) => {
				await s.auth.changePassword(actor, parseCookies(req.headers.cookie)[STAFF_COOKIE], body);
				return {};
			}
		}),
		route({
			method: 'get',
			path: '/auth/me',
			action: 'auth:me',
			tag: 'auth',
			summary: 'Who is signed in: a staff user, a participant, or neither.',
			response: meResponse,
			handler: ({ actor }) => ({
				user: actor.kind === 'staff' ? actor.user : null,
				participant: actor.kind === 'participant' ? actor.participant : null
			})
		})
	];
}
