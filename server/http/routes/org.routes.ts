import { z } from 'zod';
import { auditEntry, auditQuery, createGroupBody, createHubBody, createUserBody, group, hub, organisation, setDisabledBody, staffUser } from '../../../contracts/index.js';
import { staffOf } from '../../auth/policy.js';
import type { Services } from '../../services/index.js';
import { idParams, route } from '../route.js';


export function orgRoutes(s: Services) {
	return [
		route({ method: 'get', path: '/org', action: 'org:read', tag: 'organisation', summary: 'Your organisation.', response: organisation, handler: ({ actor }) => s.org.organisation(actor) }),
		route({ method: 'get', path: '/hubs', action: 'hub:list', tag: 'organisation', summary: 'Hubs you can see.', response: z.array(hub), handler: ({ actor }) => s.org.listHubs(actor) }),
		route({
			method: 'post',
			path: '/hubs',
			action: 'hub:create',
			tag: 'organisation',
			summary: 'Create a hub (admins).',
			body: createHubBody,
			response: hub,
			status: 201,
			handler: ({ actor, body }) => s.org.createHub(actor, body.name)
		}),
		route({ method: 'get', path: '/groups', action: 'group:list', tag: 'organisation', summary: 'Groups in hubs you can see.', response: z.array(group), handler: ({ actor }) => s.org.listGroups(actor) }),
		route({
			method: 'post',
			path: '/groups',
			action: 'group:create',
			tag: 'organisation',
			summary: 'Create a reference group in a hub (admins).',
			body: createGroupBody,
			response: group,
			status: 201,
			handler: ({ actor, body }) => s.org.createGroup(actor, body)
		}),
		route({ method: 'get', path: '/users', action: 'user:list', tag: 'accounts', summary: 'Staff accounts (admins).', response: z.array(staffUser), handler: ({ actor }) => s.auth.listUsers(staffOf(actor).orgId) }),
		route({
			method: 'post',
			path: '/users',
			action: 'user:create',
			tag: 'accounts',
			summary: 'Create a staff, moderator or admin account (admins).',
			body: createUserBody,
			response: staffUser,
			status: 201,
			handler: ({ actor, body }) => s.auth.createUser({ ...body, orgId: staffOf(actor).orgId }, actor)
		}),
		route({
			method: 'post',
			path: '/users/:id/disabled',
			action: 'user:disable',
			tag: 'accounts',
			summary: 'Switch an account off (its sessions end at once) or back on (admins).',
			params: idParams,
			body: setDisabledBody,
			response: staffUser,
			handler: ({ actor, params, body }) => s.auth.setDisabled(actor, params.id, body.disabled)
		}),
		route({
			method: 'get',
			path: '/audit',
			action: 'audit:read',
			tag: 'accounts',
			summary: 'The audit log, newest first, with filters (admins). Append-only: nothing in the app can change it.',
			query: auditQuery,
			response: z.array(auditEntry),
			handler: ({ actor, query }) => s.audit.search(staffOf(actor).orgId, query)
		})
	];
}
