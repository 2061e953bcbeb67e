import { describe, expect, it } from 'vitest';
import { checkBallot, tally, wordCloud, wordsOf, type BallotValue, type TallyInput } from '../../server/services/tally.js';

const options = [
	{ id: 'h', label: 'The Harbour' },
	{ id: 'n', label: 'Next Steps' },
	{ id: 'b', label: 'Bridges' },
	{ id: 'k', label: "Keep 'No Wrong Door'" }
];
const faces = { min: 1, max: 5, labels: { 1: 'Very sad', 5: 'Very happy' } };

const choice = (c: string): BallotValue => ({ kind: 'choice', choice: c });
const choices = (...c: string[]): BallotValue => ({ kind: 'choices', choices: c });
const ranking = (r: string): BallotValue => ({ kind: 'ranking', ranking: [...r] });
const rating = (n: number): BallotValue => ({ kind: 'rating', rating: n });
const text = (t: string): BallotValue => ({ kind: 'text', text: t });
const dontKnow: BallotValue = { kind: 'abstain', reason: 'dont-know' };
const skip: BallotValue = { kind: 'abstain', reason: 'skip' };
const times = (b: BallotValue, n: number) => Array.from({ length: n }, () => b);

const input = (type: TallyInput['type'], ballots: BallotValue[], extra: Partial<TallyInput> = {}): TallyInput => ({
	type,
	options,
	ballots,
	seed: 'poll-1',
	...extra
});

describe('checkBallot', () => {
	const poll = (type: TallyInput['type'], extra: Partial<TallyInput> = {}) => ({ type, options, ...extra });

	it('accepts "Don\'t know" and "Skip" for every poll type', () => {
		for (const type of ['single', 'multiple', 'ranked', 'scale', 'open'] as const) {
			expect(checkBallot(poll(type), dontKnow)).toBeNull();
			expect(checkBallot(poll(type), skip)).toBeNull();
		}
	});

	it('refuses an answer of the wrong kind for the poll', () => {
		expect(checkBallot(poll('single'), choices('h'))).toBe("That answer doesn't fit this poll. Please try again.");
		expect(checkBallot(poll('open'), choice('h'))).toBe("That answer doesn't fit this poll. Please try again.");
		expect(checkBallot(poll('scale', { scale: faces }), text('3'))).toBe("That answer doesn't fit this poll. Please try again.");
		expect(checkBallot(poll('single'), { kind: 'abstain', reason: 'maybe' } as unknown as BallotValue)).not.toBeNull();
	});

	it('single: the choice must be one of the options', () => {
		expect(checkBallot(poll('single'), choice('h'))).toBeNull();
		expect(checkBallot(poll('single'), choice('x'))).toBe('Please pick one of the options.');
	});

	it('multiple: at least one, no repeats, known options, at most maxPicks', () => {
		const p = poll('multiple', { maxPicks: 3 });
		expect(checkBallot(p, choices('h', 'n', 'b'))).toBeNull();
		expect(checkBallot(p, choices())).toBe('Please pick at least one option.');
		expect(checkBallot(p, choices('h', 'h'))).toBe('You picked the same option twice.');
		expect(checkBallot(p, choices('h', 'x'))).toBe("One of your picks isn't an option in this poll.");
		expect(checkBallot(p, choices('h', 'n', 'b', 'k'))).toBe('You can pick up to 3.');
		expect(checkBallot(poll('multiple'), choices('h', 'n', 'b', 'k'))).toBeNull();
	});

	it('ranked: at least one, no repeats, known options, at most maxRanks', () => {
		const p = poll('ranked', { maxRanks: 2 });
		expect(checkBallot(p, ranking('bh'))).toBeNull();
		expect(checkBallot(p, ranking(''))).toBe('Please put at least one option in order.');
		expect(checkBallot(p, ranking('bb'))).toBe('You put the same option in more than once.');
		expect(checkBallot(p, ranking('bx'))).toBe("One of your choices isn't an option in this poll.");
		expect(checkBallot(p, ranking('bhn'))).toBe('You can put up to 2 in order.');
		expect(checkBallot(poll('ranked'), ranking('bhnk'))).toBeNull();
	});

	it('scale: a whole number on the scale', () => {
		const p = poll('scale', { scale: faces });
		expect(checkBallot(p, rating(1))).toBeNull();
		expect(checkBallot(p, rating(5))).toBeNull();
		for (const bad of [0, 6, 2.5, Number.NaN]) expect(checkBallot(p, rating(bad))).toBe('Please pick a number from 1 to 5.');
		expect(checkBallot(poll('scale'), rating(3))).toBe("This poll isn't set up properly yet, so we can't take your answer.");
		expect(checkBallot(poll('scale', { scale: { min: 5, max: 1 } }), rating(3))).not.toBeNull();
	});

	it('open: 1 to 280 characters once spaces are trimmed, counting an emoji as one', () => {
		const p = poll('open');
		expect(checkBallot(p, text('More trips out'))).toBeNull();
		expect(checkBallot(p, text('   '))).toBe('Please write something first.');
		expect(checkBallot(p, text(`  ${'a'.repeat(280)}  `))).toBeNull();
		expect(checkBallot(p, text('a'.repeat(281)))).toBe("That's too long. Please use 280 characters or fewer.");
		expect(checkBallot(p, text('🙂'.repeat(280)))).toBeNull();
	});
});

describe('tally: single choice', () => {
	it('names the option with the most votes and keeps abstentions out of the count', () => {
		const ballots = [...times(choice('h'), 9), ...times(choice('n'), 6), ...times(choice('b'), 5), ...times(dontKnow, 2), skip];
		const r = tally(input('single', ballots));
		expect(r).toEqual({
			type: 'single',
			totalBallots: 20,
			abstentions: { dontKnow: 2, skip: 1 },
			options: [
				{ id: 'h', label: 'The Harbour', votes: 9 },
				{ id: 'n', label: 'Next Steps', votes: 6 },
				{ id: 'b', label: 'Bridges', votes: 5 },
				{ id: 'k', label: "Keep 'No Wrong Door'", votes: 0 }
			],
			winner: 'h',
			explanation: ['The Harbour got the most votes: 9 out of 20.', '2 people said "Don\'t know" and 1 person skipped. These are not counted as votes.']
		});
	});

	it('reports a tie at the top instead of a winner', () => {
		const r = tally(input('single', [...times(choice('h'), 5), ...times(choice('n'), 5), choice('b')]));
		expect(r.winner).toBeNull();
		expect(r.tiedTop).toEqual(['h', 'n']);
		expect(r.explanation).toEqual(["It's a tie between The Harbour and Next Steps, with 5 votes each."]);
	});

	it('has no winner when only abstentions came in', () => {
		const r = tally(input('single', [dontKnow, dontKnow]));
		expect(r).toMatchObject({ totalBallots: 0, winner: null, abstentions: { dontKnow: 2, skip: 0 } });
		expect(r.tiedTop).toBeUndefined();
		expect(r.explanation).toEqual(['Nobody has voted yet.', '2 people said "Don\'t know". These are not counted as votes.']);
	});

	it('handles a poll with no options', () => {
		const r = tally({ ...input('single', []), options: [] });
		expect(r).toMatchObject({ totalBallots: 0, options: [], winner: null, explanation: ['There were no options to vote for.'] });
	});

	it('leaves out answers that do not fit the poll, and says so', () => {
		const r = tally(input('single', [choice('h'), choice('x'), text('hi')]));
		expect(r.totalBallots).toBe(1);
		expect(r.explanation).toContain('2 answers did not fit this poll, so they were not counted.');
	});
});

describe('tally: multiple choice', () => {
	it('counts each pick as an approval and compares against the number of people', () => {
		const r = tally(input('multiple', [choices('h', 'n'), choices('h'), choices('b', 'h'), skip], { maxPicks: 2 }));
		expect(r.totalBallots).toBe(3);
		expect(r.options.map((o) => o.votes)).toEqual([3, 1, 1, 0]);
		expect(r.winner).toBe('h');
		expect(r.explanation[0]).toBe('The Harbour was picked by the most people: 3 out of 3.');
		expect(r.explanation[1]).toBe('1 person skipped. These are not counted as votes.');
	});

	it('reports a tie at the top', () => {
		const r = tally(input('multiple', [choices('h', 'n'), choices('n', 'h'), choices('b')]));
		expect(r).toMatchObject({ winner: null, tiedTop: ['h', 'n'] });
		expect(r.explanation[0]).toBe("It's a tie between The Harbour and Next Steps: each was picked by 2 people.");
	});

	it('does not count a ballot with more picks than allowed', () => {
		const r = tally(input('multiple', [choices('h', 'n', 'b'), choices('n')], { maxPicks: 2 }));
		expect(r).toMatchObject({ totalBallots: 1, winner: 'n' });
	});

	it('has no winner with no votes', () => {
		expect(tally(input('multiple', []))).toMatchObject({ totalBallots: 0, winner: null, explanation: ['Nobody has voted yet.'] });
	});
});

describe('tally: ranked', () => {
	it('runs instant runoff and reports first choices as the option votes', () => {
		const ballots = [...times(ranking('hn'), 8), ...times(ranking('nh'), 6), ...times(ranking('bh'), 3), ranking('bn'), ranking('b'), dontKnow];
		const r = tally(input('ranked', ballots));
		expect(r.totalBallots).toBe(19);
		expect(r.options.map((o) => [o.id, o.votes])).toEqual([['h', 8], ['n', 6], ['b', 5], ['k', 0]]);
		expect(r.winner).toBe('h');
		expect(r.rounds?.map((x) => x.eliminated)).toEqual([['k'], ['b'], []]);
		expect(r.explanation.at(-2)).toBe('The Harbour won with 11 out of 18 votes in round 3.');
		expect(r.explanation.at(-1)).toBe('1 person said "Don\'t know". These are not counted as votes.');
	});

	it('uses the poll id as the seed for a draw, and leaves out rankings longer than maxRanks', () => {
		const ballots = [...times(ranking('h'), 3), ...times(ranking('n'), 3)];
		const a = tally(input('ranked', ballots, { seed: 'poll-a' }));
		const b = tally(input('ranked', ballots, { seed: 'poll-b' }));
		expect([a.winner, b.winner]).toEqual(['n', 'h']);
		expect(a.rounds?.at(-1)?.tieBreak).toEqual({ rule: 'draw', tied: ['h', 'n'], seed: 'poll-a' });

		const limited = tally(input('ranked', [ranking('bh'), ranking('h')], { maxRanks: 1 }));
		expect(limited.totalBallots).toBe(1);
	});

	it('has no winner and no rounds with no votes', () => {
		expect(tally(input('ranked', [skip]))).toMatchObject({ totalBallots: 0, winner: null, rounds: [], abstentions: { dontKnow: 0, skip: 1 } });
	});
});

describe('tally: scale', () => {
	it('counts each point, with the mean and the median of an odd number of answers', () => {
		const r = tally(input('scale', [rating(5), rating(4), rating(4), rating(1), rating(2), dontKnow], { scale: faces }));
		expect(r.totalBallots).toBe(5);
		expect(r.options).toEqual([
			{ id: '1', label: 'Very sad', votes: 1 },
			{ id: '2', label: '2', votes: 1 },
			{ id: '3', label: '3', votes: 0 },
			{ id: '4', label: '4', votes: 2 },
			{ id: '5', label: 'Very happy', votes: 1 }
		]);
		expect(r.scale).toEqual({ mean: 3.2, median: 4, distribution: { 1: 1, 2: 1, 3: 0, 4: 2, 5: 1 } });
		expect(r.winner).toBeUndefined();
		expect(r.explanation).toEqual([
			'5 people answered.',
			'The average answer was 3.2, on a scale from 1 to 5.',
			'The middle answer was 4.',
			'The most picked answer was 4, by 2 people.',
			'1 person said "Don\'t know". These are not counted as votes.'
		]);
	});

	it('takes the median of an even number of answers as the halfway point of the middle two', () => {
		const r = tally(input('scale', [rating(1), rating(2), rating(3), rating(3), rating(4), rating(6)], { scale: { min: 1, max: 10 } }));
		expect(r.scale?.median).toBe(3);
		const s = tally(input('scale', [rating(1), rating(2), rating(3), rating(6)], { scale: { min: 1, max: 10 } }));
		expect(s.scale?.median).toBe(2.5);
		expect(s.scale?.mean).toBe(3);
		expect(s.options).toHaveLength(10);
	});

	it('names every most-picked point when they tie, with labels', () => {
		const threePoint = { min: 1, max: 3, labels: { 1: "Don't like", 2: 'Not sure', 3: 'Like' } };
		const r = tally(input('scale', [rating(1), rating(3), rating(3), rating(1)], { scale: threePoint }));
		expect(r.explanation).toContain("The most picked answers were 1 (Don't like) and 3 (Like), by 2 people each.");
	});

	it('uses the scale values as ids when the scale does not start at 1', () => {
		const r = tally(input('scale', [rating(0)], { scale: { min: 0, max: 2 } }));
		expect(r.options.map((o) => o.id)).toEqual(['0', '1', '2']);
	});

	it('has no mean or median with no answers', () => {
		const r = tally(input('scale', [skip], { scale: faces }));
		expect(r.scale).toEqual({ mean: null, median: null, distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } });
		expect(r.explanation[0]).toBe('Nobody has answered yet.');
	});

	it('says so when the poll has no usable scale', () => {
		const r = tally(input('scale', [rating(3)]));
		expect(r).toMatchObject({ totalBallots: 0, options: [] });
		expect(r.explanation[0]).toBe("This poll has no scale set up, so the answers can't be counted.");
	});
});

describe('tally: open (word cloud)', () => {
	it('lower-cases, strips punctuation and common words, and keeps "not"', () => {
		expect(wordsOf('I feel NOT safe, and the staff are great!!')).toEqual(['feel', 'not', 'safe', 'staff', 'great']);
		expect(wordsOf("Don’t move us — it's our home...")).toEqual(["don't", 'move', 'home']);
		expect(wordsOf('“Friends” & friends\' food')).toEqual(['friends', 'friends', 'food']);
	});

	it('counts a word once per answer, then sorts by count and alphabetically', () => {
		expect(wordCloud(['safe safe safe', 'Safe food', 'food trips', 'art'])).toEqual([
			{ word: 'food', count: 2 },
			{ word: 'safe', count: 2 },
			{ word: 'art', count: 1 },
			{ word: 'trips', count: 1 }
		]);
	});

	it('keeps the top 50 words', () => {
		const many = Array.from({ length: 60 }, (_, i) => `word${String(i).padStart(2, '0')}`);
		const cloud = wordCloud([many.join(' '), 'word59']);
		expect(cloud).toHaveLength(50);
		expect(cloud[0]).toEqual({ word: 'word59', count: 2 });
		expect(cloud[1]?.word).toBe('word00');
	});

	it('reports answers and the top words', () => {
		const r = tally(input('open', [text('More trips out!'), text('trips and food'), text('Food, food'), skip]));
		expect(r).toMatchObject({ type: 'open', totalBallots: 3, answers: 3, options: [] });
		expect(r.words).toEqual([
			{ word: 'food', count: 2 },
			{ word: 'trips', count: 2 },
			{ word: 'more', count: 1 },
			{ word: 'out', count: 1 }
		]);
		expect(r.explanation).toEqual([
			'3 people wrote an answer.',
			'The most used words were "food", "trips" and "more".',
			'1 person skipped. These are not counted as votes.'
		]);
	});

	it('handles no answers', () => {
		expect(tally(input('open', []))).toMatchObject({ totalBallots: 0, answers: 0, words: [], explanation: ['Nobody has written an answer yet.'] });
	});
});
