/**
 * Who sees what of a chat message (the rule every broadcast, page and resync goes through):
 * everyone sees shown messages; a removed one leaves others only a "removed" marker if they had
 * seen it; held and stopped messages are the author's (and staff's) alone; support messages and
 * notices are for the author; staff see everything, with the young person's id for muting.
 */
import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import type { ChatMessageDoc } from '../../server/models/chat.models.js';
import { colourOf, viewOf } from '../../server/services/chat.service.js';

const author = new Types.ObjectId();
const other = String(new Types.ObjectId());
const staff = { kind: 'staff' as const, id: String(new Types.ObjectId()), role: 'moderator' as const };

function message(over: Partial<ChatMessageDoc>): ChatMessageDoc {
	return {
		_id: new Types.ObjectId(),
		roomId: new Types.ObjectId(),
		seq: 3,
		rev: 7,
		clientMsgId: 'abcdefgh',
		authorType: 'participant',
		authorId: author,
		authorName: 'Blue Fox',
		authorRole: 'young-person',
		text: 'text me on 07700 900123',
		status: 'visible',
		everShown: true,
		preModerated: false,
		action: 'allow',
		severity: 'none',
		categories: [],
		reasons: [],
		escalated: false,
		pending: false,
		support: null,
		reactions: { heart: 2, clap: 0 },
		createdAt: new Date('2025-03-01T18:30:00Z'),
		...over
	} as unknown as ChatMessageDoc;
}

describe('chat message visibility', () => {
	it('shows a visible message to everyone, with reaction counts above zero only', () => {
		const v = viewOf(message({}), { kind: 'participant', id: other });
		expect(v).toMatchObject({ text: 'text me on 07700 900123', status: 'visible', reactions: { heart: 2 }, author: { name: 'Blue Fox', role: 'young-person' } });
		expect(v!.reactions).not.toHaveProperty('clap');
		expect(v!.author).not.toHaveProperty('participantId');
	});

	it('keeps held and blocked messages from others, and tells the author why', () => {
		for (const status of ['held', 'blocked']) {
			const m = message({ status, everShown: false, categories: ['contact-details'] });
			expect(viewOf(m, { kind: 'participant', id: other })).toBeNull();
			const mine = viewOf(m, { kind: 'participant', id: String(author) })!;
			expect(mine.text).toBe('text me on 07700 900123');
			expect(mine.notice).toMatch(status === 'held' ? /Waiting for a check.*contact details/ : /Not sent/);
		}
	});

	it('leaves others a "removed" marker without the words only if they had seen it', () => {
		const seen = viewOf(message({ status: 'removed', everShown: true }), { kind: 'participant', id: other });
		expect(seen).toMatchObject({ status: 'removed', text: null, reactions: {} });
		expect(viewOf(message({ status: 'removed', everShown: false }), { kind: 'participant', id: other })).toBeNull();
		expect(viewOf(message({ status: 'removed', everShown: true }), { kind: 'participant', id: String(author) })).toMatchObject({ text: 'text me on 07700 900123', notice: expect.stringMatching(/removed/) });
	});

	it('gives the support message to the author only', () => {
		const m = message({ status: 'held', support: { message: 'Call Childline', contacts: [{ name: 'Childline', phone: '0800 1111' }] } });
		expect(viewOf(m, { kind: 'participant', id: String(author) })!.support?.message).toBe('Call Childline');
		expect(viewOf(m, staff)).not.toHaveProperty('support');
	});

	it('shows staff everything, with the young person’s id and the filter’s categories', () => {
		const v = viewOf(message({ status: 'blocked', categories: ['abusive-language'], escalated: false }), staff)!;
		expect(v).toMatchObject({ status: 'blocked', text: 'text me on 07700 900123', categories: ['abusive-language'], author: { participantId: String(author) } });
	});

	it('gives a person the same avatar colour everywhere, one of eight', () => {
		expect(colourOf(String(author))).toBe(colourOf(String(author)));
		expect(new Set(Array.from({ length: 200 }, () => colourOf(String(new Types.ObjectId())))).size).toBe(8);
	});
});
