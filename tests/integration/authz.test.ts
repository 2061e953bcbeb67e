/**
 * The authorisation table: every registered HTTP route and socket event, tried by every kind of
 * caller. The expectations are written out here by hand, so a policy change must be made twice
 * (in server/auth/policy.ts and here) and a new route cannot ship without a row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventActions } from '../../server/realtime/io.js';
import { Client, connected, emitAck, startTestApp, type TestApp } from '../helpers/app.js';
import { chatHttpRows, chatPathIds, chatSetup, chatSocketPayloads, chatSocketRows, type ChatAuthzContext } from './authz-chat.rows.js';

export type Who = 'anonymous' | 'participant' | 'admin' | 'staff' | 'moderator';
const WHO: Who[] = ['anonymous', 'participant', 'admin', 'staff', 'moderator'];
const ALL: Who[] = WHO;
const STAFF_ANY: Who[] = ['admin', 'staff', 'moderator'];
const FACILITATORS: Who[] = ['admin', 'staff'];

const httpTable: Record<string, Who[]> = {
	'POST /auth/login': ALL,
	'POST /auth/logout': ALL,
	'GET /auth/me': ALL,
	'GET /org': STAFF_ANY,
	'GET /hubs': STAFF_ANY,
	'POST /hubs': ['admin'],
	'GET /groups': STAFF_ANY,
	'POST /groups': ['admin'],
	'GET /users': ['admin'],
	'POST /users': ['admin'],
	'POST /users/:id/disabled': ['admin'],
	'POST /auth/password': STAFF_ANY,
	'GET /audit': ['admin'],
	'GET /polls': FACILITATORS,
	'POST /polls': FACILITATORS,
	'GET /polls/:id': FACILITATORS,
	'POST /polls/:id/open': FACILITATORS,
	'POST /polls/:id/start-vote': FACILITATORS,
	'POST /polls/:id/close': FACILITATORS,
	'POST /polls/:id/publish': FACILITATORS,
	'GET /polls/:id/results': FACILITATORS,
	'GET /polls/:id/export': FACILITATORS,
	'GET /polls/:id/suggestions': FACILITATORS,
	'POST /polls/:id/suggestions/:suggestionId/approve': FACILITATORS,
	'POST /polls/:id/suggestions/:suggestionId/reject': FACILITATORS,
	'GET /polls/:id/answers': STAFF_ANY,
	'POST /polls/:id/answers/:answerId/hide': STAFF_ANY,
	'POST /polls/:id/answers/:answerId/approve': ['admin', 'moderator'],
	'GET /public/polls/:id/results': ALL,
	'POST /polls/:id/suggestions/:suggestionId/release': ['admin', 'moderator'],
	'POST /polls/:id/suggestions/:suggestionId/decline': ['admin', 'moderator'],
	'GET /moderation/counts': ['admin', 'moderator'],
	'GET /moderation/escalations': ['admin', 'moderator'],
	'GET /moderation/escalations/:id': ['admin', 'moderator'],
	'POST /moderation/escalations/:id/actions': ['admin', 'moderator'],
	'GET /moderation/dashboard': ['admin', 'moderator'],
	'GET /moderation/reviews': ['admin', 'moderator'],
	'POST /moderation/reviews/:id/decision': ['admin', 'moderator'],
	'POST /moderation/reviews/bulk': ['admin', 'moderator'],
	'GET /safeguarding/settings': ['admin', 'moderator'],
	'PUT /safeguarding/settings': ['admin'],
	'GET /safeguarding/filter-policy': ['admin', 'moderator'],
	'PUT /safeguarding/filter-policy': ['admin'],
	'POST /safeguarding/filter-test': ['admin', 'moderator'],
	'GET /surveys': FACILITATORS,
	'GET /surveys/templates': FACILITATORS,
	'POST /surveys': FACILITATORS,
	'GET /surveys/:id': FACILITATORS,
	'PUT /surveys/:id': FACILITATORS,
	'POST /surveys/:id/open': FACILITATORS,
	'POST /surveys/:id/close': FACILITATORS,
	'GET /surveys/:id/results': FACILITATORS,
	'GET /surveys/:id/export': FACILITATORS,
	'GET /my/surveys': ['participant'],
	'GET /public/surveys/:id': ALL,
	'POST /public/surveys/:id/join': ALL,
	'GET /my/surveys/:id': ['participant'],
	'PUT /my/surveys/:id/response': ['participant'],
	'GET /feedback': FACILITATORS,
	'GET /feedback/awaiting': FACILITATORS,
	'POST /feedback': FACILITATORS,
	'PATCH /feedback/:id': FACILITATORS,
	'DELETE /feedback/:id': FACILITATORS,
	'GET /my/feedback': ['participant'],
	'GET /reports/participation': FACILITATORS,
	'GET /sessions/:id/polls': FACILITATORS,
	'POST /sessions/:id/activity': FACILITATORS,
	'POST /sessions/:id/results': FACILITATORS,
	'POST /sessions/:id/timer': FACILITATORS,
	'GET /present/:code': ALL,
	'GET /sessions': FACILITATORS,
	'POST /sessions': FACILITATORS,
	'GET /sessions/:id': FACILITATORS,
	'POST /sessions/:id/close': FACILITATORS,
	'DELETE /sessions/:id/participants/:participantId': FACILITATORS,
	'POST /join': ALL,
	'POST /invites': FACILITATORS,
	'POST /invites/redeem': ALL,
	...chatHttpRows
};

const socketTable: Record<string, Who[]> = {
	'session:watch': FACILITATORS,
	'participant:hello': ['participant'],
	'poll:vote': ['participant'],
	'poll:suggest': ['participant'],
	'poll:mine': ['participant'],
	'poll:watch': FACILITATORS,
	'present:watch': ALL,
	...chatSocketRows
};

const socketPayload: Record<string, () => unknown> = {
	'session:watch': () => ({ sessionId }),
	'participant:hello': () => ({}),
	'poll:vote': () => ({ pollId, clientVoteId: 'authz-vote-1', choice: 'nope' }),
	'poll:suggest': () => ({ pollId, clientSuggestionId: 'authz-sugg-1', text: 'An idea' }),
	'poll:mine': () => ({ pollId }),
	'poll:watch': () => ({ pollId }),
	'present:watch': () => ({ code: sessionCode }),
	...Object.fromEntries(Object.entries(chatSocketPayloads).map(([k, f]) => [k, () => f(chatCtx)]))
};

let t: TestApp;
const clients = {} as Record<Who, Client>;
let sessionId = '';
let otherSessionId = '';
let pollId = '';
let sessionCode = '';
let chatCtx: ChatAuthzContext;

beforeAll(async () => {
	t = await startTestApp();
	for (const w of WHO) clients[w] = new Client(t.url);
	await clients.admin.login('admin@test.local', t.world.users.admin.password);
	await clients.staff.login('staff@test.local', t.world.users.staff.password);
	await clients.moderator.login('mod@test.local', t.world.users.moderator.password);
	const s = await clients.staff.post('/api/sessions', { title: 'Authz', groupId: t.world.groupA });
	sessionId = (s.json.data as { id: string }).id;
	sessionCode = (s.json.data as { code: string }).code;
	// A second session to close, so the first stays open for the participant.
	otherSessionId = ((await clients.staff.post('/api/sessions', { title: 'Authz 2', groupId: t.world.groupA })).json.data as { id: string }).id;
	await clients.participant.post('/api/join', { code: (s.json.data as { code: string }).code, displayName: 'Tester' });
	const p = await clients.staff.post('/api/polls', { title: 'P', type: 'single', hubId: t.world.hubA, options: [{ label: 'a' }, { label: 'b' }] });
	pollId = (p.json.data as { id: string }).id;
	chatCtx = await chatSetup(t, clients);
});
afterAll(() => t.close());

describe('socket events by caller', () => {
	for (const [event, allowed] of Object.entries(socketTable)) {
		it(`socket ${event}: only ${allowed.join(', ')}`, async () => {
			for (const who of WHO) {
				const socket = clients[who].socket();
				await connected(socket);
				const r = await emitAck(socket, event, socketPayload[event]!());
				// Allowed callers get past the policy (a business answer such as POLL_CLOSED is fine).
				if (allowed.includes(who)) expect(r.error?.code ?? 'OK', `${who} should be allowed ${event}: ${JSON.stringify(r)}`).not.toMatch(/^(UNAUTHENTICATED|FORBIDDEN)$/);
				else expect(r.error?.code, `${who} must be refused ${event}`).toMatch(/^(UNAUTHENTICATED|FORBIDDEN)$/);
				socket.close();
			}
		});
	}
});

describe('hub scope', () => {
	let staffB: Client;
	beforeAll(async () => {
		staffB = new Client(t.url);
		await staffB.login('staffb@test.local', t.world.users.staffB.password);
	});

	it('hides another hub’s sessions, polls and groups from staff', async () => {
		expect((await staffB.get(`/api/sessions/${sessionId}`)).status).toBe(404);
		expect((await staffB.get(`/api/polls/${pollId}`)).status).toBe(404);
		expect(((await staffB.get('/api/sessions')).json.data as unknown[]).length).toBe(0);
		expect(((await staffB.get('/api/groups')).json.data as { id: string }[]).map((g) => g.id)).toEqual([t.world.groupB]);
		expect((await staffB.post('/api/sessions', { title: 'x', groupId: t.world.groupA })).status).toBe(404);
		expect((await staffB.post('/api/polls', { title: 'x', type: 'open', hubId: t.world.hubA })).status).toBe(404);
		expect((await staffB.post('/api/invites', { groupId: t.world.groupA })).status).toBe(404);
	});

	it('refuses to let staff of one hub watch another hub’s session live', async () => {
		const socket = staffB.socket();
		await connected(socket);
		expect(await emitAck(socket, 'session:watch', { sessionId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
		socket.close();
	});

	it('lets admins see every hub of their organisation', async () => {
		expect(((await clients.admin.get('/api/groups')).json.data as unknown[]).length).toBe(2);
		expect((await clients.admin.get(`/api/sessions/${sessionId}`)).status).toBe(200);
	});
});

// Last: the logout row ends every caller's session.
describe('authorisation table', () => {
	it('has a row for every HTTP route and socket event that exists', () => {
		expect(t.app.routes.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort()).toEqual(Object.keys(httpTable).sort());
		expect(Object.keys(eventActions).sort()).toEqual(Object.keys(socketTable).sort());
	});

	// Logout last: it ends the caller's session.
	const rows = Object.entries(httpTable).sort(([a], [b]) => Number(a === 'POST /auth/logout') - Number(b === 'POST /auth/logout'));
	for (const [key, allowed] of rows) {
		it(`${key}: only ${allowed.join(', ')}`, async () => {
			const [method, path] = key.split(' ') as [string, string];
			const real = path
				.replace('/sessions/:id/close', `/sessions/${otherSessionId}/close`)
				.replace('/sessions/:id', `/sessions/${sessionId}`)
				.replace('/polls/:id', `/polls/${pollId}`)
				.replace(':participantId', 'aaaaaaaaaaaaaaaaaaaaaaaa')
				.replace('/users/:id', '/users/aaaaaaaaaaaaaaaaaaaaaaaa')
				.replace(':suggestionId', 'aaaaaaaaaaaaaaaaaaaaaaaa')
				.replace(':answerId', '00000000-0000-4000-8000-000000000000')
				.replace(':code', sessionCode)
				.replace(/:(\w+)/g, (_m, name: string) => chatPathIds(chatCtx)[name] ?? 'aaaaaaaaaaaaaaaaaaaaaaaa');
			for (const who of WHO) {
				const r = await clients[who].request(method, `/api${real}`, method === 'GET' || method === 'DELETE' ? undefined : {});
				if (allowed.includes(who)) expect([401, 403], `${who} should be allowed ${key}`).not.toContain(r.status);
				else {
					expect(r.status, `${who} must be refused ${key}`).toBe(who === 'anonymous' ? 401 : 403);
					expect(r.json.error?.code).toBe(who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
				}
			}
		});
	}

});

