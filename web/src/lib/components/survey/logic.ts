/**
 * The survey rules the browser needs. Question order, options and skip logic are the shared
 * ones in contracts/survey-rules.ts (the server decides with the same functions); this adds
 * what only the web needs: reading a posted form, answers in words, ids for the builder.
 */
import {
	canDriveSkipLogic,
	isBlank,
	isChoiceQuestion,
	isTextQuestion,
	optionsOf,
	orderedQuestions,
	scaleOf,
	visibleQuestions
} from '$contracts/survey-rules';
import type { SurveyAnswer, SurveyAnswers, SurveyContent, SurveyQuestion, SurveyQuestionType } from '$contracts/surveys';

export { canDriveSkipLogic, isBlank, isChoiceQuestion, isTextQuestion, optionsOf, orderedQuestions, scaleOf, visibleQuestions };
/** Types whose options the builder asks for (the others have fixed options or none). */
export const hasOwnOptions = (t: SurveyQuestionType) => t === 'single' || t === 'multiple' || t === 'ranking';

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
