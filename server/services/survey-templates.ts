/**
 * Surveys staff can start from. Short sentences, one idea per question, easy-read versions,
 * and the hard questions optional: written for young people with speech, language and
 * communication needs first.
 */
import type { SurveyContent } from '../../contracts/index.js';

export interface SurveyTemplate {
	id: string;
	name: string;
	summary: string;
	content: SurveyContent;
}

const WHO_READS =
	'The participation team reads your answers. They use them to make things better. If you write something that makes us worried about your safety, a safeguarding lead will see it so they can help.';

export const surveyTemplates: SurveyTemplate[] = [
	{
		id: 'hows-your-hub',
		name: 'How’s your hub?',
		summary: 'A quick check on the hub: what young people use, what they like, and what would make it better.',
		content: {
			title: 'How’s your hub?',
			intro: 'Tell us what you think of your hub. It takes about 3 minutes. You can skip any question.',
			whoReads: WHO_READS,
			sections: [{ id: 'hub', title: 'Your hub', description: '' }],
			questions: [
				{ id: 'feel', sectionId: 'hub', type: 'faces', title: 'How do you feel when you are at the hub?', easyRead: 'At the hub, I feel…', required: true, options: [] },
				{ id: 'visit', sectionId: 'hub', type: 'yes-no', title: 'Have you been to the hub in the last month?', easyRead: 'Did you go to the hub this month?', required: true, options: [] },
				{
					id: 'what',
					sectionId: 'hub',
					type: 'multiple',
					title: 'What did you do there?',
					help: 'Choose as many as you like.',
					required: false,
					options: [
						{ id: 'food', label: 'Had food', emoji: '🍕' },
						{ id: 'activities', label: 'Activities and trips', emoji: '🎳' },
						{ id: 'advice', label: 'Got advice or help', emoji: '💬' },
						{ id: 'friends', label: 'Saw friends', emoji: '👋' },
						{ id: 'quiet', label: 'Had some quiet time', emoji: '🛋️' }
					],
					showIf: { questionId: 'visit', equals: ['yes'] }
				},
				{ id: 'why-not', sectionId: 'hub', type: 'short-text', title: 'What stops you going?', required: false, options: [], showIf: { questionId: 'visit', equals: ['no', 'not-sure'] } },
				{ id: 'better', sectionId: 'hub', type: 'long-text', title: 'What one thing would make the hub better?', easyRead: 'How can we make the hub better?', required: false, options: [] }
			]
		}
	},
	{
		id: 'how-are-we-doing',
		name: 'How are we doing?',
		summary: 'The yearly service feedback survey: being listened to, support from workers, and what to change.',
		content: {
			title: 'How are we doing?',
			intro: 'Every year we ask young people what is working and what is not. Your answers help us change things. It takes about 5 minutes.',
			whoReads: WHO_READS,
			sections: [
				{ id: 'heard', title: 'Being listened to', description: '' },
				{ id: 'support', title: 'Your support', description: '' },
				{ id: 'change', title: 'What should change', description: '' }
			],
			questions: [
				{ id: 'listened', sectionId: 'heard', type: 'scale', title: 'How much do you feel listened to by the people who make decisions about you?', easyRead: 'Do people listen to you?', help: '1 means not at all. 10 means all the time.', required: true, options: [], scale: { min: 1, max: 10, minLabel: 'Not at all', maxLabel: 'All the time' } },
				{ id: 'say', sectionId: 'heard', type: 'three-point', title: 'What do you think about how much say you have in your plans?', required: false, options: [] },
				{ id: 'worker', sectionId: 'support', type: 'faces', title: 'How do you feel about your social worker or personal adviser?', easyRead: 'Your worker makes you feel…', required: false, options: [] },
				{ id: 'know-how', sectionId: 'support', type: 'yes-no', title: 'Do you know how to make a complaint if you need to?', required: false, options: [] },
				{
					id: 'matters',
					sectionId: 'change',
					type: 'ranking',
					title: 'Put these in order: what matters most to you?',
					help: 'Tap them in order, most important first. You can use the up and down buttons to change the order.',
					required: false,
					options: [
						{ id: 'home', label: 'A stable home', emoji: '🏠' },
						{ id: 'money', label: 'Money and bills', emoji: '💷' },
						{ id: 'education', label: 'School, college or work', emoji: '🎓' },
						{ id: 'health', label: 'Feeling well', emoji: '💚' },
						{ id: 'family', label: 'Seeing family and friends', emoji: '👪' }
					]
				},
				{ id: 'change', sectionId: 'change', type: 'long-text', title: 'If you could change one thing about our service, what would it be?', required: false, options: [] }
			]
		}
	},
	{
		id: 'wellbeing-check-in',
		name: 'Wellbeing check-in',
		summary: 'Three faces questions and an optional comment: a gentle check-in after a session.',
		content: {
			title: 'How are you doing?',
			intro: 'A short check-in. There are no right or wrong answers.',
			whoReads: WHO_READS,
			sections: [{ id: 'today', title: 'Today', description: '' }],
			questions: [
				{ id: 'mood', sectionId: 'today', type: 'faces', title: 'How are you feeling today?', required: true, options: [] },
				{ id: 'sleep', sectionId: 'today', type: 'faces', title: 'How have you been sleeping?', required: false, options: [] },
				{ id: 'someone', sectionId: 'today', type: 'yes-no', title: 'Is there someone you can talk to if you are worried?', required: false, options: [] },
				{ id: 'anything', sectionId: 'today', type: 'long-text', title: 'Anything else you want us to know?', help: 'If you are not safe right now, call 999. You can talk to Childline any time on 0800 1111.', required: false, options: [] }
			]
		}
	},
	{
		id: 'help-us-choose-a-name',
		name: 'Help us choose a name',
		summary: 'Rank some possible names, say what a good name should feel like, and suggest your own.',
		content: {
			title: 'Help us choose a name',
			intro: 'Young people told us "No Wrong Door" overpromises. Help us choose a new name for the service.',
			whoReads: WHO_READS,
			sections: [{ id: 'name', title: 'The name', description: '' }],
			questions: [
				{
					id: 'rank',
					sectionId: 'name',
					type: 'ranking',
					title: 'Put these names in order, favourite first.',
					required: true,
					options: [
						{ id: 'harbour', label: 'The Harbour', emoji: '⚓' },
						{ id: 'next-steps', label: 'Next Steps', emoji: '👣' },
						{ id: 'bridges', label: 'Bridges', emoji: '🌉' },
						{ id: 'keep', label: 'Keep "No Wrong Door"', emoji: '🚪' }
					]
				},
				{
					id: 'feel',
					sectionId: 'name',
					type: 'multiple',
					title: 'A good name should feel…',
					maxPicks: 3,
					required: false,
					options: [
						{ id: 'safe', label: 'Safe' },
						{ id: 'honest', label: 'Honest' },
						{ id: 'hopeful', label: 'Hopeful' },
						{ id: 'grown-up', label: 'Grown-up' },
						{ id: 'friendly', label: 'Friendly' }
					]
				},
				{ id: 'own', sectionId: 'name', type: 'short-text', title: 'Do you have your own idea for a name?', required: false, options: [] }
			]
		}
	}
];
