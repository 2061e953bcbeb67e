import { describe, expect, it } from 'vitest';
import { surveyContent, type SurveyContent } from '../../contracts/index.js';
import { aggregate, answerInWords, checkContent, checkResponse, suppress, visibleQuestions } from '../../server/services/survey-logic.js';

const content: SurveyContent = surveyContent.parse({
	title: 'How are we doing?',
	whoReads: 'The participation team reads your answers. They do not see your name.',
	sections: [
		{ id: 'you', title: 'About you' },
		{ id: 'hub', title: 'Your hub' }
	],
	questions: [
		{ id: 'feel', sectionId: 'you', type: 'faces', title: 'How do you feel today?', required: true },
		{ id: 'visit', sectionId: 'hub', type: 'yes-no', title: 'Have you been to the hub this month?', required: true },
		{ id: 'what', sectionId: 'hub', type: 'multiple', title: 'What did you do?', options: [{ id: 'food', label: 'Food' }, { id: 'games', label: 'Games' }, { id: 'advice', label: 'Advice' }], maxPicks: 2, showIf: { questionId: 'visit', equals: ['yes'] }, required: true },
		{ id: 'why-not', sectionId: 'hub', type: 'short-text', title: 'What stops you coming?', showIf: { questionId: 'visit', equals: ['no', 'not-sure'] } },
		{ id: 'better', sectionId: 'hub', type: 'long-text', title: 'What would make it better?' },
		{ id: 'score', sectionId: 'hub', type: 'scale', title: 'Score the hub', scale: { min: 1, max: 10 } },
		{ id: 'order', sectionId: 'hub', type: 'ranking', title: 'What matters most?', options: [{ id: 'safe', label: 'Feeling safe' }, { id: 'fun', label: 'Fun' }, { id: 'help', label: 'Getting help' }] },
		// Listed before its section's first question but belongs to "you": ordering is by section.
		{ id: 'age', sectionId: 'you', type: 'single', title: 'How old are you?', options: [{ id: 'u16', label: 'Under 16' }, { id: 'o16', label: '16 or over' }] }
	]
});

describe('survey skip logic', () => {
	it('orders questions by section and shows follow-ups only for the matching answer', () => {
		expect(visibleQuestions(content, {}).map((q) => q.id)).toEqual(['feel', 'age', 'visit', 'better', 'score', 'order']);
		expect(visibleQuestions(content, { visit: 'yes' }).map((q) => q.id)).toContain('what');
		expect(visibleQuestions(content, { visit: 'yes' }).map((q) => q.id)).not.toContain('why-not');
		expect(visibleQuestions(content, { visit: 'not-sure' }).map((q) => q.id)).toContain('why-not');
	});

	it('hides a follow-up when the question it depends on is itself hidden', () => {
		const chained: SurveyContent = {
			...content,
			questions: [
				...content.questions,
				{ id: 'food-ok', sectionId: 'hub', type: 'yes-no', title: 'Was the food good?', required: false, options: [], showIf: { questionId: 'what', equals: ['food'] } }
			]
		};
		expect(visibleQuestions(chained, { visit: 'yes', what: ['food'] }).map((q) => q.id)).toContain('food-ok');
		// "what" is hidden once the young person says they did not visit, so its follow-up goes too.
		expect(visibleQuestions(chained, { visit: 'no', what: ['food'] }).map((q) => q.id)).not.toContain('food-ok');
	});

	it('refuses skip logic on later questions, unknown answers or text questions', () => {
		const bad = (showIf: { questionId: string; equals: string[] }) =>
			checkContent({ ...content, questions: [{ ...content.questions[0]!, showIf }, ...content.questions.slice(1)] });
		expect(Object.values(bad({ questionId: 'visit', equals: ['yes'] }))).toContain('Skip logic can only depend on an earlier question.');
		expect(checkContent({ ...content, questions: content.questions.map((q) => (q.id === 'what' ? { ...q, showIf: { questionId: 'visit', equals: ['maybe'] } } : q)) })).toEqual({
			'questions.2.showIf': 'Skip logic refers to an answer that question does not have.'
		});
		expect(checkContent({ ...content, questions: content.questions.map((q) => (q.id === 'score' ? { ...q, showIf: { questionId: 'better', equals: ['x'] } } : q)) })).toEqual({
			'questions.5.showIf': 'Skip logic needs an earlier choice question.'
		});
		expect(checkContent(content)).toEqual({});
	});
});

describe('survey answers', () => {
	it('checks each type and keeps only answers to questions that are shown', () => {
		const r = checkResponse(content, { feel: '4', age: 'o16', visit: 'no', what: ['food'], 'why-not': '  too far away  ', score: '7', order: ['help', 'safe'] }, { final: true });
		expect(r.problems).toEqual({});
		// "what" was hidden by the "no" answer, so it is dropped rather than stored.
		expect(r.answers).toEqual({ feel: '4', age: 'o16', visit: 'no', 'why-not': 'too far away', score: 7, order: ['help', 'safe'] });
	});

	it('explains what is wrong, in plain words, per question', () => {
		const r = checkResponse(content, { feel: '9', visit: 'yes', what: ['food', 'games', 'advice'], score: 11, order: ['safe', 'safe'], nope: 'x', better: 'a\u0000b' }, { final: true });
		expect(r.problems).toEqual({
			nope: 'There is no such question.',
			feel: 'Choose one of the answers.',
			what: 'Choose up to 2.',
			score: 'Choose a number from 1 to 10.',
			order: 'Put the answers in order, each once.',
			better: 'This contains characters we cannot store.'
		});
	});

	it('needs required questions only when submitting, not when saving to finish later', () => {
		expect(checkResponse(content, { feel: '3' }, { final: false }).problems).toEqual({});
		expect(checkResponse(content, { feel: '3' }, { final: true }).problems).toEqual({ visit: 'Please answer this question.' });
		expect(checkResponse(content, { feel: '3', visit: 'yes' }, { final: true }).problems).toEqual({ what: 'Please answer this question.' });
	});
});

describe('survey results', () => {
	it('counts choices, averages scales and faces, and ranks by average position', () => {
		const responses: Record<string, string | number | string[]>[] = [
			{ feel: '5', visit: 'yes', what: ['food', 'games'], score: 8, order: ['safe', 'fun', 'help'], better: 'more trips' },
			{ feel: '3', visit: 'yes', what: ['food'], score: 6, order: ['safe', 'help'] },
			{ feel: '4', visit: 'no', order: ['help', 'safe', 'fun'] }
		];
		const byId = Object.fromEntries(aggregate(content, responses).map((r) => [r.questionId, r]));
		expect(byId.what!.options.map((o) => [o.id, o.count])).toEqual([['food', 2], ['games', 1], ['advice', 0]]);
		expect(byId.what!.answered).toBe(2);
		expect(byId.feel!.mean).toBe(4);
		expect(byId.score!.mean).toBe(7);
		expect(byId.score!.options).toHaveLength(10);
		expect(byId.order!.options.find((o) => o.id === 'safe')!.count).toBe(2);
		expect(byId.order!.averagePosition.map((p) => [p.id, p.position])).toEqual([['safe', 1.3], ['help', 2], ['fun', 2.5]]);
		expect(byId.better!.texts).toBe(1);
		expect(byId.visit!.options.map((o) => o.count)).toEqual([2, 1, 0]);
	});

	it('writes answers in words for exports', () => {
		const q = (id: string) => content.questions.find((x) => x.id === id)!;
		expect(answerInWords(q('what'), ['food', 'advice'])).toBe('Food; Advice');
		expect(answerInWords(q('order'), ['help', 'safe'])).toBe('Getting help > Feeling safe');
		expect(answerInWords(q('feel'), '4')).toBe('Happy');
		expect(answerInWords(q('score'), 7)).toBe('7');
		expect(answerInWords(q('better'), undefined)).toBe('');
	});
});

describe('small-number suppression', () => {
	it('hides counts from 1 to 4 and keeps zero and 5 or more', () => {
		expect([0, 1, 2, 4, 5, 6, 120].map((n) => suppress(n))).toEqual([0, null, null, null, 5, 6, 120]);
		expect(suppress(9, 10)).toBeNull();
	});
});
