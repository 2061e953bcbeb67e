/**
 * Surveys on the real server and database: building from a template, save and resume, the
 * one-response rule, anonymity in storage, held and escalated free text, results and exports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let staff: Client;
let mod: Client;
let sessionA: { id: string; code: string };
let sessionB: { id: string; code: string };

interface SurveyOut {
	id: string;
	state: string;
	accepting: boolean;
	anonymous: boolean;
	content: { questions: { id: string; title: string }[] };
	responses: number;
}
interface Saved {
	state: 'draft' | 'submitted';
	answers: Record<string, unknown>;
	held: string[];
	support?: { message: string };
}
interface Results {
	responses: number;
	audienceSize: number;
	responseRate: number | null;
	questions: { questionId: string; answered: number; options: { id: string; count: number }[]; textAnswers: { text: string; status: string }[] }[];
}

async function youngPerson(name: string, code = sessionA.code) {
	const c = new Client(t.url);
	const r = await c.post('/api/join', { code, displayName: name });
	if (r.status !== 200) throw new Error(`join failed: ${r.text}`);
	return c;
}

async function createOpen(body: Record<string, unknown>): Promise<SurveyOut> {
	const r = await staff.post('/api/surveys', body);
	if (r.status !== 201) throw new Error(`create failed: ${r.text}`);
	const s = r.json.data as SurveyOut;
	expect(s.state).toBe('draft');
	return (await staff.post(`/api/surveys/${s.id}/open`, {})).json.data as SurveyOut;
}

const save = async (c: Client, id: string, answers: Record<string, unknown>, submit: boolean) => {
	const r = await c.request('PUT', `/api/my/surveys/${id}/response`, { answers, submit });
	return { status: r.status, error: r.json.error, data: r.json.data as Saved | undefined };
};
const results = async (id: string, query = '') => (await staff.get(`/api/surveys/${id}/results${query}`)).json.data as Results;
const question = (r: Results, id: string) => r.questions.find((q) => q.questionId === id)!;

beforeAll(async () => {
	t = await startTestApp();
	staff = new Client(t.url);
	await staff.login('staff@test.local', t.world.users.staff.password);
	mod = new Client(t.url);
	await mod.login('mod@test.local', t.world.users.moderator.password);
	sessionA = (await staff.post('/api/sessions', { title: 'Group A night', groupId: t.world.groupA })).json.data as typeof sessionA;
	const admin = new Client(t.url);
	await admin.login('admin@test.local', t.world.users.admin.password);
	sessionB = (await admin.post('/api/sessions', { title: 'Group B night', groupId: t.world.groupB })).json.data as typeof sessionB;
});
afterAll(() => t.close());

describe('building surveys', () => {
	it('offers the four templates and builds a survey from one', async () => {
		const templates = (await staff.get('/api/surveys/templates')).json.data as { id: string }[];
		expect(templates.map((x) => x.id)).toEqual(['hows-your-hub', 'how-are-we-doing', 'wellbeing-check-in', 'help-us-choose-a-name']);
		const s = (await staff.post('/api/surveys', { template: 'how-are-we-doing', audience: { kind: 'hub', hubId: t.world.hubA } })).json.data as SurveyOut;
		expect(s.content.questions.length).toBeGreaterThan(4);
		expect(s.anonymous).toBe(true);
	});

	it('explains broken skip logic per field and saves nothing', async () => {
		const before = ((await staff.get('/api/surveys')).json.data as unknown[]).length;
		const r = await staff.post('/api/surveys', {
			audience: { kind: 'group', groupId: t.world.groupA },
			content: {
				title: 'Broken',
				whoReads: 'The team.',
				sections: [{ id: 's', title: 'One' }],
				questions: [
					{ id: 'a', sectionId: 's', type: 'short-text', title: 'First', showIf: { questionId: 'b', equals: ['yes'] } },
					{ id: 'b', sectionId: 's', type: 'yes-no', title: 'Second' }
				]
			}
		});
		expect(r.status).toBe(400);
		expect(r.json.error?.fields).toEqual({ 'content.questions.0.showIf': 'Skip logic can only depend on an earlier question.' });
		expect(((await staff.get('/api/surveys')).json.data as unknown[]).length).toBe(before);
	});

	it('keeps other hubs’ staff out', async () => {
		const s = await createOpen({ template: 'wellbeing-check-in', audience: { kind: 'group', groupId: t.world.groupA } });
		const staffB = new Client(t.url);
		await staffB.login('staffb@test.local', t.world.users.staffB.password);
		expect((await staffB.get(`/api/surveys/${s.id}`)).status).toBe(404);
		expect((await staffB.get(`/api/surveys/${s.id}/results`)).status).toBe(404);
	});
});

describe('answering', () => {
	it('saves to finish later, asks for required answers on sending, and stores nothing that identifies an anonymous respondent', async () => {
		const s = await createOpen({ template: 'hows-your-hub', audience: { kind: 'group', groupId: t.world.groupA } });
		const yp = await youngPerson('Calm Otter');
		expect(((await yp.get('/api/my/surveys')).json.data as { id: string; mine: string | null }[]).find((x) => x.id === s.id)?.mine).toBeNull();

		// Save half-way, come back later: the answers are still there.
		expect((await save(yp, s.id, { feel: '4' }, false)).data?.state).toBe('draft');
		const resumed = (await yp.get(`/api/my/surveys/${s.id}`)).json.data as { response: { state: string; answers: Record<string, unknown> } };
		expect(resumed.response).toMatchObject({ state: 'draft', answers: { feel: '4' } });

		// Sending needs the required questions; nothing changes when it is refused.
		const refused = await save(yp, s.id, { feel: '4' }, true);
		expect(refused.status).toBe(400);
		expect(refused.error?.fields).toEqual({ visit: 'Please answer this question.' });
		expect(((await yp.get(`/api/my/surveys/${s.id}`)).json.data as { response: { state: string } }).response.state).toBe('draft');

		const sent = await save(yp, s.id, { feel: '4', visit: 'yes', what: ['food', 'friends'], 'why-not': 'dropped because hidden' }, true);
		expect(sent.data).toMatchObject({ state: 'submitted', answers: { feel: '4', visit: 'yes', what: ['food', 'friends'] } });
		expect(sent.data?.answers).not.toHaveProperty('why-not');

		const stored = await t.app.repos.surveys.listSubmitted(s.id);
		expect(stored).toHaveLength(1);
		expect(stored[0]!.participantId ?? null).toBeNull();
		expect(stored[0]!.displayName ?? null).toBeNull();
		// Its id is random, not an ObjectId (which would carry the time the young person started).
		expect(String(stored[0]!._id)).not.toMatch(/^[a-f0-9]{24}$/);
		expect(JSON.stringify(stored[0])).not.toContain('Calm Otter');
		expect(Object.keys(stored[0]!)).not.toContain('createdAt');
	});

	it('keeps one response per young person on identified surveys, editable until it closes', async () => {
		const s = await createOpen({ template: 'wellbeing-check-in', anonymous: false, audience: { kind: 'group', groupId: t.world.groupA } });
		const yp = await youngPerson('Brave Badger');
		await save(yp, s.id, { mood: '2' }, true);
		await save(yp, s.id, { mood: '5', someone: 'yes' }, true);
		const stored = await t.app.repos.surveys.listSubmitted(s.id);
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({ displayName: 'Brave Badger', answers: { mood: '5', someone: 'yes' } });
		expect(String(stored[0]!.participantId)).toMatch(/^[a-f0-9]{24}$/);
		await staff.post(`/api/surveys/${s.id}/close`, {});
		const late = await save(yp, s.id, { mood: '1' }, true);
		expect(late.status).toBe(409);
		expect(late.error?.code).toBe('POLL_CLOSED');
		expect((await t.app.repos.surveys.listSubmitted(s.id))[0]!.answers).toEqual({ mood: '5', someone: 'yes' });
	});

	it('lets anyone with the link start with a nickname, but keeps group surveys for the group', async () => {
		const link = await createOpen({ template: 'how-are-we-doing', audience: { kind: 'link', hubId: t.world.hubA } });
		const visitor = new Client(t.url);
		const info = (await visitor.get(`/api/public/surveys/${link.id}`)).json.data as { title: string; whoReads: string; accepting: boolean };
		expect(info).toMatchObject({ title: 'How are we doing?', accepting: true });
		expect(info.whoReads).toMatch(/participation team/);
		expect((await visitor.post(`/api/public/surveys/${link.id}/join`, { displayName: 'Swift Falcon' })).status).toBe(200);
		expect((await save(visitor, link.id, { listened: 8 }, true)).data?.state).toBe('submitted');

		const group = await createOpen({ template: 'wellbeing-check-in', audience: { kind: 'group', groupId: t.world.groupA } });
		const stranger = new Client(t.url);
		const refused = await stranger.post(`/api/public/surveys/${group.id}/join`, { displayName: 'Silver Toad' });
		expect(refused.status).toBe(403);
		expect(refused.json.error?.message).toMatch(/invite link/);
		expect(stranger.cookies.size).toBe(0);
	});

	it('keeps surveys for one group away from young people in another', async () => {
		const s = await createOpen({ template: 'wellbeing-check-in', audience: { kind: 'group', groupId: t.world.groupA } });
		const other = await youngPerson('Quiet Heron', sessionB.code);
		expect((await other.get(`/api/my/surveys/${s.id}`)).status).toBe(404);
		expect((await save(other, s.id, { mood: '3' }, true)).status).toBe(404);
		expect(((await other.get('/api/my/surveys')).json.data as { id: string }[]).map((x) => x.id)).not.toContain(s.id);
	});
});

describe('free text', () => {
	it('holds contact details for a moderator and leaves them out of results until approved', async () => {
		const s = await createOpen({ template: 'hows-your-hub', audience: { kind: 'group', groupId: t.world.groupA } });
		const yp = await youngPerson('Sunny Wren');
		const r = (await save(yp, s.id, { feel: '3', visit: 'no', 'why-not': 'text me on 07700 900123 and i will tell u' }, true)).data!;
		expect(r.held).toEqual(['why-not']);
		let q = question(await results(s.id), 'why-not');
		expect(q.answered).toBe(0);
		expect(q.textAnswers).toEqual([{ text: 'text me on 07700 900123 and i will tell u', status: 'held' }]);

		const queue = (await mod.get('/api/moderation/reviews')).json.data as { id: string; kind: string; text: string; authorName: string | null; where: string }[];
		const item = queue.find((i) => i.kind === 'survey-answer')!;
		// An anonymous survey's held answer carries no name, even for the moderator.
		expect(item).toMatchObject({ text: 'text me on 07700 900123 and i will tell u', authorName: null, where: expect.stringContaining('How’s your hub?') });
		expect((await mod.post(`/api/moderation/reviews/${item.id}/decision`, { decision: 'approve' })).status).toBe(200);
		q = question(await results(s.id), 'why-not');
		expect(q.answered).toBe(1);
		expect(q.textAnswers[0]!.status).toBe('visible');
	});

	it('raises a concern at once — even in an anonymous survey — and shows the young person where to get help', async () => {
		const s = await createOpen({ template: 'wellbeing-check-in', audience: { kind: 'group', groupId: t.world.groupA } });
		const yp = await youngPerson('Gentle Finch');
		const me = (await yp.get('/api/auth/me')).json.data as { participant: { id: string } };
		const r = (await save(yp, s.id, { mood: '1', anything: 'i want to kill myself tonight' }, false)).data!;
		expect(r.support?.message).toBeTruthy();
		const open = (await mod.get('/api/moderation/escalations')).json.data as { source: string; severity: string; participantId: string | null; text: string }[];
		expect(open).toContainEqual(expect.objectContaining({ source: 'survey-answer', severity: 'urgent', participantId: me.participant.id, text: 'i want to kill myself tonight' }));
		// The held answer in the moderators' queue links to that concern.
		const concern = (open as unknown as { id: string; source: string; participantId: string | null }[]).find((e) => e.source === 'survey-answer' && e.participantId === me.participant.id)!;
		const held = (await mod.get('/api/moderation/reviews')).json.data as { kind: string; text: string; escalationId: string | null }[];
		expect(held.find((i) => i.kind === 'survey-answer' && i.text === 'i want to kill myself tonight')?.escalationId).toBe(concern.id);
		// Saving the same answer again does not raise it twice.
		await save(yp, s.id, { mood: '1', anything: 'i want to kill myself tonight' }, true);
		const again = (await mod.get('/api/moderation/escalations')).json.data as { source: string; participantId: string | null }[];
		expect(again.filter((e) => e.source === 'survey-answer' && e.participantId === me.participant.id)).toHaveLength(1);
	});
});

describe('results and exports', () => {
	it('adds up what was sent, with the response rate, and exports exactly the stored responses', async () => {
		const s = await createOpen({ template: 'help-us-choose-a-name', audience: { kind: 'group', groupId: t.world.groupA } });
		const answers = [
			{ rank: ['harbour', 'bridges'], feel: ['safe', 'honest'], own: 'The Lighthouse' },
			{ rank: ['bridges', 'harbour', 'next-steps'], feel: ['honest'] },
			{ rank: ['harbour'], feel: ['hopeful', 'friendly', 'safe'] }
		];
		const names = ['Kind Puffin', 'Lucky Seal', 'Merry Lynx'];
		for (const [i, a] of answers.entries()) expect((await save(await youngPerson(names[i]!), s.id, a, true)).status).toBe(200);
		// A draft that was never sent does not count.
		await save(await youngPerson('Proud Mole'), s.id, { rank: ['keep'] }, false);

		const r = await results(s.id);
		expect(r.responses).toBe(3);
		expect(r.audienceSize).toBeGreaterThanOrEqual(4);
		expect(r.responseRate).toBeCloseTo(3 / r.audienceSize, 3);
		expect(question(r, 'rank').options.find((o) => o.id === 'harbour')!.count).toBe(2);
		expect(question(r, 'feel').options.map((o) => [o.id, o.count])).toEqual([['safe', 2], ['honest', 2], ['hopeful', 1], ['grown-up', 0], ['friendly', 1]]);
		expect((await results(s.id, `?groupId=${t.world.groupB}`)).responses).toBe(0);

		const json = (await staff.get(`/api/surveys/${s.id}/export`)).json.data as { named: boolean; rows: Record<string, string>[] };
		expect(json.named).toBe(false);
		expect(json.rows).toHaveLength(3);
		expect(json.rows.map((row) => row.rank).sort()).toEqual(['Bridges > The Harbour > Next Steps', 'The Harbour', 'The Harbour > Bridges']);
		expect(json.rows.every((row) => !('name' in row))).toBe(true);

		const csv = await staff.get(`/api/surveys/${s.id}/export.csv`);
		expect(csv.headers.get('content-type')).toContain('text/csv');
		const lines = csv.text.replace(/^\ufeff/, '').trim().split('\r\n');
		expect(lines).toHaveLength(4);
		expect(lines[0]).toBe('"Put these names in order, favourite first.",A good name should feel…,Do you have your own idea for a name?');
		expect(lines.slice(1).some((l) => l.includes('The Lighthouse'))).toBe(true);
		for (const n of names) expect(csv.text).not.toContain(n);
	});
});
