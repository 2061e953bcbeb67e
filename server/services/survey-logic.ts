/**
 * The rules of a survey, with no I/O: which questions a young person sees (skip logic), whether
 * an answer fits its question, whether a response is complete, how answers add up, and how small
 * numbers are hidden in reports. The survey service and its tests share these.
 */
import {
	canDriveSkipLogic,
	fixedOptions,
	isBlank,
	isChoiceQuestion,
	isTextQuestion,
	optionsOf,
	orderedQuestions,
	scaleOf,
	visibleQuestions,
	type SurveyAnswer,
	type SurveyAnswers,
	type SurveyContent,
	type SurveyQuestion
} from '../../contracts/index.js';

// The shared rules live in contracts/survey-rules.ts (the browser uses the same ones).
export { isBlank, isTextQuestion, optionsOf, orderedQuestions, scaleOf, visibleQuestions };

/** Counts under this are shown as "fewer than 5", so no child can be picked out of a report. */
export const SMALL_NUMBER = 5;

export function suppress(n: number, threshold = SMALL_NUMBER): number | null {
	return n > 0 && n < threshold ? null : n;
}

/** Problems a builder must fix before a survey can be saved, in plain words, keyed by field. */
export function checkContent(content: SurveyContent): Record<string, string> {
	const problems: Record<string, string> = {};
	const sectionIds = new Set<string>();
	content.sections.forEach((s, i) => {
		if (sectionIds.has(s.id)) problems[`sections.${i}.id`] = 'Two sections have the same id.';
		sectionIds.add(s.id);
	});
	const seen = new Map<string, SurveyQuestion>();
	for (const [i, q] of orderedQuestions(content).entries()) {
		const at = `questions.${content.questions.indexOf(q)}`;
		if (seen.has(q.id)) problems[`${at}.id`] = 'Two questions have the same id.';
		if (!sectionIds.has(q.sectionId)) problems[`${at}.sectionId`] = 'This question is in a section that does not exist.';
		const own = q.options.map((o) => o.id);
		if (new Set(own).size !== own.length) problems[`${at}.options`] = 'Two options have the same id.';
		if (isChoiceQuestion(q) && !fixedOptions[q.type] && q.options.length < 2) problems[`${at}.options`] = 'Give at least two options.';
		if (q.maxPicks && q.type === 'multiple' && q.maxPicks > q.options.length) problems[`${at}.maxPicks`] = 'More picks than options.';
		if (q.showIf) {
			const target = seen.get(q.showIf.questionId);
			if (!target) problems[`${at}.showIf`] = 'Skip logic can only depend on an earlier question.';
			else if (!canDriveSkipLogic(target)) problems[`${at}.showIf`] = 'Skip logic needs an earlier choice question.';
			else {
				const ids = new Set(optionsOf(target).map((o) => o.id));
				if (!q.showIf.equals.every((v) => ids.has(v))) problems[`${at}.showIf`] = 'Skip logic refers to an answer that question does not have.';
			}
		}
		seen.set(q.id, q);
		void i;
	}
	return problems;
}

/** Checks one answer against its question; returns the tidy value or a plain-words problem. */
export function checkAnswer(q: SurveyQuestion, value: SurveyAnswer): { ok: true; value: SurveyAnswer } | { ok: false; problem: string } {
	const ids = new Set(optionsOf(q).map((o) => o.id));
	switch (q.type) {
		case 'single':
		case 'faces':
		case 'three-point':
		case 'yes-no':
			return typeof value === 'string' && ids.has(value) ? { ok: true, value } : { ok: false, problem: 'Choose one of the answers.' };
		case 'multiple': {
			if (!Array.isArray(value) || value.length === 0 || !value.every((v) => ids.has(v))) return { ok: false, problem: 'Choose from the answers given.' };
			const unique = [...new Set(value)];
			if (q.maxPicks && unique.length > q.maxPicks) return { ok: false, problem: `Choose up to ${q.maxPicks}.` };
			return { ok: true, value: unique };
		}
		case 'ranking': {
			if (!Array.isArray(value) || value.length === 0 || !value.every((v) => ids.has(v)) || new Set(value).size !== value.length)
				return { ok: false, problem: 'Put the answers in order, each once.' };
			return { ok: true, value };
		}
		case 'scale': {
			const { min, max } = scaleOf(q);
			const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
			return Number.isInteger(n) && n >= min && n <= max ? { ok: true, value: n } : { ok: false, problem: `Choose a number from ${min} to ${max}.` };
		}
		case 'short-text':
		case 'long-text': {
			if (typeof value !== 'string') return { ok: false, problem: 'Write your answer as text.' };
			const t = value.replace(/\r\n?/g, '\n').trim();
			const max = q.type === 'short-text' ? 300 : 4000;
			// eslint-disable-next-line no-control-regex
			if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(t)) return { ok: false, problem: 'This contains characters we cannot store.' };
			if (t.length > max) return { ok: false, problem: `Use at most ${max} characters.` };
			return { ok: true, value: t };
		}
	}
}

/**
 * A response as it will be stored: answers to hidden questions dropped, each answer checked.
 * `final` also requires every visible required question to be answered.
 */
export function checkResponse(content: SurveyContent, answers: SurveyAnswers, opts: { final: boolean }): { answers: SurveyAnswers; problems: Record<string, string> } {
	const byId = new Map(content.questions.map((q) => [q.id, q]));
	const problems: Record<string, string> = {};
	for (const id of Object.keys(answers)) if (!byId.has(id)) problems[id] = 'There is no such question.';
	const tidy: SurveyAnswers = {};
	for (const q of visibleQuestions(content, answers)) {
		const v = answers[q.id];
		if (isBlank(v)) {
			if (opts.final && q.required) problems[q.id] = 'Please answer this question.';
			continue;
		}
		const r = checkAnswer(q, v!);
		if (r.ok) tidy[q.id] = r.value;
		else problems[q.id] = r.problem;
	}
	return { answers: tidy, problems };
}

export interface QuestionResult {
	questionId: string;
	type: SurveyQuestion['type'];
	title: string;
	/** How many responses answered it. */
	answered: number;
	/** Choice-like questions: one row per option (scale: per number), in order. */
	options: { id: string; label: string; count: number }[];
	/** Scales and faces: the average, to one decimal place. */
	mean: number | null;
	/** Ranking: average position (1 = top), lower is preferred. */
	averagePosition: { id: string; label: string; position: number }[];
	/** Text questions: how many answers (the texts are listed separately, with their status). */
	texts: number;
}

/** Adds up responses per question. Pure: the same responses always give the same result. */
export function aggregate(content: SurveyContent, responses: SurveyAnswers[]): QuestionResult[] {
	return orderedQuestions(content).map((q) => {
		const given = responses.map((r) => r[q.id]).filter((v): v is SurveyAnswer => !isBlank(v));
		const result: QuestionResult = { questionId: q.id, type: q.type, title: q.title, answered: given.length, options: [], mean: null, averagePosition: [], texts: 0 };
		if (isTextQuestion(q)) {
			result.texts = given.length;
			return result;
		}
		if (q.type === 'scale') {
			const { min, max } = scaleOf(q);
			const nums = given.map(Number).filter((n) => Number.isFinite(n));
			for (let n = min; n <= max; n++) result.options.push({ id: String(n), label: String(n), count: nums.filter((x) => x === n).length });
			result.mean = nums.length ? Math.round((nums.reduce((a, b) => a + b, 0) / nums.length) * 10) / 10 : null;
			return result;
		}
		const opts = optionsOf(q);
		if (q.type === 'ranking') {
			result.options = opts.map((o) => ({ id: o.id, label: o.label, count: given.filter((v) => Array.isArray(v) && v[0] === o.id).length }));
			result.averagePosition = opts
				.map((o) => {
					const places = given.map((v) => (Array.isArray(v) ? v.indexOf(o.id) : -1)).filter((i) => i >= 0);
					return { id: o.id, label: o.label, position: places.length ? Math.round((places.reduce((a, b) => a + b + 1, 0) / places.length) * 10) / 10 : 0 };
				})
				.filter((x) => x.position > 0)
				.sort((a, b) => a.position - b.position);
			return result;
		}
		result.options = opts.map((o) => ({ id: o.id, label: o.label, count: given.filter((v) => (Array.isArray(v) ? v.includes(o.id) : v === o.id)).length }));
		if (q.type === 'faces') {
			const nums = given.map(Number).filter((n) => Number.isFinite(n));
			result.mean = nums.length ? Math.round((nums.reduce((a, b) => a + b, 0) / nums.length) * 10) / 10 : null;
		}
		return result;
	});
}

/** An answer in words, for CSV exports. */
export function answerInWords(q: SurveyQuestion, value: SurveyAnswer | undefined): string {
	if (isBlank(value)) return '';
	const label = new Map(optionsOf(q).map((o) => [o.id, o.label]));
	if (Array.isArray(value)) return value.map((v) => label.get(v) ?? v).join(q.type === 'ranking' ? ' > ' : '; ');
	if (typeof value === 'number') return String(value);
	return label.get(value!) ?? value!;
}
