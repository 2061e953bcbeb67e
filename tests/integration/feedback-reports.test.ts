/**
 * "You said, we did" boards and the participation report on the real server and database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, connected, emitAck, startTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let staff: Client;
let staffB: Client;
let clock = Date.now();
const DAY = 86_400_000;

const NAMES = ['Blue Fox', 'Green Owl', 'Brave Otter', 'Calm Badger', 'Kind Robin', 'Quick Hare', 'Sunny Wren', 'Bright Seal', 'Gentle Deer'];

async function session(c: Client, groupId: string) {
	return (await c.post('/api/sessions', { title: 'Evening', groupId })).json.data as { id: string; code: string };
}

async function join(code: string, name: string) {
	const c = new Client(t.url);
	const r = await c.post('/api/join', { code, displayName: name });
	if (r.status !== 200) throw new Error(`join failed: ${r.text}`);
	return c;
}

async function openPoll(c: Client, hubId: string, groupId: string, title: string) {
	const p = (await c.post('/api/polls', { hubId, groupId, title, type: 'single', options: [{ label: 'Yes' }, { label: 'No' }] })).json.data as { id: string; options: { id: string }[] };
	await c.post(`/api/polls/${p.id}/open`, {});
	return p;
}

async function vote(yp: Client, poll: { id: string; options: { id: string }[] }, i: number) {
	const socket = yp.socket();
	await connected(socket);
	const r = await emitAck(socket, 'poll:vote', { pollId: poll.id, clientVoteId: `vote-${poll.id}-${i}`, choice: poll.options[i % 2]!.id });
	socket.close();
	if (!r.ok) throw new Error(`vote failed: ${JSON.stringify(r)}`);
}

/** Each block gets its own organisation and database, so counts start from nothing. */
function freshApp() {
	beforeAll(async () => {
		t = await startTestApp({ deps: { now: () => new Date(clock) } });
		staff = new Client(t.url);
		await staff.login('staff@test.local', t.world.users.staff.password);
		staffB = new Client(t.url);
		await staffB.login('staffb@test.local', t.world.users.staffB.password);
	});
	afterAll(() => t.close());
}

describe('You said, we did', () => {
	freshApp();
	it('shows a group’s posts to that group, hub-wide posts to the hub, and lists closed polls still waiting for one', async () => {
		const s = await session(staff, t.world.groupA);
		const a = await join(s.code, 'Jolly Panda');
		const b = await join((await session(staffB, t.world.groupB)).code, 'Merry Koala');
		const poll = await openPoll(staff, t.world.hubA, t.world.groupA, 'Keep the name No Wrong Door?');
		const other = await openPoll(staff, t.world.hubA, t.world.groupA, 'Pizza or curry?');
		await staff.post(`/api/polls/${poll.id}/close`, {});
		await staff.post(`/api/polls/${other.id}/close`, {});
		let awaiting = (await staff.get('/api/feedback/awaiting')).json.data as { id: string }[];
		expect(awaiting.map((x) => x.id)).toEqual(expect.arrayContaining([poll.id, other.id]));

		const post = await staff.post('/api/feedback', {
			hubId: t.world.hubA,
			groupId: t.world.groupA,
			source: { kind: 'poll', id: poll.id },
			youSaid: 'The name No Wrong Door overpromises.',
			weDid: 'We are now called The Harbour.',
			status: 'in-progress'
		});
		expect(post.status).toBe(201);
		const id = (post.json.data as { id: string }).id;
		await staff.post('/api/feedback', { hubId: t.world.hubA, youSaid: 'The hub closes too early.', weDid: 'It is open until 8pm on Thursdays.', status: 'done' });

		awaiting = (await staff.get('/api/feedback/awaiting')).json.data as { id: string }[];
		expect(awaiting.map((x) => x.id)).not.toContain(poll.id);
		expect(awaiting.map((x) => x.id)).toContain(other.id);

		const board = (await a.get('/api/my/feedback')).json.data as { weDid: string; status: string; source: { title: string } | null; groupName: string | null }[];
		expect(board.map((p) => p.weDid).sort()).toEqual(['It is open until 8pm on Thursdays.', 'We are now called The Harbour.']);
		expect(board.find((p) => p.source)?.source?.title).toBe('Keep the name No Wrong Door?');
		// Group B is in another hub: it sees neither post.
		expect((await b.get('/api/my/feedback')).json.data).toEqual([]);

		const done = await staff.request('PATCH', `/api/feedback/${id}`, { status: 'done' });
		// Only the status changes: the post stays on the group's board and linked to its poll.
		expect(done.json.data).toMatchObject({ status: 'done', groupId: t.world.groupA, source: { kind: 'poll', id: poll.id }, youSaid: 'The name No Wrong Door overpromises.' });
		// Another hub's staff can neither change it nor link their posts to this hub's poll.
		expect((await staffB.request('PATCH', `/api/feedback/${id}`, { status: 'planned' })).status).toBe(404);
		expect((await staffB.post('/api/feedback', { hubId: t.world.hubB, source: { kind: 'poll', id: poll.id }, youSaid: 'x', weDid: 'y' })).status).toBe(404);
		const bad = await staff.post('/api/feedback', { hubId: t.world.hubA, groupId: t.world.groupB, youSaid: 'x', weDid: 'y' });
		expect(bad.status).toBe(400);
		expect(bad.json.error?.fields).toEqual({ groupId: 'Not in this hub.' });
	});
});

describe('participation report', () => {
	freshApp();
	it('counts young people, repeat visits, sessions and answers by hub and month, hiding numbers under 5', async () => {
		const month = new Date(clock).toISOString().slice(0, 7);

		const s = await session(staff, t.world.groupA);
		const people = [];
		for (const n of NAMES.slice(0, 6)) people.push(await join(s.code, n));
		const poll = await openPoll(staff, t.world.hubA, t.world.groupA, 'Was tonight good?');
		for (const [i, yp] of people.entries()) await vote(yp, poll, i);
		// Five of them come back the next day for a survey.
		clock += DAY;
		const survey = (await staff.post('/api/surveys', { template: 'wellbeing-check-in', audience: { kind: 'group', groupId: t.world.groupA } })).json.data as { id: string };
		await staff.post(`/api/surveys/${survey.id}/open`, {});
		for (const yp of people.slice(0, 5)) expect((await yp.request('PUT', `/api/my/surveys/${survey.id}/response`, { answers: { mood: '4' }, submit: true })).status).toBe(200);
		// Hub B: only three young people.
		const sb = await session(staffB, t.world.groupB);
		const pollB = await openPoll(staffB, t.world.hubB, t.world.groupB, 'Hub B poll');
		for (const [i, n] of NAMES.slice(6).entries()) await vote(await join(sb.code, n), pollB, i);

		const admin = new Client(t.url);
		await admin.login('admin@test.local', t.world.users.admin.password);
		const r = (await admin.get(`/api/reports/participation?from=${month}&to=${month}`)).json.data as {
			months: string[];
			rows: { hubName: string; youngPeople: number | null; repeat: number | null; sessions: number; pollsRun: number; surveysRun: number; pollAnswers: number | null; surveyResponses: number | null; surveyResponseRate: number | null }[];
		};
		expect(r.months).toEqual([month]);
		const a = r.rows.find((x) => x.hubName === 'Hub A')!;
		expect(a.youngPeople).toBe(6);
		expect(a.repeat).toBe(5);
		expect(a.sessions).toBe(1);
		expect(a.pollsRun).toBe(1);
		expect(a.surveysRun).toBe(1);
		expect(a.pollAnswers).toBe(6);
		expect(a.surveyResponses).toBe(5);
		expect(a.surveyResponseRate).not.toBeNull();
		const b = r.rows.find((x) => x.hubName === 'Hub B')!;
		// Three young people could be picked out: the report says "fewer than 5" instead.
		expect(b.youngPeople).toBeNull();
		expect(b.pollAnswers).toBeNull();
		expect(b.pollsRun).toBe(1);

		// Staff of one hub see only their hub.
		const own = (await staffB.get(`/api/reports/participation?from=${month}&to=${month}`)).json.data as { rows: { hubName: string }[] };
		expect(own.rows.map((x) => x.hubName)).toEqual(['Hub B']);

		const csv = await admin.get(`/api/reports/participation.csv?from=${month}&to=${month}`);
		const lines = csv.text.replace(/^\ufeff/, '').trim().split('\r\n');
		expect(lines[0]).toBe('Hub,Month,Young people,Took part on 2+ days,Sessions,Polls run,Surveys run,Poll answers,Survey responses,Survey response rate');
		expect(lines.find((l) => l.startsWith('Hub B'))).toContain('<5');
		expect(csv.text).not.toMatch(/Blue Fox|Green Owl/);
	});
});
