import { describe, expect, it } from 'vitest';
import { ballotIdFor } from '../../server/repositories/ballot.repository.js';
import { messageIdFor } from '../../server/repositories/chat.repository.js';

describe('chat message ids', () => {
	it('come from the room and the clientMsgId, so a retried send is found by id', () => {
		const room = '6b0244061442b721cd5b1ae8';
		const a = messageIdFor(room, 'msg-123');
		expect(String(a)).toMatch(/^[a-f0-9]{24}$/);
		expect(String(messageIdFor(room, 'msg-123'))).toBe(String(a));
		expect(String(messageIdFor(room, 'msg-124'))).not.toBe(String(a));
		expect(String(messageIdFor('6b0244061442b721cd5b1ae9', 'msg-123'))).not.toBe(String(a));
		// The separator keeps "ab" + "c" apart from "a" + "bc".
		expect(String(messageIdFor(`${room}a`, 'bc'))).not.toBe(String(messageIdFor(room, 'abc')));
	});
});

describe('ballot ids', () => {
	it('come from the poll and the voter key, look like UUIDs, and carry no time', () => {
		const poll = '6b0244061442b721cd5b1ae8';
		const id = ballotIdFor(poll, 'voter-key-1');
		expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(ballotIdFor(poll, 'voter-key-1')).toBe(id);
		expect(ballotIdFor(poll, 'voter-key-2')).not.toBe(id);
		expect(ballotIdFor('6b0244061442b721cd5b1ae9', 'voter-key-1')).not.toBe(id);
	});
});
