/**
 * Live polls end to end on the real server: pushing a poll to phones, votes over Socket.IO with
 * retries and changes, integrity under 500 concurrent voters, closing, anonymity, suggestions,
 * held text, and the projector.
 */
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, connected, emitAck, nextEvent, startTestApp, type TestApp } from '../helpers/app.js';
import { seededRandom } from '../helpers/random.js';
import { RESULTS_INTERVAL_MS } from '../../server/realtime/io.js';

let t: TestApp;
let staff: Client;
let session: { id: string; code: string };

/** Friendly, unique nicknames (names with digits or stray letters can look like handles or swearing). */
const ADJ = ['Blue', 'Green', 'Brave', 'Calm', 'Kind', 'Quick', 'Sunny', 'Bright', 'Gentle', 'Happy', 'Jolly', 'Lucky', 'Merry', 'Proud', 'Quiet', 'Silver', 'Golden', 'Swift', 'Wise', 'Cosy'];
const ANIMAL = ['Fox', 'Owl', 'Otter', 'Badger', 'Robin', 'Hare', 'Wren', 'Seal', 'Deer', 'Swan', 'Heron', 'Mole', 'Finch', 'Lynx', 'Panda', 'Koala', 'Tiger', 'Puffin', 'Bee', 'Dolphin', 'Falcon', 'Pony', 'Lamb', 'Newt', 'Toad'];
const GROUPS = ['', ' Star', ' Moon', ' Cloud', ' River', ' Hill', ' Leaf', ' Stone', ' Wave', ' Spark', ' Drum', ' Kite', ' Bell', ' Rain', ' Snow', ' Sand', ' Dew'];
const nick = (i: number) => `${ADJ[i % 20]} ${ANIMAL[Math.floor(i / 20) % 25]}${GROUPS[Math.floor(i / 500) % GROUPS.length]}`;

interface Yp {
	client: Client;
	socket: Socket;
	id: string;
}

async function joinMany(n: number, from = 0): Promise<Yp[]> {
	const out: Yp[] = [];
	for (let start = 0; start < n; start += 50) {
		const batch = await Promise.all(
			Array.from({ length: Math.min(50, n - start) }, async (_, k) => {
				const client = new Client(t.url);
				const r = await client.post('/api/join', { code: session.code, displayName: nick(from + start + k) });
				if (r.status !== 200) throw new Error(`join failed: ${r.text}`);
				const socket = client.socket();
				await connected(socket);
				return { client, socket, id: (r.json.data as { participantId: string }).participantId };
			})
		);
		out.push(...batch);
	}
	return out;
}

async function createPoll(body: Record<string, unknown>) {
	const r = await staff.post('/api/polls', { hubId: t.world.hubA, groupId: t.world.groupA, ...body });
	if (r.status !== 201) throw new Error(`poll create failed: ${r.text}`);
	return r.json.data as { id: string; options: { id: string; label: string }[]; state: string };
}

const push = (pollId: string | null) => staff.post(`/api/sessions/${session.id}/activity`, { pollId });
const results = async (pollId: string) => (await staff.get(`/api/polls/${pollId}/results`)).json.data as {
	totalBallots: number;
	options: { id: string; label: string; votes: number }[];
	winner?: string | null;
	rounds?: unknown[];
	named?: { displayName: string; answer: string }[];
	texts?: string[];
	words?: { word: string }[];
	explanation: string[];
};

beforeAll(async () => {
	t = await startTestApp();
	staff = new Client(t.url);
	await staff.login('staff@test.local', t.world.users.staff.password);
	session = (await staff.post('/api/sessions', { title: 'Naming night', groupId: t.world.groupA })).json.data as typeof session;
});
afterAll(() => t.close());

describe('a poll on everyone’s screens', () => {
	it('reaches phones when staff push it, and a reconnecting phone gets the question and its own answer back', async () => {
		const [yp] = await joinMany(1, 1000);
		const poll = await createPoll({ title: 'Pick a snack', type: 'single', options: [{ label: 'Crisps', emoji: '🥔' }, { label: 'Fruit' }] });
		const arrives = nextEvent<{ activity: { poll: { id: string; answerAs: string; state: string } } }>(yp!.socket, 'session:activity');
		expect((await push(poll.id)).status).toBe(200);
		const a = await arrives;
		expect(a.activity.poll).toMatchObject({ id: poll.id, answerAs: 'single', state: 'open' });

		const vote = await emitAck(yp!.socket, 'poll:vote', { pollId: poll.id, clientVoteId: 'reconnect-test-1', choice: poll.options[1]!.id });
		expect(vote).toMatchObject({ ok: true, data: { status: 'counted', changed: false } });

		// The phone sleeps and wakes up: a new connection gets everything back.
		yp!.socket.close();
		const again = yp!.client.socket();
		await connected(again);
		const hello = await emitAck<{ activity: { poll: { id: string } } }>(again, 'participant:hello', {});
		expect(hello.data?.activity.poll.id).toBe(poll.id);
		expect(await emitAck(again, 'poll:mine', { pollId: poll.id })).toMatchObject({ ok: true, data: { value: { kind: 'choice', choice: poll.options[1]!.id } } });
		again.close();
		await push(null);
	});
});

describe('integrity', () => {
	it('after 500 young people vote at once (some changing, some retrying), results, projector and a recount all agree', async () => {
		const people = await joinMany(500);
		const poll = await createPoll({
			title: 'Choose a new name for our service',
			type: 'single',
			options: ['The Harbour', 'Next Steps', 'Bridges', "Keep 'No Wrong Door'"].map((label) => ({ label }))
		});
		await push(poll.id);
		await staff.post(`/api/sessions/${session.id}/results`, { show: true });
		const projector = new Client(t.url).socket();
		await connected(projector);
		const seen: { totalBallots: number }[] = [];
		projector.on('poll:results', (r: { totalBallots: number }) => seen.push(r));
		expect((await emitAck(projector, 'present:watch', { code: session.code })).ok).toBe(true);

		const rand = seededRandom(42);
		const startedAt = Date.now();
		const intended = new Map<string, string>();
		await Promise.all(
			people.map(async (p, i) => {
				const first = poll.options[Math.floor(rand() * 4)]!.id;
				const sends = [emitAck(p.socket, 'poll:vote', { pollId: poll.id, clientVoteId: `first-${i}-vote`, choice: first })];
				if (i % 5 === 1) sends.push(emitAck(p.socket, 'poll:vote', { pollId: poll.id, clientVoteId: `first-${i}-vote`, choice: first })); // a retry
				const acks = await Promise.all(sends);
				for (const a of acks) expect(a.ok, JSON.stringify(a)).toBe(true);
				intended.set(p.id, first);
				if (i % 5 === 2) {
					const second = poll.options[(poll.options.findIndex((o) => o.id === first) + 1) % 4]!.id;
					const c = await emitAck<{ changed: boolean }>(p.socket, 'poll:vote', { pollId: poll.id, clientVoteId: `second-${i}-vote`, choice: second });
					expect(c, JSON.stringify(c)).toMatchObject({ ok: true, data: { changed: true } });
					intended.set(p.id, second);
				}
			})
		);

		const expected = new Map<string, number>();
		for (const c of intended.values()) expected.set(c, (expected.get(c) ?? 0) + 1);

		// Recount straight from the ballots collection.
		const ballots = await t.app.repos.ballots.listForPoll(poll.id);
		expect(ballots).toHaveLength(500);
		const recount = new Map<string, number>();
		for (const b of ballots) recount.set(b.choice!, (recount.get(b.choice!) ?? 0) + 1);
		expect(recount).toEqual(expected);

		const r = await results(poll.id);
		expect(r.totalBallots).toBe(500);
		for (const o of r.options) expect(o.votes, o.label).toBe(expected.get(o.id) ?? 0);

		const pres = (await new Client(t.url).get(`/api/present/${session.code}`)).json.data as { activity: { results: { options: { id: string; votes: number }[] } } };
		for (const o of pres.activity.results.options) expect(o.votes).toBe(expected.get(o.id) ?? 0);

		// Live updates were coalesced (at most one per interval, however fast votes came), and the
		// last one the projector got is the final count.
		await new Promise((ok) => setTimeout(ok, 3 * RESULTS_INTERVAL_MS));
		const elapsed = Date.now() - startedAt;
		expect(seen.length).toBeGreaterThan(0);
		expect(seen.length).toBeLessThanOrEqual(Math.ceil(elapsed / RESULTS_INTERVAL_MS) + 1);
		expect(seen[seen.length - 1]!.totalBallots).toBe(500);

		// Votes after close are refused clearly, and change nothing.
		await staff.post(`/api/polls/${poll.id}/close`, {});
		const late = await emitAck(people[0]!.socket, 'poll:vote', { pollId: poll.id, clientVoteId: 'too-late-vote', choice: poll.options[0]!.id });
		expect(late).toMatchObject({ ok: false, error: { code: 'POLL_CLOSED' } });
		expect((await results(poll.id)).totalBallots).toBe(500);

		projector.close();
		for (const p of people) p.socket.close();
		await push(null);
	}, 120_000);
});

describe('anonymity', () => {
	it('keeps who voted what out of anonymous results, exports and the ballot store', async () => {
		const people = await joinMany(3, 2000);
		const poll = await createPoll({ title: 'Anon', type: 'single', options: [{ label: 'Yes' }, { label: 'No' }] });
		await push(poll.id);
		for (const [i, p] of people.entries()) await emitAck(p.socket, 'poll:vote', { pollId: poll.id, clientVoteId: `anon-${i}-vote`, choice: poll.options[i % 2]!.id });
		const r = await staff.get(`/api/polls/${poll.id}/results`);
		const exp = await staff.get(`/api/polls/${poll.id}/export`);
		const csv = await staff.get(`/api/polls/${poll.id}/export.csv`);
		const stored = JSON.stringify(await t.app.repos.ballots.listForPoll(poll.id));
		for (const p of people) {
			for (const text of [r.text, exp.text, csv.text, stored]) {
				expect(text).not.toContain(p.id);
				expect(text).not.toContain(nick(2000 + people.indexOf(p)));
			}
		}
		expect(csv.text.split('\r\n')[0]!.replace(/^\ufeff/, '')).toBe('answer');
		expect(csv.headers.get('content-type')).toContain('text/csv');
		expect((r.json.data as { named?: unknown }).named).toBeUndefined();
		for (const p of people) p.socket.close();
	});

	it('shows names for a named poll, where young people were told before voting', async () => {
		const [p] = await joinMany(1, 3000);
		const poll = await createPoll({ title: 'Named', type: 'single', options: [{ label: 'Yes' }, { label: 'No' }], settings: { anonymous: false } });
		await push(poll.id);
		const hello = await emitAck<{ activity: { poll: { settings: { anonymous: boolean } } } }>(p!.socket, 'participant:hello', {});
		expect(hello.data?.activity.poll.settings.anonymous).toBe(false);
		await emitAck(p!.socket, 'poll:vote', { pollId: poll.id, clientVoteId: 'named-1-vote', choice: poll.options[0]!.id });
		expect((await results(poll.id)).named).toEqual([{ displayName: nick(3000), answer: 'Yes' }]);
		p!.socket.close();
	});
});

describe('poll rules', () => {
	it('refuses a second answer when changes are not allowed, but treats a retry as the same answer', async () => {
		const [p] = await joinMany(1, 4000);
		const poll = await createPoll({ title: 'Once', type: 'single', options: [{ label: 'A' }, { label: 'B' }], settings: { allowChange: false } });
		await push(poll.id);
		const first = { pollId: poll.id, clientVoteId: 'once-first-vote', choice: poll.options[0]!.id };
		expect((await emitAck(p!.socket, 'poll:vote', first)).ok).toBe(true);
		expect(await emitAck(p!.socket, 'poll:vote', first)).toMatchObject({ ok: true, data: { changed: false } });
		expect(await emitAck(p!.socket, 'poll:vote', { ...first, clientVoteId: 'once-other-vote', choice: poll.options[1]!.id })).toMatchObject({ ok: false, error: { code: 'ALREADY_VOTED' } });
		expect((await results(poll.id)).options.map((o) => o.votes)).toEqual([1, 0]);
		p!.socket.close();
	});

	it('checks each answer against the poll and explains what is wrong', async () => {
		const [p] = await joinMany(1, 5000);
		const poll = await createPoll({ title: 'Pick two', type: 'multiple', options: [{ label: 'A' }, { label: 'B' }, { label: 'C' }], settings: { maxPicks: 2, allowSkip: false } });
		await push(poll.id);
		const ids = poll.options.map((o) => o.id);
		expect(await emitAck(p!.socket, 'poll:vote', { pollId: poll.id, clientVoteId: 'pick-three-vote', choices: ids })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'You can pick up to 2.' } });
		expect(await emitAck(p!.socket, 'poll:vote', { pollId: poll.id, clientVoteId: 'pick-skip-vote', abstain: 'skip' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
		expect(await emitAck(p!.socket, 'poll:vote', { pollId: poll.id, clientVoteId: 'pick-both-vote', choice: ids[0], choices: [ids[0]] })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
		expect(await emitAck(p!.socket, 'poll:vote', { pollId: poll.id, clientVoteId: 'pick-two-vote', choices: ids.slice(0, 2) })).toMatchObject({ ok: true });
		expect(await t.app.repos.ballots.countForPoll(poll.id)).toBe(1);
		p!.socket.close();
	});

	it('hides results from the room until the poll closes when asked to', async () => {
		const poll = await createPoll({ title: 'Secret till end', type: 'single', options: [{ label: 'A' }, { label: 'B' }], settings: { hideResultsUntilClosed: true } });
		await push(poll.id);
		await staff.post(`/api/sessions/${session.id}/results`, { show: true });
		const before = (await new Client(t.url).get(`/api/present/${session.code}`)).json.data as { activity: { results: unknown } };
		expect(before.activity.results).toBeNull();
		await staff.post(`/api/polls/${poll.id}/close`, {});
		const after = (await new Client(t.url).get(`/api/present/${session.code}`)).json.data as { activity: { results: { totalBallots: number } } };
		expect(after.activity.results).toMatchObject({ totalBallots: 0 });
	});
});

describe('the facilitator’s timer', () => {
	it('is off unless turned on, can be extended and stopped, and never closes the poll by itself', async () => {
		await push(null);
		expect((await staff.post(`/api/sessions/${session.id}/timer`, { action: 'start', seconds: 60 })).json.error?.code).toBe('CONFLICT');
		const poll = await createPoll({ title: 'Timed', type: 'single', options: [{ label: 'A' }, { label: 'B' }] });
		await push(poll.id);
		const present = async () => ((await new Client(t.url).get(`/api/present/${session.code}`)).json.data as { activity: { timerEndsAt: string | null; poll: { state: string } } }).activity;
		expect((await present()).timerEndsAt).toBeNull();
		const before = Date.now();
		await staff.post(`/api/sessions/${session.id}/timer`, { action: 'start', seconds: 10 });
		const ends = new Date((await present()).timerEndsAt!).getTime();
		expect(ends - before).toBeGreaterThanOrEqual(9_000);
		expect(ends - before).toBeLessThan(12_000);
		await staff.post(`/api/sessions/${session.id}/timer`, { action: 'add', seconds: 30 });
		expect(new Date((await present()).timerEndsAt!).getTime() - ends).toBe(30_000);
		expect((await staff.post(`/api/sessions/${session.id}/timer`, { action: 'start', seconds: 5 })).status).toBe(400);
		await staff.post(`/api/sessions/${session.id}/timer`, { action: 'stop' });
		expect((await present()).timerEndsAt).toBeNull();
		expect((await present()).poll.state).toBe('open');
	});
});

describe('suggest, shortlist, then vote (choosing a new name)', () => {
	it('merges duplicate ideas, holds contact details for a person, and runs a ranked vote on the shortlist', async () => {
		const people = await joinMany(4, 6000);
		const poll = await createPoll({ title: 'Suggest a new name', type: 'suggest', settings: { voteType: 'ranked' } });
		await push(poll.id);
		const say = (i: number, text: string) => emitAck<{ status: string; merged: boolean }>(people[i]!.socket, 'poll:suggest', { pollId: poll.id, clientSuggestionId: `sugg-${i}-${text.length}-x`, text });
		expect((await say(0, 'The Harbour')).data).toMatchObject({ status: 'received', merged: false });
		expect((await say(1, '  the   HARBOUR ')).data).toMatchObject({ status: 'received', merged: true });
		expect((await say(2, 'Bridges')).data).toMatchObject({ status: 'received' });
		expect((await say(3, 'text me on 07700 900123')).data).toMatchObject({ status: 'held' });

		const mod = new Client(t.url);
		await mod.login('mod@test.local', t.world.users.moderator.password);
		const heldNow = (await mod.get('/api/moderation/reviews')).json.data as { id: string; kind: string; text: string }[];
		expect(heldNow).toContainEqual(expect.objectContaining({ kind: 'suggestion', text: 'text me on 07700 900123' }));
		const list = (await staff.get(`/api/polls/${poll.id}/suggestions`)).json.data as { id: string; text: string; count: number; status: string }[];
		expect(list.map((s) => [s.text, s.count, s.status])).toEqual([
			['The Harbour', 2, 'pending'],
			['Bridges', 1, 'pending'],
			['text me on 07700 900123', 1, 'held']
		]);
		// Voting cannot start with fewer than two options on the shortlist.
		expect((await staff.post(`/api/polls/${poll.id}/start-vote`, {})).status).toBe(400);
		for (const s of list.slice(0, 2)) expect((await staff.post(`/api/polls/${poll.id}/suggestions/${s.id}/approve`, {})).status).toBe(200);
		const started = (await staff.post(`/api/polls/${poll.id}/start-vote`, {})).json.data as { state: string; options: { id: string; label: string }[] };
		expect(started.state).toBe('open');
		expect(started.options.map((o) => o.label)).toEqual(['The Harbour', 'Bridges']);
		const [harbour, bridges] = started.options.map((o) => o.id);

		const votes = [[harbour, bridges], [bridges, harbour], [harbour], [bridges]];
		// A tie on first choices, broken by the documented rule.
		for (const [i, ranking] of votes.entries()) expect((await emitAck(people[i]!.socket, 'poll:vote', { pollId: poll.id, clientVoteId: `rank-${i}-vote`, ranking })).ok).toBe(true);
		await staff.post(`/api/polls/${poll.id}/close`, {});
		const r = await results(poll.id);
		expect(r.totalBallots).toBe(4);
		expect([harbour, bridges]).toContain(r.winner);
		expect(r.explanation.join(' ')).toMatch(/same number of votes|draw/);
		for (const p of people) p.socket.close();
	});
});

describe('open text', () => {
	it('shows only checked answers; an answer with contact details waits for a moderator', async () => {
		const people = await joinMany(3, 7000);
		const poll = await createPoll({ title: 'One word for your hub', type: 'open' });
		await push(poll.id);
		const send = (i: number, text: string) => emitAck<{ status: string }>(people[i]!.socket, 'poll:vote', { pollId: poll.id, clientVoteId: `open-${i}-vote`, text });
		expect((await send(0, 'Friendly and safe')).data?.status).toBe('counted');
		expect((await send(1, 'friendly staff')).data?.status).toBe('counted');
		expect((await send(2, 'message me on snap: sk8r_boi')).data?.status).toBe('held');
		let r = await results(poll.id);
		expect(r.texts).toEqual(expect.arrayContaining(['Friendly and safe', 'friendly staff']));
		expect(r.texts).toHaveLength(2);
		expect(r.words?.[0]?.word).toBe('friendly');
		const answers = (await staff.get(`/api/polls/${poll.id}/answers`)).json.data as { id: string; status: string }[];
		const held = answers.find((a) => a.status === 'held')!;
		// Staff may hide, but only a moderator approves a held answer.
		expect((await staff.post(`/api/polls/${poll.id}/answers/${held.id}/approve`, {})).status).toBe(403);
		const mod = new Client(t.url);
		await mod.login('mod@test.local', t.world.users.moderator.password);
		// The moderator's held queue has it, with the text to judge.
		const queue = (await mod.get('/api/moderation/reviews')).json.data as { id: string; ref: string; kind: string; text: string }[];
		expect(queue).toContainEqual(expect.objectContaining({ ref: held.id, kind: 'answer', text: 'message me on snap: sk8r_boi' }));
		expect((await mod.post(`/api/polls/${poll.id}/answers/${held.id}/approve`, {})).status).toBe(200);
		expect(((await mod.get('/api/moderation/reviews')).json.data as { ref: string }[]).map((i) => i.ref)).not.toContain(held.id);
		// The decision is on record: who decided, in the recently decided queue.
		const decided = (await mod.get('/api/moderation/reviews?queue=decided')).json.data as { ref: string; status: string; decidedByName: string }[];
		expect(decided).toContainEqual(expect.objectContaining({ ref: held.id, status: 'approved', decidedByName: 'moderator' }));
		r = await results(poll.id);
		expect(r.texts).toHaveLength(3);
		const visible = answers.find((a) => a.status === 'visible')!;
		expect((await staff.post(`/api/polls/${poll.id}/answers/${visible.id}/hide`, {})).status).toBe(200);
		expect((await results(poll.id)).texts).toHaveLength(2);
		for (const p of people) p.socket.close();
	});

	it('raises a concern to the hub’s moderators, live, when an answer suggests a young person is at risk', async () => {
		const [p] = await joinMany(1, 8000);
		const mod = new Client(t.url);
		await mod.login('mod@test.local', t.world.users.moderator.password);
		const modSocket = mod.socket();
		await connected(modSocket);
		const poll = await createPoll({ title: 'How are you?', type: 'open' });
		await push(poll.id);
		const alert = nextEvent<{ hubId: string }>(modSocket, 'escalation:new');
		const r = await emitAck<{ status: string; support?: { message: string } }>(p!.socket, 'poll:vote', { pollId: poll.id, clientVoteId: 'worry-1-vote', text: 'i want to kill myself tonight' });
		expect(r.data?.status).toBe('held');
		expect(r.data?.support?.message).toBeTruthy();
		expect((await alert).hubId).toBe(t.world.hubA);
		const open = (await mod.get('/api/moderation/escalations')).json.data as { source: string; severity: string; text: string; where: string }[];
		expect(open).toContainEqual(expect.objectContaining({ source: 'poll-answer', severity: 'urgent', text: 'i want to kill myself tonight', where: 'Poll: How are you?' }));
		modSocket.close();
		p!.socket.close();
	});
});
