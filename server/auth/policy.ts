/**
 * The one authorisation policy. Every HTTP route and socket event names an action from
 * `permissions`; the transport calls `authorize` before the handler runs, and services call
 * `assertScope` for the hub a resource belongs to. Handlers never improvise checks.
 */
import type { ParticipantIdentity, StaffRole, StaffUser } from '../../contracts/index.js';
import { AppError } from '../errors.js';
import { chatPermissions } from './chat-permissions.js';

export type Actor =
	| { kind: 'anonymous' }
	| { kind: 'staff'; user: StaffUser }
	| { kind: 'participant'; participant: ParticipantIdentity };

export type Principal = 'anonymous' | 'participant' | StaffRole;
export const principals: readonly Principal[] = ['anonymous', 'participant', 'admin', 'staff', 'moderator'];

const EVERYONE: Principal[] = ['anonymous', 'participant', 'admin', 'staff', 'moderator'];
const STAFF_ANY: Principal[] = ['admin', 'staff', 'moderator'];
const FACILITATORS: Principal[] = ['admin', 'staff'];

export const permissions = {
	'system:health': EVERYONE,
	'system:openapi': EVERYONE,
	'auth:login': EVERYONE,
	'auth:logout': EVERYONE,
	'auth:me': EVERYONE,
	'org:read': STAFF_ANY,
	'hub:list': STAFF_ANY,
	'hub:create': ['admin'],
	'group:list': STAFF_ANY,
	'group:create': ['admin'],
	'user:list': ['admin'],
	'user:create': ['admin'],
	'user:disable': ['admin'],
	'auth:change-password': STAFF_ANY,
	'audit:read': ['admin'],
	'poll:list': FACILITATORS,
	'poll:create': FACILITATORS,
	'poll:read': FACILITATORS,
	'poll:manage': FACILITATORS,
	'poll:results': FACILITATORS,
	'poll:export': FACILITATORS,
	'poll:watch': FACILITATORS,
	'poll:answers': ['admin', 'staff', 'moderator'],
	'poll:answer-hide': ['admin', 'staff', 'moderator'],
	'poll:answer-approve': ['admin', 'moderator'],
	'poll:public-results': EVERYONE,
	'review:list': ['admin', 'moderator'],
	'review:decide': ['admin', 'moderator'],
	'escalation:list': ['admin', 'moderator'],
	'escalation:read': ['admin', 'moderator'],
	'escalation:act': ['admin', 'moderator'],
	'escalation:dashboard': ['admin', 'moderator'],
	'escalation:export': ['admin', 'moderator'],
	'safeguarding:settings-read': ['admin', 'moderator'],
	'safeguarding:settings': ['admin'],
	'filter-policy:read': ['admin', 'moderator'],
	'filter-policy:update': ['admin'],
	'filter-policy:test': ['admin', 'moderator'],
	'audit:export': ['admin'],
	'survey:list': FACILITATORS,
	'survey:create': FACILITATORS,
	'survey:read': FACILITATORS,
	'survey:manage': FACILITATORS,
	'survey:results': FACILITATORS,
	'survey:export': FACILITATORS,
	'survey:answer': ['participant'],
	'survey:link': EVERYONE,
	'feedback:list': FACILITATORS,
	'feedback:manage': FACILITATORS,
	'feedback:board': ['participant'],
	'report:participation': FACILITATORS,
	'poll:vote': ['participant'],
	'poll:suggest': ['participant'],
	'poll:mine': ['participant'],
	'session:activity': FACILITATORS,
	'session:present': EVERYONE,
	'session:list': FACILITATORS,
	'session:create': FACILITATORS,
	'session:read': FACILITATORS,
	'session:close': FACILITATORS,
	'session:watch': FACILITATORS,
	'session:remove-participant': FACILITATORS,
	'invite:create': FACILITATORS,
	'participant:join': EVERYONE,
	'participant:redeem-invite': EVERYONE,
	'participant:hello': ['participant'],
	...chatPermissions
} satisfies Record<string, Principal[]>;

export type Action = keyof typeof permissions;

export function principalOf(actor: Actor): Principal {
	if (actor.kind === 'staff') return actor.user.role;
	return actor.kind;
}

export function isAllowed(actor: Actor, action: Action): boolean {
	return (permissions[action] as Principal[]).includes(principalOf(actor));
}

export function authorize(actor: Actor, action: Action): void {
	if (isAllowed(actor, action)) return;
	if (actor.kind === 'anonymous' || (actor.kind === 'participant' && !(permissions[action] as Principal[]).includes('participant')))
		throw new AppError(actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
	throw new AppError('FORBIDDEN');
}

/** Staff see their own organisation; staff and moderators only their hubs; admins every hub of theirs. */
export function canSeeHub(actor: Actor, scope: { orgId: string; hubId: string }): boolean {
	if (actor.kind !== 'staff') return false;
	if (actor.user.orgId !== scope.orgId) return false;
	return actor.user.role === 'admin' || actor.user.hubIds.includes(scope.hubId);
}

export function assertScope(actor: Actor, scope: { orgId: string; hubId: string }): void {
	// NOT_FOUND rather than FORBIDDEN: do not confirm that another hub's item exists.
	if (!canSeeHub(actor, scope)) throw new AppError('NOT_FOUND');
}

/** Hub ids a staff actor may list, or null for "all in the organisation" (admins). */
export function hubFilter(actor: Actor): string[] | null {
	if (actor.kind !== 'staff') return [];
	return actor.user.role === 'admin' ? null : actor.user.hubIds;
}

export function staffOf(actor: Actor): StaffUser {
	if (actor.kind !== 'staff') throw new AppError('UNAUTHENTICATED');
	return actor.user;
}
