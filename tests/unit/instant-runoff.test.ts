import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cleanBallot, drawOrder, instantRunoff, type IrvResult } from '../../server/services/instant-runoff.js';
import { seededRandom } from '../helpers/random.js';

const harbour = { id: 'h', label: 'The Harbour' };
const nextSteps = { id: 'n', label: 'Next Steps' };
const bridges = { id: 'b', label: 'Bridges' };
const keep = { id: 'k', label: "Keep 'No Wrong Door'" };
const zed = { id: 'z', label: 'Zed' };
const four = [harbour, nextSteps, bridges, keep];

/** `votes('hn', 3)`: three ballots ranking h then n (one-letter ids keep scenarios readable). */
const votes = (ranking: string, n: number): string[][] => Array.from({ length: n }, () => [...ranking]);
const ballots = (...groups: [string, number][]) => groups.flatMap(([r, n]) => votes(r, n));

describe('cleanBallot', () => {
	const known = new Set(['h', 'n', 'b']);

	it('drops unknown ids and counts a repeated id only where it first appears', () => {
		expect(cleanBallot(['x', 'b', 'h', 'b', 'y', 'n', 'h'], known)).toEqual(['b', 'h', 'n']);
	});

	it('applies maxRanks after the clean-up, so unknown ids and repeats do not use up a place', () => {
		expect(cleanBallot(['x', 'b', 'b', 'h', 'n'], known, 2)).toEqual(['b', 'h']);
		expect(cleanBallot(['b', 'h'], known, 0)).toEqual([]);
	});
});

describe('drawOrder', () => {
	it('sorts by sha256(seed + id) in hex, so anyone can check the draw by hand', () => {
		const hex = (s: string) => createHash('sha256').update(s).digest('hex');
		const ids = ['h', 'n', 'b', 'k'];
		const expected = [...ids].sort((a, b) => (hex(`poll-a${a}`) < hex(`poll-a${b}`) ? -1 : 1));
		expect(drawOrder(ids, 'poll-a')).toEqual(expected);
	});

	it('is the same for the same seed and can differ for another seed', () => {
		expect(drawOrder(['n', 'b'], 'poll-a')).toEqual(['b', 'n']);
		expect(drawOrder(['b', 'n'], 'poll-a')).toEqual(['b', 'n']);
		expect(drawOrder(['n', 'b'], 'poll-b')).toEqual(['n', 'b']);
	});
});

describe('instantRunoff', () => {
	it('declares a winner in round 1 when one option has more than half', () => {
		const r = instantRunoff(four, ballots(['hn', 6], ['n', 3], ['b', 2]), { seed: 's' });
		expect(r.winner).toBe('h');
		expect(r.rounds).toEqual([{ round: 1, counts: { h: 6, n: 3, b: 2, k: 0 }, exhausted: 0, eliminated: [], transfers: [] }]);
		expect(r.firstPreferences).toEqual({ h: 6, n: 3, b: 2, k: 0 });
		expect(r.explanation).toEqual(['11 votes were counted.', 'The Harbour won with 6 out of 11 votes in round 1.']);
		expect(r.decidedByTieBreak).toBeUndefined();
	});

	it('does not count exactly half as a majority', () => {
		const r = instantRunoff([harbour, nextSteps, bridges], ballots(['h', 5], ['nh', 3], ['b', 2]), { seed: 's' });
		expect(r.rounds[0]?.eliminated).toEqual(['b']);
		expect(r.rounds).toHaveLength(2);
	});

	it('runs several rounds, moving votes on and counting ballots with no choices left', () => {
		const r = instantRunoff(four, ballots(['hn', 8], ['nh', 6], ['bh', 3], ['bn', 1], ['b', 1], ['x', 2]), { seed: 's' });
		expect(r.totalBallots).toBe(19);
		expect(r.winner).toBe('h');
		expect(r.rounds).toEqual([
			{ round: 1, counts: { h: 8, n: 6, b: 5, k: 0 }, exhausted: 0, eliminated: ['k'], transfers: [{ from: 'k', to: {}, exhausted: 0 }] },
			{ round: 2, counts: { h: 8, n: 6, b: 5 }, exhausted: 0, eliminated: ['b'], transfers: [{ from: 'b', to: { h: 3, n: 1 }, exhausted: 1 }] },
			{ round: 3, counts: { h: 11, n: 7 }, exhausted: 1, eliminated: [], transfers: [] }
		]);
		expect(r.explanation).toEqual([
			'19 votes were counted.',
			'2 votes did not pick any of the options, so they were not counted.',
			'Round 1: nobody had more than half of the votes.',
			"Nobody put Keep 'No Wrong Door' first, so it was knocked out.",
			'Round 2: nobody had more than half of the votes.',
			'Bridges had the fewest votes, so it was knocked out.',
			'Its 5 votes moved to: The Harbour 3, Next Steps 1.',
			'1 vote had no more choices left.',
			'The Harbour won with 11 out of 18 votes in round 3.'
		]);
	});

	it('measures the majority against ballots that still have a choice left', () => {
		// Round 2: h 4, n 3, with 2 ballots exhausted: 4 of 7 is a majority though not of all 9.
		const r = instantRunoff([harbour, nextSteps, bridges], ballots(['h', 4], ['n', 3], ['b', 2]), { seed: 's' });
		expect(r.rounds.at(-1)).toMatchObject({ round: 2, counts: { h: 4, n: 3 }, exhausted: 2, eliminated: [] });
		expect(r.winner).toBe('h');
		expect(r.explanation).toContain('2 votes had no more choices left.');
		expect(r.explanation.at(-1)).toBe('The Harbour won with 4 out of 7 votes in round 2.');
	});

	it('knocks out every option nobody put first together in round 1, without a draw', () => {
		const r = instantRunoff([...four, zed], ballots(['h', 3], ['n', 3], ['bh', 1]), { seed: 's' });
		expect(r.rounds[0]).toMatchObject({ eliminated: ['k', 'z'], transfers: [{ from: 'k', to: {}, exhausted: 0 }, { from: 'z', to: {}, exhausted: 0 }] });
		expect(r.rounds[0]?.tieBreak).toBeUndefined();
		expect(r.explanation).toContain("Nobody put Keep 'No Wrong Door' or Zed first, so they were knocked out.");
		expect(r.rounds[1]).toMatchObject({ counts: { h: 3, n: 3, b: 1 }, eliminated: ['b'] });
		expect(r.explanation).toContain('Its 1 vote moved to: The Harbour 1.');
		expect(r.winner).toBe('h');
	});

	describe('ties for fewest votes', () => {
		it('knocks out the option with fewer first choices', () => {
			// Round 2: Next Steps 4, Bridges 3 + 1 from Keep = 4. Bridges had 3 first choices to Next Steps' 4.
			const r = instantRunoff(four, ballots(['h', 6], ['n', 4], ['bh', 3], ['kbn', 1]), { seed: 's' });
			expect(r.rounds[1]).toMatchObject({
				counts: { h: 6, n: 4, b: 4 },
				eliminated: ['b'],
				tieBreak: { rule: 'first-preferences', tied: ['n', 'b'] }
			});
			expect(r.rounds[1]?.tieBreak).not.toHaveProperty('seed');
			expect(r.explanation).toEqual(
				expect.arrayContaining([
					'Next Steps and Bridges had the same number of votes.',
					'Bridges had fewer first choices, so it was knocked out.',
					'Its 4 votes moved to: The Harbour 3, Next Steps 1.'
				])
			);
			expect(r.winner).toBe('h');
			expect(r.decidedByTieBreak).toBeUndefined();
		});

		it('then looks at round 2, round 3 and so on, and the first round where they differ decides', () => {
			// First choices: Next Steps 3, Bridges 3. Round 2: Next Steps 4 (from Zed), Bridges 3. Round 3: both 4.
			const r = instantRunoff([...four, zed], ballots(['h', 8], ['n', 3], ['bh', 3], ['kb', 1], ['k', 1], ['zn', 1]), { seed: 's' });
			expect(r.rounds.map((x) => x.eliminated)).toEqual([['z'], ['k'], ['b'], []]);
			expect(r.rounds[2]).toMatchObject({ counts: { h: 8, n: 4, b: 4 }, exhausted: 1, tieBreak: { rule: 'earlier-rounds', tied: ['n', 'b'] } });
			expect(r.explanation).toEqual(
				expect.arrayContaining([
					'Next Steps and Bridges had the same number of votes.',
					'They also had the same number of first choices.',
					'Bridges had fewer votes in round 2, so it was knocked out.'
				])
			);
			expect(r.explanation.at(-1)).toBe('The Harbour won with 11 out of 15 votes in round 4.');
		});

		it('explains each step when three are tied and first choices only narrow it down', () => {
			// Round 2 tie of n, b, k at 3 (k had 2 first choices + 1 from z); b and n had 3 first choices each.
			const five = [...four, zed];
			const r = instantRunoff(five, ballots(['h', 8], ['n', 3], ['b', 3], ['k', 2], ['zk', 1]), { seed: 'poll-a' });
			expect(r.rounds[1]).toMatchObject({ counts: { h: 8, n: 3, b: 3, k: 3 }, eliminated: ['k'], tieBreak: { rule: 'first-preferences', tied: ['n', 'b', 'k'] } });
			expect(r.explanation).toContain("Keep 'No Wrong Door' had the fewest first choices, so it was knocked out.");
		});

		it('uses a fair draw when nothing else splits them, and says which code was used', () => {
			const run = (seed: string) => instantRunoff([harbour, nextSteps, bridges], ballots(['h', 3], ['nh', 2], ['bh', 2]), { seed });
			const a = run('poll-a');
			expect(a.rounds[0]).toMatchObject({ eliminated: ['b'], tieBreak: { rule: 'draw', tied: ['n', 'b'], seed: 'poll-a' } });
			expect(a.explanation).toEqual(
				expect.arrayContaining([
					'Next Steps and Bridges had the same number of votes.',
					'We could not split them any other way, so we used a fair draw (code: poll-a) and Bridges was knocked out.'
				])
			);
			expect(run('poll-a')).toEqual(a);

			const b = run('poll-b');
			expect(b.rounds[0]).toMatchObject({ eliminated: ['n'], tieBreak: { rule: 'draw', seed: 'poll-b' } });
			expect(b.explanation).toContain('We could not split them any other way, so we used a fair draw (code: poll-b) and Next Steps was knocked out.');
		});

		it('names who was still level when a draw follows a partial split', () => {
			// Round 3: n, b, k tied on 4. First choices n 4, b 3, k 3; in round 2 b and k were level too.
			const youth = { id: 'y', label: 'Youth Voice' };
			const cast = ballots(['h', 12], ['n', 4], ['b', 3], ['k', 3], ['zb', 1], ['zk', 1], ['y', 1]);
			const r = instantRunoff([...four, zed, youth], cast, { seed: 'poll-a' });
			expect(r.rounds.slice(0, 2).map((x) => x.eliminated)).toEqual([['y'], ['z']]);
			expect(r.rounds[2]).toMatchObject({ counts: { h: 12, n: 4, b: 4, k: 4 }, tieBreak: { rule: 'draw', tied: ['n', 'b', 'k'], seed: 'poll-a' } });
			expect(r.rounds[2]?.eliminated).toEqual([drawOrder(['b', 'k'], 'poll-a')[0]]);
			expect(r.explanation).toEqual(
				expect.arrayContaining([
					"Next Steps, Bridges and Keep 'No Wrong Door' had the same number of votes.",
					"Bridges and Keep 'No Wrong Door' had the fewest first choices.",
					expect.stringMatching(/^We could not split Bridges and Keep 'No Wrong Door' any other way, so we used a fair draw \(code: poll-a\)/)
				])
			);
		});
	});

	describe('a tie between the last two options', () => {
		it('is settled by the same tie-break: the other option wins', () => {
			// Round 2: The Harbour 4, Next Steps 3 + 1 from Bridges = 4. Next Steps had fewer first choices.
			const r = instantRunoff([harbour, nextSteps, bridges], ballots(['h', 4], ['n', 3], ['bn', 1]), { seed: 's' });
			expect(r.winner).toBe('h');
			expect(r.decidedByTieBreak).toBe('first-preferences');
			expect(r.rounds.at(-1)).toEqual({
				round: 2,
				counts: { h: 4, n: 4 },
				exhausted: 0,
				eliminated: [],
				transfers: [],
				tieBreak: { rule: 'first-preferences', tied: ['h', 'n'] }
			});
			expect(r.explanation.slice(-3)).toEqual([
				'The Harbour and Next Steps had the same number of votes.',
				'Next Steps had fewer first choices, so it was knocked out.',
				'The Harbour won after a tie-break, with 4 out of 8 votes in round 2.'
			]);
		});

		it('falls back to the draw, which differs between seeds', () => {
			const run = (seed: string) => instantRunoff([harbour, nextSteps], ballots(['h', 3], ['n', 3]), { seed });
			expect(run('poll-a')).toMatchObject({ winner: 'n', decidedByTieBreak: 'draw' });
			expect(run('poll-b')).toMatchObject({ winner: 'h', decidedByTieBreak: 'draw' });
			expect(run('poll-a').rounds).toEqual([
				{ round: 1, counts: { h: 3, n: 3 }, exhausted: 0, eliminated: [], transfers: [], tieBreak: { rule: 'draw', tied: ['h', 'n'], seed: 'poll-a' } }
			]);
		});
	});

	it('lets a single option win with every vote', () => {
		const r = instantRunoff([harbour], ballots(['h', 3], ['hx', 1]), { seed: 's' });
		expect(r).toMatchObject({ winner: 'h', totalBallots: 4, rounds: [{ round: 1, counts: { h: 4 }, eliminated: [] }] });
		expect(r.explanation.at(-1)).toBe('The Harbour won with 4 out of 4 votes in round 1.');
	});

	it('has no winner and no rounds when nobody voted', () => {
		const r = instantRunoff(four, [], { seed: 's' });
		expect(r).toEqual({
			totalBallots: 0,
			firstPreferences: { h: 0, n: 0, b: 0, k: 0 },
			rounds: [],
			winner: null,
			explanation: ['Nobody has voted yet, so there is no winner.']
		});
	});

	it('has no winner when there are no options', () => {
		const r = instantRunoff([], ballots(['h', 2]), { seed: 's' });
		expect(r).toEqual({ totalBallots: 0, firstPreferences: {}, rounds: [], winner: null, explanation: ['There were no options to vote for.'] });
	});

	it('does not count ballots that name no option in the poll', () => {
		const r = instantRunoff(four, [['x'], ['y', 'y'], [], ['x', 'n']], { seed: 's' });
		expect(r.totalBallots).toBe(1);
		expect(r.winner).toBe('n');
		expect(r.explanation[1]).toBe('3 votes did not pick any of the options, so they were not counted.');

		const none = instantRunoff(four, [['x']], { seed: 's' });
		expect(none).toMatchObject({ totalBallots: 0, winner: null, rounds: [] });
		expect(none.explanation).toEqual(['1 vote did not pick any of the options, so it was not counted.', 'Nobody has voted yet, so there is no winner.']);
	});

	it('only counts the first maxRanks choices', () => {
		const cast = ballots(['h', 4], ['n', 3], ['bn', 2]);
		const options = [harbour, nextSteps, bridges];
		const full = instantRunoff(options, cast, { seed: 's' });
		expect(full.rounds[1]?.counts).toEqual({ h: 4, n: 5 });
		expect(full.winner).toBe('n');

		const cut = instantRunoff(options, cast, { seed: 's', maxRanks: 1 });
		expect(cut.rounds[0]?.transfers).toEqual([{ from: 'b', to: {}, exhausted: 2 }]);
		expect(cut.rounds[1]).toMatchObject({ counts: { h: 4, n: 3 }, exhausted: 2 });
		expect(cut.winner).toBe('h');
		expect(cut.explanation).toContain('2 votes had no more choices left.');
		expect(cut.explanation.filter((line) => line.startsWith('Its '))).toEqual([]);
	});

	it('uses labels, never ids, in the explanation', () => {
		const r = instantRunoff(four, ballots(['hn', 8], ['nh', 6], ['bh', 3], ['kb', 1]), { seed: 's' });
		for (const line of r.explanation) expect(line).not.toMatch(/\b[hnbk]\b/);
	});
});

const prng = seededRandom;

function randomElection(seed: number, ballotCount: number) {
	const rand = prng(seed);
	const options = Array.from({ length: 6 }, (_, i) => ({ id: `o${i}`, label: `Option ${i}` }));
	// Uneven popularity so counts differ and elections run several rounds.
	const weights = options.map(() => rand() ** 2 + 0.01);
	const pick = (left: string[], w: number[]) => {
		let r = rand() * w.reduce((s, x) => s + x, 0);
		const i = w.findIndex((x) => (r -= x) < 0);
		return i < 0 ? left.length - 1 : i;
	};
	const ballotsOut = Array.from({ length: ballotCount }, () => {
		const left = options.map((o) => o.id);
		const w = [...weights];
		const length = Math.floor(rand() * 7);
		const ranking: string[] = [];
		for (let k = 0; k < length && left.length > 0; k++) {
			const i = pick(left, w);
			ranking.push(...left.splice(i, 1));
			w.splice(i, 1);
		}
		// Some noise the count must ignore: an unknown id and a repeat.
		if (rand() < 0.05) ranking.splice(Math.floor(rand() * (ranking.length + 1)), 0, 'ghost');
		if (rand() < 0.05 && ranking[0]) ranking.push(ranking[0]);
		return ranking;
	});
	return { options, ballots: ballotsOut };
}

function checkInvariants(r: IrvResult, optionIds: string[]) {
	const gone = new Set<string>();
	let lastExhausted = 0;
	r.rounds.forEach((round, i) => {
		const continuing = Object.keys(round.counts);
		const sum = Object.values(round.counts).reduce((s, n) => s + n, 0);
		expect(sum + round.exhausted).toBe(r.totalBallots);
		expect(round.round).toBe(i + 1);
		expect(round.exhausted).toBeGreaterThanOrEqual(lastExhausted);
		for (const id of continuing) expect(gone.has(id)).toBe(false);
		for (const id of continuing) expect(optionIds).toContain(id);
		const last = i === r.rounds.length - 1;
		expect(round.eliminated.length > 0).toBe(!last);
		for (const t of round.transfers) {
			const moved = Object.values(t.to).reduce((s, n) => s + n, 0) + t.exhausted;
			expect(moved).toBe(round.counts[t.from]);
		}
		for (const id of round.eliminated) gone.add(id);
		lastExhausted = round.exhausted;
	});
	const final = r.rounds.at(-1);
	expect(final).toBeDefined();
	expect(r.winner).not.toBeNull();
	expect(Object.keys(final?.counts ?? {})).toContain(r.winner);
	expect(gone.has(r.winner ?? '')).toBe(false);
	const active = r.totalBallots - (final?.exhausted ?? 0);
	if (!r.decidedByTieBreak) expect((final?.counts[r.winner ?? ''] ?? 0) * 2).toBeGreaterThan(active);
	for (const line of r.explanation) expect(line).not.toMatch(/undefined|NaN|\bo\d\b/);
}

describe('instantRunoff on random elections', () => {
	it('keeps its invariants over 2,000 ballots and 6 options', () => {
		let longCounts = 0;
		for (let seed = 1; seed <= 25; seed++) {
			const { options, ballots: cast } = randomElection(seed, 2000);
			const r = instantRunoff(options, cast, { seed: `poll-${seed}` });
			if (r.rounds.length >= 3) longCounts++;
			checkInvariants(r, options.map((o) => o.id));
			expect(r.totalBallots).toBe(cast.filter((b) => b.some((id) => id !== 'ghost')).length);
			expect(instantRunoff(options, cast, { seed: `poll-${seed}` })).toEqual(r);
		}
		// Guards the generator: invariants checked only on one-round counts would prove little.
		expect(longCounts).toBeGreaterThan(15);
	});

	it('keeps its invariants in small elections, where ties are common', () => {
		let ties = 0;
		for (let seed = 1; seed <= 300; seed++) {
			const { options, ballots: cast } = randomElection(seed, 3 + (seed % 12));
			const r = instantRunoff(options, cast, { seed: `poll-${seed}`, maxRanks: 1 + (seed % 6) });
			if (r.totalBallots === 0) continue;
			checkInvariants(r, options.map((o) => o.id));
			if (r.rounds.some((x) => x.tieBreak)) ties++;
		}
		expect(ties).toBeGreaterThan(10);
	});
});
