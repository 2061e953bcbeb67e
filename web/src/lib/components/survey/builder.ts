/**
 * The survey builder's working copy ("draft"), shared by the browser and the form actions: read
 * it from a survey or a posted form, change it (add, remove, reorder: the same operations run in
 * the browser with JavaScript, or on the server as form posts without it), and turn it into the
 * API's body.
 */
import type { Survey, SurveyContent, SurveyQuestion, SurveyQuestionType } from '$contracts/surveys';
import { surveyQuestionTypes } from '$contracts/surveys';
import { canDriveSkipLogic, hasOwnOptions, newSlug, optionsOf } from './logic';

export interface BOption {
	key: number;
	id: string;
	label: string;
	easyRead: string;
	emoji: string;
	imageUrl: string;
	imageAlt: string;
}
export interface BQuestion {
	key: number;
	id: string;
	type: SurveyQuestionType;
	title: string;
	help: string;
	easyRead: string;
	required: boolean;
	options: BOption[];
	scaleMax: number;
	scaleMinLabel: string;
	scaleMaxLabel: string;
	maxPicks: string;
	showIf: string;
	showIfEq: string[];
}
export interface BSection {
	key: number;
	id: string;
	title: string;
	description: string;
	questions: BQuestion[];
}
export interface Draft {
	title: string;
	intro: string;
	whoReads: string;
	sections: BSection[];
	audienceKind: 'group' | 'hub' | 'link';
	groupId: string;
	hubId: string;
	anonymous: boolean;
	opensAt: string;
	closesAt: string;
}

let counter = 1;
const key = () => counter++;

export const DEFAULT_WHO_READS =
	'The participation team reads your answers. They use them to make things better. If you write something that makes us worried about your safety, a safeguarding lead will see it so they can help.';

export function blankOption(label = ''): BOption {
	return { key: key(), id: newSlug('o'), label, easyRead: '', emoji: '', imageUrl: '', imageAlt: '' };
}

export function blankQuestion(type: SurveyQuestionType = 'single'): BQuestion {
	return {
		key: key(),
		id: newSlug('q'),
		type,
		title: '',
		help: '',
		easyRead: '',
		required: false,
		options: hasOwnOptions(type) ? [blankOption(), blankOption()] : [],
		scaleMax: 5,
		scaleMinLabel: '',
		scaleMaxLabel: '',
		maxPicks: '',
		showIf: '',
		showIfEq: []
	};
}

export function blankSection(title = ''): BSection {
	return { key: key(), id: newSlug('s'), title, description: '', questions: [blankQuestion()] };
}

/** London time for date inputs (the council's clock), whatever the server's zone. */
function londonOffsetMinutes(d: Date): number {
	const name = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'longOffset' }).formatToParts(d).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
	const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
	return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}
export function londonToIso(local: string): string | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
	if (!m) return null;
	const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
	return new Date(guess - londonOffsetMinutes(new Date(guess)) * 60_000).toISOString();
}
export function isoToLondon(iso: string | null): string {
	if (!iso) return '';
	const d = new Date(iso);
	return new Date(d.getTime() + londonOffsetMinutes(d) * 60_000).toISOString().slice(0, 16);
}

export function draftFromContent(content: SurveyContent, settings: Partial<Pick<Survey, 'audience' | 'anonymous' | 'opensAt' | 'closesAt'>> = {}, fallbackGroup = '', fallbackHub = ''): Draft {
	const audience = settings.audience;
	return {
		title: content.title,
		intro: content.intro ?? '',
		whoReads: content.whoReads,
		sections: content.sections.map((s) => ({
			key: key(),
			id: s.id,
			title: s.title,
			description: s.description ?? '',
			questions: content.questions.filter((q) => q.sectionId === s.id).map(questionToDraft)
		})),
		audienceKind: audience?.kind ?? 'group',
		groupId: audience?.kind === 'group' ? audience.groupId : fallbackGroup,
		hubId: audience && audience.kind !== 'group' ? audience.hubId : fallbackHub,
		anonymous: settings.anonymous ?? true,
		opensAt: isoToLondon(settings.opensAt ?? null),
		closesAt: isoToLondon(settings.closesAt ?? null)
	};
}

function questionToDraft(q: SurveyQuestion): BQuestion {
	return {
		key: key(),
		id: q.id,
		type: q.type,
		title: q.title,
		help: q.help ?? '',
		easyRead: q.easyRead ?? '',
		required: q.required ?? false,
		options: hasOwnOptions(q.type)
			? q.options.map((o) => ({ key: key(), id: o.id, label: o.label, easyRead: o.easyRead ?? '', emoji: o.emoji ?? '', imageUrl: o.imageUrl ?? '', imageAlt: o.imageAlt ?? '' }))
			: [],
		scaleMax: q.scale?.max ?? 5,
		scaleMinLabel: q.scale?.minLabel ?? '',
		scaleMaxLabel: q.scale?.maxLabel ?? '',
		maxPicks: q.maxPicks ? String(q.maxPicks) : '',
		showIf: q.showIf?.questionId ?? '',
		showIfEq: q.showIf?.equals ?? []
	};
}

const str = (f: FormData, k: string) => String(f.get(k) ?? '');

/** The draft as the form posted it (field names like q.0.2.title, q.0.2.o.1.label). */
export function draftFromForm(f: FormData): Draft {
	const sections: BSection[] = [];
	for (let i = 0; f.has(`s.${i}.id`); i++) {
		const questions: BQuestion[] = [];
		for (let j = 0; f.has(`q.${i}.${j}.id`); j++) {
			const p = `q.${i}.${j}`;
			const t = str(f, `${p}.type`);
			const type = (surveyQuestionTypes as readonly string[]).includes(t) ? (t as SurveyQuestionType) : 'single';
			const options: BOption[] = [];
			for (let k = 0; f.has(`${p}.o.${k}.id`); k++) {
				const o = `${p}.o.${k}`;
				options.push({ key: key(), id: str(f, `${o}.id`), label: str(f, `${o}.label`), easyRead: str(f, `${o}.easyRead`), emoji: str(f, `${o}.emoji`), imageUrl: str(f, `${o}.imageUrl`), imageAlt: str(f, `${o}.imageAlt`) });
			}
			questions.push({
				key: key(),
				id: str(f, `${p}.id`),
				type,
				title: str(f, `${p}.title`),
				help: str(f, `${p}.help`),
				easyRead: str(f, `${p}.easyRead`),
				required: f.get(`${p}.required`) === 'on',
				options: hasOwnOptions(type) ? (options.length ? options : [blankOption(), blankOption()]) : [],
				scaleMax: str(f, `${p}.scaleMax`) === '10' ? 10 : 5,
				scaleMinLabel: str(f, `${p}.scaleMinLabel`),
				scaleMaxLabel: str(f, `${p}.scaleMaxLabel`),
				maxPicks: str(f, `${p}.maxPicks`),
				showIf: str(f, `${p}.showIf`),
				showIfEq: f.getAll(`${p}.showIfEq`).map(String)
			});
		}
		sections.push({ key: key(), id: str(f, `s.${i}.id`), title: str(f, `s.${i}.title`), description: str(f, `s.${i}.description`), questions });
	}
	const kind = str(f, 'audienceKind');
	return {
		title: str(f, 'title'),
		intro: str(f, 'intro'),
		whoReads: str(f, 'whoReads'),
		sections: sections.length ? sections : [blankSection('Questions')],
		audienceKind: kind === 'hub' || kind === 'link' ? kind : 'group',
		groupId: str(f, 'groupId'),
		hubId: str(f, 'hubId'),
		anonymous: str(f, 'anonymous') !== 'no',
		opensAt: str(f, 'opensAt'),
		closesAt: str(f, 'closesAt')
	};
}

function swap<T>(list: T[], i: number, j: number) {
	if (i < 0 || j < 0 || i >= list.length || j >= list.length) return;
	[list[i], list[j]] = [list[j]!, list[i]!];
}

/**
 * Applies one builder operation in place: "add-section", "section-up:1", "add-question:0",
 * "q-down:0:2", "q-remove:0:2", "add-option:0:2", "o-up:0:2:1", "o-remove:0:2:1".
 * Returns a short sentence saying what happened (for a live region), or '' for nothing.
 */
export function applyOp(d: Draft, op: string): string {
	const [name = '', ...rest] = op.split(':');
	const [i = -1, j = -1, k = -1] = rest.map(Number);
	const s = d.sections[i];
	const q = s?.questions[j];
	switch (name) {
		case 'add-section':
			d.sections.push(blankSection());
			return `Section ${d.sections.length} added.`;
		case 'section-up':
		case 'section-down': {
			const to = name === 'section-up' ? i - 1 : i + 1;
			if (!s || to < 0 || to >= d.sections.length) return '';
			swap(d.sections, i, to);
			return `Section moved to position ${to + 1}.`;
		}
		case 'section-remove':
			if (!s || d.sections.length <= 1) return '';
			d.sections.splice(i, 1);
			return 'Section removed, with its questions.';
		case 'add-question':
			if (!s) return '';
			s.questions.push(blankQuestion());
			return `Question added to section ${i + 1}.`;
		case 'q-up':
		case 'q-down': {
			if (!s || !q) return '';
			const to = name === 'q-up' ? j - 1 : j + 1;
			if (to >= 0 && to < s.questions.length) {
				swap(s.questions, j, to);
				return `Question moved ${name === 'q-up' ? 'up' : 'down'}.`;
			}
			// Past the end of its section: into the next (or previous) section.
			const other = d.sections[name === 'q-up' ? i - 1 : i + 1];
			if (!other) return '';
			s.questions.splice(j, 1);
			if (name === 'q-up') other.questions.push(q);
			else other.questions.unshift(q);
			return `Question moved to section ${name === 'q-up' ? i : i + 2}.`;
		}
		case 'q-remove':
			if (!s || !q) return '';
			s.questions.splice(j, 1);
			return 'Question removed.';
		case 'add-option':
			if (!q || q.options.length >= 20) return '';
			q.options.push(blankOption());
			return `Answer ${q.options.length} added.`;
		case 'o-up':
		case 'o-down':
			if (!q) return '';
			swap(q.options, k, name === 'o-up' ? k - 1 : k + 1);
			return 'Answer moved.';
		case 'o-remove':
			if (!q || q.options.length <= 2) return '';
			q.options.splice(k, 1);
			return 'Answer removed.';
		default:
			return '';
	}
}

/** All questions in order, with their position across sections (the API's index). */
export function flatQuestions(d: Draft): { q: BQuestion; n: number; section: number }[] {
	let n = 0;
	return d.sections.flatMap((s, section) => s.questions.map((q) => ({ q, n: n++, section })));
}

/** Choice questions before question number n that skip logic can use, with their answers. */
export function skipTargets(d: Draft, n: number) {
	return flatQuestions(d)
		.filter((x) => x.n < n && canDriveSkipLogic(x.q) && x.q.title.trim())
		.map((x) => ({ id: x.q.id, n: x.n, title: x.q.title, options: optionsOf({ type: x.q.type, options: x.q.options.map((o) => ({ id: o.id, label: o.label || '(no words yet)' })) }) }));
}

const opt = (s: string) => (s.trim() ? s.trim() : undefined);

/** The API body for this draft (the server checks everything again). */
export function toContent(d: Draft): SurveyContent {
	const flat = flatQuestions(d);
	return {
		title: d.title.trim(),
		intro: d.intro.trim(),
		whoReads: d.whoReads.trim(),
		sections: d.sections.map((s, i) => ({ id: s.id, title: s.title.trim() || `Part ${i + 1}`, description: s.description.trim() })),
		questions: flat.map(({ q }) => {
			const section = d.sections.find((s) => s.questions.includes(q))!;
			const target = q.showIf ? flat.find((x) => x.q.id === q.showIf) : undefined;
			const valid = target ? new Set(optionsOf({ type: target.q.type, options: target.q.options.map((o) => ({ id: o.id, label: o.label })) }).map((o) => o.id)) : new Set<string>();
			const equals = q.showIfEq.filter((v) => valid.has(v));
			return {
				id: q.id,
				sectionId: section.id,
				type: q.type,
				title: q.title.trim(),
				help: opt(q.help),
				easyRead: opt(q.easyRead),
				required: q.required,
				options: hasOwnOptions(q.type)
					? q.options
							.filter((o) => o.label.trim() || o.easyRead.trim() || o.emoji.trim() || o.imageUrl.trim())
							.map((o) => ({ id: o.id, label: o.label.trim(), easyRead: opt(o.easyRead), emoji: opt(o.emoji), imageUrl: opt(o.imageUrl), imageAlt: opt(o.imageAlt) }))
					: [],
				scale: q.type === 'scale' ? { min: 1, max: q.scaleMax, minLabel: opt(q.scaleMinLabel), maxLabel: opt(q.scaleMaxLabel) } : undefined,
				maxPicks: q.type === 'multiple' && /^\d+$/.test(q.maxPicks.trim()) ? Number(q.maxPicks) : undefined,
				showIf: q.showIf && target ? { questionId: q.showIf, equals: equals.length ? equals : ['__none__'] } : undefined
			};
		})
	};
}

export function toBody(d: Draft) {
	const audience = d.audienceKind === 'group' ? { kind: 'group' as const, groupId: d.groupId } : { kind: d.audienceKind, hubId: d.hubId };
	return { content: toContent(d), audience, anonymous: d.anonymous, opensAt: d.opensAt ? londonToIso(d.opensAt) : null, closesAt: d.closesAt ? londonToIso(d.closesAt) : null };
}

/**
 * Where to show an API field problem: the builder's fields carry ids that match the API's
 * paths (content.questions.3.title). Unknown deeper paths fall back to the nearest one shown.
 */
export function fieldAnchors(fields: Record<string, string>, known: Set<string>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(fields)) {
		let path = k;
		while (path && !known.has(path)) path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
		out[path || k] ??= v;
	}
	return out;
}

/** Problems the API would describe less clearly, found before sending, keyed like the API's. */
export function localProblems(d: Draft): Record<string, string> {
	const out: Record<string, string> = {};
	for (const { q, n } of flatQuestions(d)) {
		if (!q.showIf) continue;
		const target = skipTargets(d, n).find((t) => t.id === q.showIf);
		if (!target) out[`content.questions.${n}.showIf`] = 'This question depends on one that now comes after it, or is not a choice question. Choose again.';
		else if (!q.showIfEq.some((v) => target.options.some((o) => o.id === v))) out[`content.questions.${n}.showIf`] = 'Tick at least one answer that shows this question.';
	}
	if (d.opensAt && !londonToIso(d.opensAt)) out.opensAt = 'Enter a date and time.';
	if (d.closesAt && !londonToIso(d.closesAt)) out.closesAt = 'Enter a date and time.';
	return out;
}
