/**
 * Instant-runoff (ranked choice) counting for ranked polls. Pure and deterministic: the same
 * options, ballots and seed always give the same result, so staff can re-run a count and show
 * young people exactly how it was decided.
 *
 * Rules, in the order they are applied:
 * - A ballot lists option ids, most preferred first. Unknown ids are ignored, and a repeated id only
 *   counts where it first appears. With `maxRanks`, only the first `maxRanks` preferences left after
 *   that clean-up count. A ballot with no known option is not valid and is not counted at all.
 * - Each round, every ballot counts for its highest-ranked option still in the count. A ballot with
 *   none left is "exhausted" and stays out of the total for that round and every later one.
 * - An option with more than half of the round's non-exhausted ballots wins.
 * - Otherwise the option with the fewest votes is knocked out. In round 1, every option nobody put
 *   first is knocked out together: such options would be knocked out before anyone else anyway, one
 *   by one, and doing it at once avoids a pointless draw between options with no votes.
 * - A tie for fewest is broken by: (1) fewest first choices (round 1 votes); then (2) fewest votes in
 *   round 2, then round 3, and so on up to this round, the first round where they differ deciding;
 *   then (3) a fair draw: the option whose sha256(seed + option id), in hex, sorts first is knocked
 *   out. When more than two are tied, each step keeps only the options with the fewest and passes
 *   those on to the next step.
 * - When the last two options tie, the same tie-break picks which one is knocked out and the other
 *   wins; the result says which step decided it (`decidedByTieBreak`).
 */
import { createHash } from 'node:crypto';

export type TieBreakRule = 'first-preferences' | 'earlier-rounds' | 'draw';

export interface IrvOption {
	id: string;
	label: string;
}

export interface IrvRound {
	/** 1-based. */
	round: number;
	/** Options still in the count only, in option order. */
	counts: Record<string, number>;
	/** Ballots with no option left in the count; includes those exhausted in earlier rounds. */
	exhausted: number;
	/**
	 * Knocked out at the end of this round. Empty in the final round, also when a tie between the
	 * last two was broken: `tieBreak` then names both and `winner` says who stayed.
	 */
	eliminated: string[];
	/** Where each knocked-out option's ballots went in the next round. */
	transfers: { from: string; to: Record<string, number>; exhausted: number }[];
	/** `tied` is everyone level on fewest votes; `seed` is set only when the draw was used. */
	tieBreak?: { rule: TieBreakRule; tied: string[]; seed?: string };
}

export interface IrvResult {
	/** Valid ballots: those naming at least one option. */
	totalBallots: number;
	firstPreferences: Record<string, number>;
	rounds: IrvRound[];
	/** null only when there are no options or no valid ballots. */
	winner: string | null;
	/** Set only when the last two options tied and the tie-break chose the winner. */
	decidedByTieBreak?: TieBreakRule;
	/** Plain-English sentences for young people, using labels, one per event. */
	explanation: string[];
}

/** How a tie for fewest votes was settled, kept so the explanation can retell every step. */
interface TieTrace {
	tied: string[];
	loser: string;
	rule: TieBreakRule;
	/** Each comparison that split the group: who was compared and who had the fewest. */
	steps: { rule: Exclude<TieBreakRule, 'draw'>; round: number; compared: string[]; kept: string[] }[];
	/** Who was still level when the draw was needed. */
	drawn: string[];
}

/** A ballot as counted: known options only, each once, cut to `maxRanks`. */
export function cleanBallot(ballot: readonly string[], known: ReadonlySet<string>, maxRanks?: number): string[] {
	const seen = new Set<string>();
	for (const id of ballot) {
		if (known.has(id)) seen.add(id);
	}
	const ranked = [...seen];
	return maxRanks === undefined ? ranked : ranked.slice(0, Math.max(0, maxRanks));
}

/**
 * The fair-draw order for tied options: first in the list is knocked out first. Anyone can check it
 * by hashing the seed followed by each option id with sha256 and sorting the hex digests.
 */
export function drawOrder(ids: readonly string[], seed: string): string[] {
	const keyed = ids.map((id) => ({ id, key: createHash('sha256').update(seed + id).digest('hex') }));
	keyed.sort((a, b) => compareText(a.key, b.key) || compareText(a.id, b.id));
	return keyed.map((k) => k.id);
}

export function instantRunoff(options: IrvOption[], ballots: string[][], opts: { seed: string; maxRanks?: number }): IrvResult {
	const labels = labelMap(options);
	const ids = [...labels.keys()];
	const known = new Set(ids);
	const valid = ballots.map((b) => cleanBallot(b, known, opts.maxRanks)).filter((b) => b.length > 0);
	const firstPreferences = countRound(valid, ids).counts;
	const base = { totalBallots: valid.length, firstPreferences, rounds: [] as IrvRound[], winner: null };

	if (ids.length === 0) return { ...base, explanation: ['There were no options to vote for.'] };
	const intro = invalidLine(ballots.length - valid.length);
	if (valid.length === 0) return { ...base, explanation: [...intro, 'Nobody has voted yet, so there is no winner.'] };

	const count = new Count(valid, ids, labels, opts.seed);
	count.explanation.push(`${plural(valid.length, 'vote')} ${valid.length === 1 ? 'was' : 'were'} counted.`, ...intro);
	count.run();
	return {
		...base,
		rounds: count.rounds,
		winner: count.winner,
		...(count.decidedByTieBreak ? { decidedByTieBreak: count.decidedByTieBreak } : {}),
		explanation: count.explanation
	};
}

/** One count in progress; a class only so the round loop can share state without long parameter lists. */
class Count {
	rounds: IrvRound[] = [];
	explanation: string[] = [];
	winner: string | null = null;
	decidedByTieBreak?: TieBreakRule;
	private continuing: string[];

	constructor(
		private readonly ballots: string[][],
		ids: string[],
		private readonly labels: ReadonlyMap<string, string>,
		private readonly seed: string
	) {
		this.continuing = ids;
	}

	run(): void {
		// Every round either finds a winner or knocks out at least one option, so this always ends.
		while (this.winner === null) this.playRound();
	}

	private playRound(): void {
		const { counts, exhausted, holders } = countRound(this.ballots, this.continuing);
		const round: IrvRound = { round: this.rounds.length + 1, counts, exhausted, eliminated: [], transfers: [] };
		this.rounds.push(round);
		const active = this.ballots.length - exhausted;
		const leader = this.continuing.reduce((best, id) => (votes(counts, id) > votes(counts, best) ? id : best));

		if (this.continuing.length === 1 || votes(counts, leader) * 2 > active) {
			this.declare(leader, round, active);
			return;
		}
		this.say(`Round ${round.round}: nobody had more than half of the votes.`);

		const out = this.chooseEliminated(round);
		if (out.length === 0) return; // a final-round tie was settled and a winner declared

		this.continuing = this.continuing.filter((id) => !out.includes(id));
		round.eliminated = out;
		round.transfers = out.map((id) => transfersFrom(id, this.ballots, holders, this.continuing));
		for (const t of round.transfers) this.describeTransfer(t);
	}

	/** Who is knocked out at the end of this round; empty when a final-round tie decided the winner instead. */
	private chooseEliminated(round: IrvRound): string[] {
		const { counts } = round;
		const unpicked = round.round === 1 ? this.continuing.filter((id) => votes(counts, id) === 0) : [];
		if (unpicked.length > 0) {
			const they = unpicked.length === 1 ? 'it was' : 'they were';
			this.say(`Nobody put ${this.names(unpicked, 'or')} first, so ${they} knocked out.`);
			return unpicked;
		}

		const fewest = Math.min(...this.continuing.map((id) => votes(counts, id)));
		const tied = this.continuing.filter((id) => votes(counts, id) === fewest);
		if (tied.length === 1) {
			this.say(`${this.names(tied)} had the fewest votes, so it was knocked out.`);
			return tied;
		}

		const trace = breakTie(tied, this.rounds, this.seed);
		round.tieBreak = { rule: trace.rule, tied, ...(trace.rule === 'draw' ? { seed: this.seed } : {}) };
		this.describeTie(trace);
		if (this.continuing.length > 2) return [trace.loser];

		const survivor = this.continuing.find((id) => id !== trace.loser) ?? trace.loser;
		this.decidedByTieBreak = trace.rule;
		this.declare(survivor, round, this.ballots.length - round.exhausted, true);
		return [];
	}

	private declare(winner: string, round: IrvRound, active: number, afterTie = false): void {
		this.winner = winner;
		const how = afterTie ? ' after a tie-break,' : '';
		this.say(`${this.name(winner)} won${how} with ${votes(round.counts, winner)} out of ${plural(active, 'vote')} in round ${round.round}.`);
	}

	private describeTie(t: TieTrace): void {
		this.say(`${this.names(t.tied)} had the same number of votes.`);
		// In round 1 the first choices are the votes just shown to be level, so saying so adds nothing.
		if (this.rounds.length > 1 && t.steps[0]?.rule !== 'first-preferences') {
			this.say('They also had the same number of first choices.');
		}
		for (const step of t.steps) {
			const fewer = step.compared.length > 2 ? 'the fewest' : 'fewer';
			const what = step.rule === 'first-preferences' ? 'first choices' : `votes in round ${step.round}`;
			this.say(
				step.kept.length === 1
					? `${this.names(step.kept)} had ${fewer} ${what}, so it was knocked out.`
					: `${this.names(step.kept)} had the fewest ${what}.`
			);
		}
		if (t.rule !== 'draw') return;
		const who = t.drawn.length === t.tied.length ? 'them' : this.names(t.drawn);
		this.say(`We could not split ${who} any other way, so we used a fair draw (code: ${this.seed}) and ${this.name(t.loser)} was knocked out.`);
	}

	private describeTransfer(t: IrvRound['transfers'][number]): void {
		const moved = Object.entries(t.to).sort(([a, x], [b, y]) => y - x || this.order(a) - this.order(b));
		const total = moved.reduce((sum, [, n]) => sum + n, 0) + t.exhausted;
		if (total === 0) return;
		if (moved.length > 0) {
			const list = moved.map(([id, n]) => `${this.name(id)} ${n}`).join(', ');
			this.say(`Its ${plural(total, 'vote')} moved to: ${list}.`);
		}
		if (t.exhausted > 0) {
			this.say(`${plural(t.exhausted, 'vote')} had no more choices left.`);
		}
	}

	private order(id: string): number {
		return [...this.labels.keys()].indexOf(id);
	}

	private name(id: string): string {
		return this.labels.get(id) ?? id;
	}

	private names(ids: readonly string[], joiner: 'and' | 'or' = 'and'): string {
		return joinWords(ids.map((id) => this.name(id)), joiner);
	}

	private say(line: string): void {
		this.explanation.push(line);
	}
}

/**
 * Settles a tie for fewest votes. `rounds` ends with the current round, so `rounds[0]` holds the
 * first choices. Each step keeps only the options with the fewest votes at that step.
 */
function breakTie(tied: string[], rounds: readonly IrvRound[], seed: string): TieTrace {
	const steps: TieTrace['steps'] = [];
	let left = tied;
	for (const r of rounds) {
		const kept = fewestIn(left, r.counts);
		if (kept.length === left.length) continue;
		const rule = r.round === 1 ? 'first-preferences' : 'earlier-rounds';
		steps.push({ rule, round: r.round, compared: left, kept });
		left = kept;
		if (kept.length === 1) return { tied, loser: firstOf(kept), rule, steps, drawn: [] };
	}
	return { tied, loser: firstOf(drawOrder(left, seed)), rule: 'draw', steps, drawn: left };
}

function fewestIn(ids: readonly string[], counts: Record<string, number>): string[] {
	const fewest = Math.min(...ids.map((id) => votes(counts, id)));
	return ids.filter((id) => votes(counts, id) === fewest);
}

/** Counts each ballot for its top continuing option; `holders[i]` is where ballot i went (null: exhausted). */
function countRound(ballots: readonly string[][], continuing: readonly string[]) {
	const inCount = new Set(continuing);
	const counts: Record<string, number> = Object.fromEntries(continuing.map((id) => [id, 0]));
	const holders = ballots.map((b) => b.find((id) => inCount.has(id)) ?? null);
	let exhausted = 0;
	for (const h of holders) {
		if (h === null) exhausted++;
		else counts[h] = votes(counts, h) + 1;
	}
	return { counts, exhausted, holders };
}

function transfersFrom(from: string, ballots: readonly string[][], holders: readonly (string | null)[], continuing: readonly string[]) {
	const inCount = new Set(continuing);
	const to: Record<string, number> = {};
	let exhausted = 0;
	ballots.forEach((b, i) => {
		if (holders[i] !== from) return;
		const next = b.find((id) => inCount.has(id));
		if (next === undefined) exhausted++;
		else to[next] = votes(to, next) + 1;
	});
	// Keys in option order so the same count always serialises the same way.
	const ordered = Object.fromEntries(continuing.filter((id) => id in to).map((id) => [id, votes(to, id)]));
	return { from, to: ordered, exhausted };
}

/** First label wins if an id repeats, so a duplicated option can never be counted twice. */
function labelMap(options: readonly IrvOption[]): Map<string, string> {
	const labels = new Map<string, string>();
	for (const o of options) if (!labels.has(o.id)) labels.set(o.id, o.label);
	return labels;
}

function invalidLine(n: number): string[] {
	if (n === 0) return [];
	const them = n === 1 ? 'it was' : 'they were';
	return [`${plural(n, 'vote')} did not pick any of the options, so ${them} not counted.`];
}

function firstOf<T>(xs: readonly T[]): T {
	const [x] = xs;
	if (x === undefined) throw new Error('instant-runoff: expected a non-empty list');
	return x;
}

function votes(counts: Record<string, number>, id: string): number {
	return counts[id] ?? 0;
}

/** Code-unit order, not locale order, so every server sorts the same way. */
function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

export function plural(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}

/** "A", "A and B", "A, B and C". */
export function joinWords(words: readonly string[], joiner: 'and' | 'or' = 'and'): string {
	if (words.length <= 1) return words.join('');
	return `${words.slice(0, -1).join(', ')} ${joiner} ${words.at(-1)}`;
}
