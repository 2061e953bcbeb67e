/**
 * The survey rules both sides must agree on, with no I/O: options of each question type, the
 * order questions are met in, and skip logic (which questions a young person sees). The browser
 * uses them to show one question per screen; the server uses the same functions to decide what
 * it keeps, so the two can never disagree.
 */
import { fixedOptions, type SurveyAnswer, type SurveyAnswers, type SurveyContent, type SurveyOption, type SurveyQuestion, type SurveyQuestionType } from './surveys.js';

const CHOICE = new Set<SurveyQuestionType>(['single', 'multiple', 'faces', 'three-point', 'yes-no', 'ranking']);
const TEXT = new Set<SurveyQuestionType>(['short-text', 'long-text']);

export const isTextQuestion = (q: Pick<SurveyQuestion, 'type'>) => TEXT.has(q.type);
export const isChoiceQuestion = (q: Pick<SurveyQuestion, 'type'>) => CHOICE.has(q.type);
/** Questions skip logic may depend on: choice questions other than ranking. */
export const canDriveSkipLogic = (q: Pick<SurveyQuestion, 'type'>) => CHOICE.has(q.type) && q.type !== 'ranking';

export function optionsOf(q: Pick<SurveyQuestion, 'type' | 'options'>): SurveyOption[] {
	return fixedOptions[q.type] ?? q.options;
}

export function scaleOf(q: Pick<SurveyQuestion, 'scale'>): { min: number; max: number; minLabel?: string; maxLabel?: string } {
	return { min: q.scale?.min ?? 1, max: q.scale?.max ?? 5, minLabel: q.scale?.minLabel, maxLabel: q.scale?.maxLabel };
}

/** Questions in the order a young person meets them: by section, then as listed. */
export function orderedQuestions(content: Pick<SurveyContent, 'sections' | 'questions'>): SurveyQuestion[] {
	const rank = new Map(content.sections.map((s, i) => [s.id, i]));
	return content.questions
		.map((q, i) => ({ q, i }))
		.sort((a, b) => (rank.get(a.q.sectionId) ?? 0) - (rank.get(b.q.sectionId) ?? 0) || a.i - b.i)
		.map((x) => x.q);
}

function matches(answer: SurveyAnswer | undefined, equals: string[]): boolean {
	if (answer === undefined) return false;
	if (Array.isArray(answer)) return answer.some((a) => equals.includes(a));
	return equals.includes(String(answer));
}

/**
 * The questions shown for these answers. A question with `showIf` appears only when the earlier
 * question was shown and answered with one of the listed options (so hiding cascades).
 */
export function visibleQuestions(content: Pick<SurveyContent, 'sections' | 'questions'>, answers: SurveyAnswers): SurveyQuestion[] {
	const shown = new Set<string>();
	const out: SurveyQuestion[] = [];
	for (const q of orderedQuestions(content)) {
		if (q.showIf && !(shown.has(q.showIf.questionId) && matches(answers[q.showIf.questionId], q.showIf.equals))) continue;
		shown.add(q.id);
		out.push(q);
	}
	return out;
}

/** Empty answers (nothing chosen, blank text) count as not answered. */
export function isBlank(value: SurveyAnswer | undefined): boolean {
	return value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}
