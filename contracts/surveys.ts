/**
 * Surveys: sections of questions answered between sessions, with simple skip logic, anonymous
 * or identified responses, and results for committees.
 */
import { z } from 'zod';
import { objectId, text } from './common.js';
import { supportInfo } from './safeguarding.js';

export const surveyQuestionTypes = ['single', 'multiple', 'scale', 'faces', 'three-point', 'ranking', 'yes-no', 'short-text', 'long-text'] as const;
export const surveyQuestionType = z.enum(surveyQuestionTypes);
export type SurveyQuestionType = z.infer<typeof surveyQuestionType>;

export const surveyQuestionTypeLabel: Record<SurveyQuestionType, string> = {
	single: 'Choose one',
	multiple: 'Choose any',
	scale: 'Number scale',
	faces: 'Faces (1–5)',
	'three-point': 'Like / not sure / don’t like',
	ranking: 'Put in order',
	'yes-no': 'Yes / no / not sure',
	'short-text': 'Short answer',
	'long-text': 'Long answer'
};

/** Types whose options are fixed by the type itself (the builder does not ask for them). */
export const fixedOptions: Partial<Record<SurveyQuestionType, { id: string; label: string; emoji: string }[]>> = {
	faces: [
		{ id: '1', label: 'Very unhappy', emoji: '😢' },
		{ id: '2', label: 'Unhappy', emoji: '🙁' },
		{ id: '3', label: 'Okay', emoji: '😐' },
		{ id: '4', label: 'Happy', emoji: '🙂' },
		{ id: '5', label: 'Very happy', emoji: '😄' }
	],
	'three-point': [
		{ id: 'like', label: 'I like it', emoji: '👍' },
		{ id: 'not-sure', label: 'Not sure', emoji: '🤔' },
		{ id: 'dislike', label: 'I don’t like it', emoji: '👎' }
	],
	'yes-no': [
		{ id: 'yes', label: 'Yes', emoji: '✅' },
		{ id: 'no', label: 'No', emoji: '❌' },
		{ id: 'not-sure', label: 'Not sure', emoji: '🤷' }
	]
};

const slug = z.string().regex(/^[a-z0-9-]{1,40}$/, 'Use lower-case letters, numbers and dashes.');

export const surveyOption = z.object({
	id: slug,
	label: text(120),
	easyRead: text(200).optional(),
	emoji: z.string().max(16).optional(),
	/**
	 * A picture for the option: a path on this site. Pictures from other sites are not allowed:
	 * loading them would tell those sites which young people opened the survey.
	 */
	imageUrl: z
		.string()
		.max(500)
		.regex(/^\/(?!\/)[^\s]*$/, 'Use a picture on this site: an address starting with /.')
		.optional(),
	imageAlt: text(200).optional()
});
export type SurveyOption = z.infer<typeof surveyOption>;

/** "Show this question if the answer to <questionId> is one of <equals>". */
export const showIf = z.object({ questionId: slug, equals: z.array(z.string().max(40)).min(1).max(20) });
export type ShowIf = z.infer<typeof showIf>;

export const surveyQuestion = z.object({
	id: slug,
	sectionId: slug,
	type: surveyQuestionType,
	title: text(300),
	help: text(500).optional(),
	easyRead: text(300).optional(),
	required: z.boolean().default(false),
	options: z.array(surveyOption).max(20).default([]),
	scale: z
		.object({ min: z.number().int().min(0).max(1), max: z.number().int().min(2).max(10), minLabel: text(60).optional(), maxLabel: text(60).optional() })
		.optional(),
	maxPicks: z.number().int().min(1).max(20).optional(),
	showIf: showIf.optional()
});
export type SurveyQuestion = z.infer<typeof surveyQuestion>;

export const surveySection = z.object({ id: slug, title: text(150), description: text(1000, 0).default('') });
export type SurveySection = z.infer<typeof surveySection>;

export const surveyAudience = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('group'), groupId: objectId }),
	z.object({ kind: z.literal('hub'), hubId: objectId }),
	/** Anyone with the link (young people still join with a nickname, in the survey's hub). */
	z.object({ kind: z.literal('link'), hubId: objectId })
]);
export type SurveyAudience = z.infer<typeof surveyAudience>;

export const surveyContent = z.object({
	title: text(150),
	intro: text(2000, 0).default(''),
	/** Told to young people before they start: who will read their answers. */
	whoReads: text(500),
	sections: z.array(surveySection).min(1).max(20),
	questions: z.array(surveyQuestion).min(1).max(100)
});
export type SurveyContent = z.infer<typeof surveyContent>;

export const surveyStates = ['draft', 'open', 'closed'] as const;
export const surveyState = z.enum(surveyStates);

/** One answer: an option id, option ids, a number, ordered ids, or text. */
export const surveyAnswer = z.union([z.string().max(4000), z.array(z.string().max(40)).max(20), z.number()]);
export type SurveyAnswer = z.infer<typeof surveyAnswer>;
export const surveyAnswers = z.record(slug, surveyAnswer);
export type SurveyAnswers = z.infer<typeof surveyAnswers>;

export const surveySettings = z.object({
	audience: surveyAudience,
	anonymous: z.boolean().default(true),
	opensAt: z.iso.datetime({ offset: true }).nullable().default(null),
	closesAt: z.iso.datetime({ offset: true }).nullable().default(null)
});

export const createSurveyBody = z.union([
	/** A template as it is. */
	surveySettings.extend({ template: z.string().max(60), content: z.undefined().optional() }),
	/** Your own questions (perhaps a template you changed: `template` records where it started). */
	surveySettings.extend({ content: surveyContent, template: z.string().max(60).optional() })
]);
export type CreateSurveyBody = z.infer<typeof createSurveyBody>;
export const updateSurveyBody = surveySettings.partial().extend({ content: surveyContent.optional() });
export type UpdateSurveyBody = z.infer<typeof updateSurveyBody>;

export const survey = z.object({
	id: objectId,
	hubId: objectId,
	audience: surveyAudience,
	title: z.string(),
	content: surveyContent,
	anonymous: z.boolean(),
	state: surveyState,
	/** Open and inside its dates: young people can answer now. */
	accepting: z.boolean(),
	opensAt: z.string().nullable(),
	closesAt: z.string().nullable(),
	template: z.string().nullable(),
	createdAt: z.string(),
	responses: z.number()
});
export type Survey = z.infer<typeof survey>;

export const surveySummary = survey.omit({ content: true });
export type SurveySummary = z.infer<typeof surveySummary>;

export const surveyTemplateInfo = z.object({ id: z.string(), name: z.string(), summary: z.string(), content: surveyContent });
export type SurveyTemplateInfo = z.infer<typeof surveyTemplateInfo>;

/** What a young person sees: the survey, whether it takes answers, and their own response. */
export const participantSurvey = z.object({
	id: objectId,
	title: z.string(),
	content: surveyContent,
	anonymous: z.boolean(),
	accepting: z.boolean(),
	closesAt: z.string().nullable(),
	response: z
		.object({ state: z.enum(['draft', 'submitted']), answers: surveyAnswers, held: z.array(z.string()) })
		.nullable()
});
export type ParticipantSurvey = z.infer<typeof participantSurvey>;

export const saveResponseBody = z.object({
	answers: surveyAnswers,
	/** false: save to finish later; true: send it (required questions must be answered). */
	submit: z.boolean().default(false)
});
export type SaveResponseBody = z.infer<typeof saveResponseBody>;

/** A saved or sent response, as its author sees it. */
export const savedResponse = z.object({ state: z.enum(['draft', 'submitted']), answers: surveyAnswers, held: z.array(z.string()), support: supportInfo.optional() });
export type SavedResponse = z.infer<typeof savedResponse>;

/** A young person's list of surveys: whether each takes answers, and whether they started or sent it. */
export const mySurvey = z.object({ id: z.string(), title: z.string(), accepting: z.boolean(), closesAt: z.string().nullable(), mine: z.enum(['draft', 'submitted']).nullable() });
export type MySurvey = z.infer<typeof mySurvey>;

/** What anyone opening a survey link sees before choosing a nickname. */
export const surveyLinkInfo = z.object({
	id: z.string(),
	title: z.string(),
	intro: z.string(),
	whoReads: z.string(),
	audience: z.enum(['group', 'hub', 'link']),
	anonymous: z.boolean(),
	accepting: z.boolean(),
	closesAt: z.string().nullable()
});
export type SurveyLinkInfo = z.infer<typeof surveyLinkInfo>;

export const surveyResultsQuery = z.object({
	hubId: objectId.optional(),
	groupId: objectId.optional(),
	from: z.iso.date().optional(),
	to: z.iso.date().optional()
});
export type SurveyResultsQuery = z.infer<typeof surveyResultsQuery>;

export const surveyQuestionResult = z.object({
	questionId: z.string(),
	type: surveyQuestionType,
	title: z.string(),
	answered: z.number(),
	options: z.array(z.object({ id: z.string(), label: z.string(), count: z.number() })),
	mean: z.number().nullable(),
	averagePosition: z.array(z.object({ id: z.string(), label: z.string(), position: z.number() })),
	texts: z.number(),
	/** Free-text answers with their moderation status (held and hidden ones are listed for staff, not shown in reports). */
	textAnswers: z.array(z.object({ text: z.string(), status: z.enum(['visible', 'held', 'hidden']) }))
});

export const surveyResults = z.object({
	surveyId: objectId,
	title: z.string(),
	responses: z.number(),
	audienceSize: z.number(),
	/** Responses ÷ audience, when the audience is known (a group or hub), else null. */
	responseRate: z.number().nullable(),
	questions: z.array(surveyQuestionResult)
});
export type SurveyResults = z.infer<typeof surveyResults>;
