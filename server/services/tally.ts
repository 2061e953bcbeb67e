/**
 * Results for every poll type, shared by the results endpoint and the projector. Pure and
 * deterministic, so a result can always be recomputed from the stored ballots.
 *
 * A ballot is counted only if `checkBallot` accepts it, so the tally and the vote form follow the
 * same rules. "Don't know" and "Skip" are counted on their own and never as a vote for an option.
 */
import type { BallotValue } from '../../contracts/index.js';
import { instantRunoff, joinWords, plural, type IrvRound } from './instant-runoff.js';

export type { IrvRound } from './instant-runoff.js';

export type PollType = 'single' | 'multiple' | 'ranked' | 'scale' | 'open' | 'suggest';

export interface TallyOption {
	id: string;
	label: string;
}

/** One stored answer; the wire schema lives in contracts/polls.ts so server and web share it. */
export type { BallotValue };

/** e.g. 1–5, 1–10, faces 1–5, or 1–3 for like / not sure / don't like. */
export interface ScaleSpec {
	min: number;
	max: number;
	labels?: Record<number, string>;
}

export interface TallyInput {
	/** A suggest poll is tallied as the type of its vote phase. */
	type: Exclude<PollType, 'suggest'>;
	options: TallyOption[];
	/** For open polls, only approved, visible texts. */
	ballots: BallotValue[];
	/** Seed for instant-runoff draws: the poll id, so anyone can re-run the draw. */
	seed: string;
	maxPicks?: number;
	maxRanks?: number;
	scale?: ScaleSpec;
}

export interface TallyResult {
	type: TallyInput['type'];
	/** Ballots that were counted; abstentions are not included. */
	totalBallots: number;
	abstentions: { dontKnow: number; skip: number };
	/**
	 * single: votes; multiple: approvals; ranked: first choices; scale: one entry per scale point,
	 * id = the point's value as text; open: empty.
	 */
	options: { id: string; label: string; votes: number }[];
	rounds?: IrvRound[];
	/** single/multiple: the top option, or null when tied at the top or nobody voted; ranked: the IRV winner. */
	winner?: string | null;
	tiedTop?: string[];
	scale?: { mean: number | null; median: number | null; distribution: Record<string, number> };
	words?: { word: string; count: number }[];
	answers?: number;
	explanation: string[];
}

type PollRules = Pick<TallyInput, 'type' | 'options' | 'maxPicks' | 'maxRanks' | 'scale'>;
type Vote = Exclude<BallotValue, { kind: 'abstain' }>;
type PartResult = Omit<TallyResult, 'type' | 'abstentions'>;

export const MAX_TEXT_LENGTH = 280;
/** A scale is a row of buttons; more points than this is a setup mistake, not a real scale. */
const MAX_SCALE_POINTS = 101;
const WORD_CLOUD_SIZE = 50;

const EXPECTED_KIND: Record<TallyInput['type'], Vote['kind']> = {
	single: 'choice',
	multiple: 'choices',
	ranked: 'ranking',
	scale: 'rating',
	open: 'text'
};

/** Validates one ballot against a poll: returns null if fine, or a plain-words error message. */
export function checkBallot(input: PollRules, ballot: BallotValue): string | null {
	if (ballot.kind === 'abstain') {
		return ballot.reason === 'dont-know' || ballot.reason === 'skip' ? null : WRONG_KIND;
	}
	if (ballot.kind !== EXPECTED_KIND[input.type]) return WRONG_KIND;
	switch (ballot.kind) {
		case 'choice':
			return knownIds(input.options).has(ballot.choice) ? null : 'Please pick one of the options.';
		case 'choices':
			return checkPicks(input, ballot.choices);
		case 'ranking':
			return checkRanking(input, ballot.ranking);
		case 'rating':
			return checkRating(input.scale, ballot.rating);
		case 'text':
			return checkText(ballot.text);
	}
}

const WRONG_KIND = "That answer doesn't fit this poll. Please try again.";

function checkPicks(input: PollRules, picks: unknown): string | null {
	const problem = checkList(input.options, picks, {
		empty: 'Please pick at least one option.',
		repeated: 'You picked the same option twice.',
		unknown: "One of your picks isn't an option in this poll."
	});
	if (problem) return problem;
	const limit = input.maxPicks ?? input.options.length;
	return (picks as string[]).length > limit ? `You can pick up to ${limit}.` : null;
}

function checkRanking(input: PollRules, ranking: unknown): string | null {
	const problem = checkList(input.options, ranking, {
		empty: 'Please put at least one option in order.',
		repeated: 'You put the same option in more than once.',
		unknown: "One of your choices isn't an option in this poll."
	});
	if (problem) return problem;
	const limit = Math.min(input.maxRanks ?? input.options.length, input.options.length);
	return (ranking as string[]).length > limit ? `You can put up to ${limit} in order.` : null;
}

function checkList(options: readonly TallyOption[], list: unknown, say: { empty: string; repeated: string; unknown: string }): string | null {
	if (!Array.isArray(list) || list.length === 0) return say.empty;
	const known = knownIds(options);
	if (list.some((id) => typeof id !== 'string' || !known.has(id))) return say.unknown;
	return new Set(list).size === list.length ? null : say.repeated;
}

function checkRating(scale: ScaleSpec | undefined, rating: unknown): string | null {
	if (!scale || !isUsableScale(scale)) return "This poll isn't set up properly yet, so we can't take your answer.";
	const fits = typeof rating === 'number' && Number.isInteger(rating) && rating >= scale.min && rating <= scale.max;
	return fits ? null : `Please pick a number from ${scale.min} to ${scale.max}.`;
}

function checkText(text: unknown): string | null {
	if (typeof text !== 'string' || text.trim() === '') return 'Please write something first.';
	// Count characters as people see them, so an emoji is one character, not two.
	const length = [...text.trim()].length;
	return length > MAX_TEXT_LENGTH ? `That's too long. Please use ${MAX_TEXT_LENGTH} characters or fewer.` : null;
}

export function tally(input: TallyInput): TallyResult {
	const abstentions = countAbstentions(input.ballots);
	const votes = input.ballots.filter((b): b is Vote => b.kind !== 'abstain' && checkBallot(input, b) === null);
	const notCounted = input.ballots.length - abstentions.dontKnow - abstentions.skip - votes.length;
	const part = tallyVotes(input, votes);
	return {
		type: input.type,
		abstentions,
		...part,
		explanation: [...part.explanation, ...abstentionLines(abstentions), ...notCountedLine(notCounted)]
	};
}

function tallyVotes(input: TallyInput, votes: Vote[]): PartResult {
	switch (input.type) {
		case 'single':
			return tallyChoices(input.options, votes.map((v) => (v.kind === 'choice' ? [v.choice] : [])), 'single');
		case 'multiple':
			return tallyChoices(input.options, votes.map((v) => (v.kind === 'choices' ? v.choices : [])), 'multiple');
		case 'ranked':
			return tallyRanked(input, votes.map((v) => (v.kind === 'ranking' ? v.ranking : [])));
		case 'scale':
			return tallyScale(input.scale, votes.flatMap((v) => (v.kind === 'rating' ? [v.rating] : [])));
		case 'open':
			return tallyOpen(votes.flatMap((v) => (v.kind === 'text' ? [v.text] : [])));
	}
}

function tallyChoices(options: readonly TallyOption[], picks: string[][], type: 'single' | 'multiple'): PartResult {
	const counts = new Map(options.map((o) => [o.id, 0]));
	for (const ids of picks) for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
	const rows = uniqueOptions(options).map((o) => ({ id: o.id, label: o.label, votes: counts.get(o.id) ?? 0 }));
	const total = picks.length;
	const base = { totalBallots: total, options: rows };

	if (rows.length === 0) return { ...base, winner: null, explanation: ['There were no options to vote for.'] };
	const most = Math.max(...rows.map((r) => r.votes));
	if (most === 0) return { ...base, winner: null, explanation: ['Nobody has voted yet.'] };

	const top = rows.filter((r) => r.votes === most);
	const [leader] = top;
	if (top.length === 1 && leader) {
		const line =
			type === 'single'
				? `${leader.label} got the most votes: ${most} out of ${total}.`
				: `${leader.label} was picked by the most people: ${most} out of ${total}.`;
		return { ...base, winner: leader.id, explanation: [line] };
	}
	const names = joinWords(top.map((r) => r.label));
	const line =
		type === 'single'
			? `It's a tie between ${names}, with ${plural(most, 'vote')} each.`
			: `It's a tie between ${names}: each was picked by ${plural(most, 'person', 'people')}.`;
	return {
		...base,
		winner: null,
		tiedTop: top.map((r) => r.id),
		explanation: [line]
	};
}

function tallyRanked(input: TallyInput, rankings: string[][]): PartResult {
	const options = uniqueOptions(input.options);
	const irv = instantRunoff(options, rankings, { seed: input.seed, ...(input.maxRanks === undefined ? {} : { maxRanks: input.maxRanks }) });
	return {
		totalBallots: irv.totalBallots,
		options: options.map((o) => ({ id: o.id, label: o.label, votes: irv.firstPreferences[o.id] ?? 0 })),
		rounds: irv.rounds,
		winner: irv.winner,
		explanation: irv.explanation
	};
}

function tallyScale(scale: ScaleSpec | undefined, ratings: number[]): PartResult {
	if (!scale || !isUsableScale(scale)) {
		return { totalBallots: 0, options: [], explanation: ["This poll has no scale set up, so the answers can't be counted."] };
	}
	const points = range(scale.min, scale.max);
	const distribution: Record<string, number> = Object.fromEntries(points.map((p) => [String(p), 0]));
	for (const r of ratings) distribution[String(r)] = (distribution[String(r)] ?? 0) + 1;
	const label = (p: number) => scale.labels?.[p] ?? String(p);
	const options = points.map((p) => ({ id: String(p), label: label(p), votes: distribution[String(p)] ?? 0 }));
	const stats = { mean: mean(ratings), median: median(ratings), distribution };
	return { totalBallots: ratings.length, options, scale: stats, explanation: scaleLines(scale, ratings, options) };
}

function scaleLines(scale: ScaleSpec, ratings: readonly number[], options: TallyResult['options']): string[] {
	const avg = mean(ratings);
	const mid = median(ratings);
	if (avg === null || mid === null) return ['Nobody has answered yet.'];
	const most = Math.max(...options.map((o) => o.votes));
	const named = (o: { id: string; label: string }) => (o.label === o.id ? o.id : `${o.id} (${o.label})`);
	const top = options.filter((o) => o.votes === most).map(named);
	const picked = top.length === 1 ? `The most picked answer was ${joinWords(top)}` : `The most picked answers were ${joinWords(top)}`;
	return [
		`${plural(ratings.length, 'person', 'people')} answered.`,
		`The average answer was ${roundTo1(avg)}, on a scale from ${scale.min} to ${scale.max}.`,
		`The middle answer was ${roundTo1(mid)}.`,
		`${picked}, by ${plural(most, 'person', 'people')}${top.length === 1 ? '' : ' each'}.`
	];
}

function tallyOpen(texts: string[]): PartResult {
	const words = wordCloud(texts);
	const base = { totalBallots: texts.length, options: [], answers: texts.length, words };
	if (texts.length === 0) return { ...base, explanation: ['Nobody has written an answer yet.'] };
	const lines = [`${plural(texts.length, 'person', 'people')} wrote an answer.`];
	const top = words.slice(0, 3).map((w) => `"${w.word}"`);
	if (top.length > 0) lines.push(`The most used ${top.length === 1 ? 'word was' : 'words were'} ${joinWords(top)}.`);
	return { ...base, explanation: lines };
}

/**
 * Common words that would fill every cloud. Negations ("not", "no", "don't", "never") are kept on
 * purpose: "not safe" and "safe" mean opposite things. No stemming, so "friend" and "friends" stay apart.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
	(
		'a an the and or but so to of in on at for with as by from about if then than ' +
		"i i'm im me my we us our you your you're they them their he she him her his it it's its " +
		'is are was were be been am do does did have has had will would can could ' +
		'that this these those there just'
	).split(' ')
);

/**
 * Each word counts once per answer, so the cloud shows how many people used a word and one
 * person repeating it cannot make it bigger. Top 50 by count, then alphabetical.
 */
export function wordCloud(texts: readonly string[]): { word: string; count: number }[] {
	const counts = new Map<string, number>();
	for (const text of texts) {
		for (const word of new Set(wordsOf(text))) counts.set(word, (counts.get(word) ?? 0) + 1);
	}
	return [...counts]
		.map(([word, count]) => ({ word, count }))
		.sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
		.slice(0, WORD_CLOUD_SIZE);
}

/** Lower-case words with punctuation stripped; an apostrophe inside a word ("don't") is kept. */
export function wordsOf(text: string): string[] {
	const plain = text.normalize('NFKC').toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");
	const words = plain.match(/[\p{L}\p{N}\p{M}]+(?:'[\p{L}\p{N}\p{M}]+)*/gu) ?? [];
	return words.filter((w) => !STOP_WORDS.has(w));
}

function countAbstentions(ballots: readonly BallotValue[]): TallyResult['abstentions'] {
	let dontKnow = 0;
	let skip = 0;
	for (const b of ballots) {
		if (b.kind !== 'abstain') continue;
		if (b.reason === 'dont-know') dontKnow++;
		else if (b.reason === 'skip') skip++;
	}
	return { dontKnow, skip };
}

function abstentionLines({ dontKnow, skip }: TallyResult['abstentions']): string[] {
	const parts = [
		...(dontKnow > 0 ? [`${plural(dontKnow, 'person', 'people')} said "Don't know"`] : []),
		...(skip > 0 ? [`${plural(skip, 'person', 'people')} skipped`] : [])
	];
	if (parts.length === 0) return [];
	return [`${joinWords(parts)}. These are not counted as votes.`];
}

function notCountedLine(n: number): string[] {
	if (n === 0) return [];
	return [`${plural(n, 'answer')} did not fit this poll, so ${n === 1 ? 'it was' : 'they were'} not counted.`];
}

function isUsableScale(s: ScaleSpec): boolean {
	return Number.isInteger(s.min) && Number.isInteger(s.max) && s.min < s.max && s.max - s.min < MAX_SCALE_POINTS;
}

function knownIds(options: readonly TallyOption[]): Set<string> {
	return new Set(options.map((o) => o.id));
}

/** First one wins if an id repeats, so a duplicated option is neither shown nor counted twice. */
function uniqueOptions(options: readonly TallyOption[]): TallyOption[] {
	const byId = new Map<string, TallyOption>();
	for (const o of options) if (!byId.has(o.id)) byId.set(o.id, o);
	return [...byId.values()];
}

function range(min: number, max: number): number[] {
	return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

function mean(xs: readonly number[]): number | null {
	return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
}

function median(xs: readonly number[]): number | null {
	const sorted = [...xs].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	const upper = sorted[mid];
	if (upper === undefined) return null;
	return sorted.length % 2 === 1 ? upper : (upper + (sorted[mid - 1] ?? upper)) / 2;
}

function roundTo1(x: number): number {
	return Math.round(x * 10) / 10;
}
