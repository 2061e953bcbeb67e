/**
 * The survey rules the browser needs, mirroring server/services/survey-logic.ts (the server
 * re-checks everything): question order, skip logic, options of each type, and turning a
 * posted form into an answer. Pure functions, safe on the server and in the browser.
 */
import { fixedOptions, type SurveyAnswer, type SurveyAnswers, type SurveyContent, type SurveyOption, type SurveyQuestion, type SurveyQuestionType } from '$contracts/surveys';

const CHOICE = new Set<SurveyQuestionType>(['single', 'multiple', 'faces', 'three-point', 'yes-no', 'ranking']);
const TEXT = new Set<SurveyQuestionType>(['short-text', 'long-text']);

export const isTextQuestion = (q: Pick<SurveyQuestion, 'type'>) => TEXT.has(q.type);
export const isChoiceQuestion = (q: Pick<SurveyQuestion, 'type'>) => CHOICE.has(q.type);
/** Questions skip logic may depend on: choice questions other than ranking. */
export const canDriveSkipLogic = (q: Pick<SurveyQuestion, 'type'>) => CHOICE.has(q.type) && q.type !== 'ranking';
/** Types whose options the builder asks for (the others have fixed options or none). */
export const hasOwnOptions = (t: SurveyQuestionType) => t === 'single' || t === 'multiple' || t === 'ranking';

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

/** The questions shown for these answers; hiding cascades (as on the server). */
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

export function isBlank(value: SurveyAnswer | undefined): boolean {
	return value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** Only the answers to questions still shown (what the server will keep). */
export function keepVisible(content: SurveyContent, answers: SurveyAnswers): SurveyAnswers {
	const out: SurveyAnswers = {};
	for (const q of visibleQuestions(content, answers)) if (!isBlank(answers[q.id])) out[q.id] = answers[q.id]!;
	return out;
}

/** One question's answer from a posted form (field "answer"); undefined when left blank. */
export function answerFromForm(q: SurveyQuestion, f: FormData): SurveyAnswer | undefined {
	const all = f.getAll('answer').map(String).filter((v) => v !== '');
	if (q.type === 'multiple' || q.type === 'ranking') return all.length ? [...new Set(all)] : undefined;
	const v = all[0];
	if (v === undefined) return undefined;
	if (q.type === 'scale') return /^\d+$/.test(v) ? Number(v) : v;
	if (isTextQuestion(q)) return v.trim() ? v : undefined;
	return v;
}

/** An answer in words, for the "check your answers" screen. */
export function answerInWords(q: SurveyQuestion, value: SurveyAnswer | undefined): string {
	if (isBlank(value)) return '';
	const label = new Map(optionsOf(q).map((o) => [o.id, o.label]));
	if (Array.isArray(value)) return value.map((v, i) => (q.type === 'ranking' ? `${i + 1}. ` : '') + (label.get(v) ?? v)).join(q.type === 'ranking' ? ', ' : ', ');
	if (typeof value === 'number') return String(value);
	return label.get(value!) ?? value!;
}

/** A short random id for new questions, sections and options (lower-case letters and digits). */
export function newSlug(prefix: string): string {
	const bytes = new Uint8Array(4);
	globalThis.crypto.getRandomValues(bytes);
	return `${prefix}-${[...bytes].map((b) => b.toString(36).padStart(2, '0')).join('').slice(0, 7)}`;
}
