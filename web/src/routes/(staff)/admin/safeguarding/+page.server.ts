import { fail, redirect } from '@sveltejs/kit';
import type { FilterPolicy, FilterTestResult, SafeguardingSettings } from '$contracts/safeguarding';
import { api, apiData, formFail } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user } = await event.parent();
	if (user.role === 'staff') redirect(303, '/staff');
	const [settings, filter] = await Promise.all([
		apiData<SafeguardingSettings>(event, '/safeguarding/settings'),
		apiData<FilterPolicy>(event, '/safeguarding/filter-policy')
	]);
	return { settings, filter, canEdit: user.role === 'admin' };
};

const units = { minutes: 1, hours: 60, days: 1440 } as const;
const limits = { urgent: 10080, high: 10080, medium: 43200, low: 43200 } as const;
const words = { urgent: 'Urgent', high: 'High', medium: 'Medium', low: 'Low' } as const;

/** One term per line, trimmed, without repeats (case-insensitive). */
function lines(raw: FormDataEntryValue | null): string[] {
	const seen = new Set<string>();
	return String(raw ?? '')
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter((l) => l && !seen.has(l.toLowerCase()) && seen.add(l.toLowerCase()));
}

const listNames = { blockedTerms: 'Blocked', suspectTerms: 'Held for a person', allowedTerms: 'Never flag' } as const;

export const actions: Actions = {
	filter: async (event) => {
		const f = await event.request.formData();
		const values = Object.fromEntries([...f.entries()].map(([k, v]) => [k, String(v)]));
		const fields: Record<string, string> = {};
		const lists = Object.fromEntries(
			(Object.keys(listNames) as (keyof typeof listNames)[]).map((name) => {
				const terms = lines(f.get(name));
				const bad = terms.find((t) => t.length < 2 || t.length > 100);
				if (bad !== undefined) fields[name] = `${listNames[name]}: “${bad.slice(0, 40)}” — each term needs 2 to 100 characters.`;
				else if (terms.length > 500) fields[name] = `${listNames[name]}: at most 500 terms.`;
				return [name, terms];
			})
		) as Pick<FilterPolicy, 'blockedTerms' | 'suspectTerms' | 'allowedTerms'>;
		const rawThreshold = String(f.get('threshold') ?? '').trim();
		const threshold = rawThreshold === '' ? null : Number(rawThreshold);
		if (threshold !== null && !(threshold >= 0.5 && threshold <= 0.99)) fields.threshold = 'The model’s threshold: a number from 0.50 to 0.99, or leave it empty.';
		const message = String(f.get('supportMessage') ?? '').trim();
		if (message !== '' && message.length < 20) fields.supportMessage = 'The support message: write at least a sentence, or leave it empty for the built-in one.';
		if (Object.keys(fields).length) return fail(400, { error: 'Please check the filter settings below.', code: 'VALIDATION_FAILED', fields, values });
		const body: FilterPolicy = { ...lists, model: { enabled: f.get('modelEnabled') === 'on', threshold }, supportMessage: message === '' ? null : message };
		const r = await api<FilterPolicy>(event, 'PUT', '/safeguarding/filter-policy', body);
		return r.ok ? { done: 'Saved. The filter uses these settings from the next message.' } : formFail(r, values);
	},

	try: async (event) => {
		const f = await event.request.formData();
		const text = String(f.get('text') ?? '').trim();
		if (!text) return fail(400, { error: 'Write a message to try.', code: 'VALIDATION_FAILED', fields: { text: 'Write a message to try.' }, values: { text } });
		const r = await api<FilterTestResult>(event, 'POST', '/safeguarding/filter-test', { text });
		return r.ok ? { tried: r.data, text } : formFail(r, { text });
	},

	settings: async (event) => {
		const f = await event.request.formData();
		const fields: Record<string, string> = {};
		const minutes = (s: keyof typeof limits): number => {
			const n = Number(String(f.get(`${s}-value`) ?? '').trim());
			const unit = String(f.get(`${s}-unit`) ?? 'minutes') as keyof typeof units;
			const m = Math.round(n * (units[unit] ?? 1));
			if (!Number.isFinite(n) || n <= 0) fields[`${s}-value`] = `${words[s]}: enter a time greater than zero.`;
			else if (m > limits[s]) fields[`${s}-value`] = `${words[s]}: at most ${limits[s] / 1440} days.`;
			return m;
		};
		const lowMode = String(f.get('low-mode') ?? 'next-working-day');
		const ackMinutes = {
			urgent: minutes('urgent'),
			high: minutes('high'),
			medium: minutes('medium'),
			low: lowMode === 'time' ? minutes('low') : null
		};
		const seen = new Set<string>();
		const outcomes = String(f.get('outcomes') ?? '')
			.split(/\r?\n/)
			.map((l) => l.trim())
			.filter((l) => l && !seen.has(l.toLowerCase()) && seen.add(l.toLowerCase()));
		if (!outcomes.length) fields.outcomes = 'Keep at least one outcome.';
		else if (outcomes.length > 30) fields.outcomes = 'At most 30 outcomes.';
		else if (outcomes.some((o) => o.length > 120)) fields.outcomes = 'Keep each outcome under 120 characters.';
		const values = Object.fromEntries([...f.entries()].map(([k, v]) => [k, String(v)]));
		if (Object.keys(fields).length) return fail(400, { error: 'Please check the settings below.', code: 'VALIDATION_FAILED', fields, values });
		const r = await api<SafeguardingSettings>(event, 'PUT', '/safeguarding/settings', { ackMinutes, outcomes });
		return r.ok ? { done: 'Saved. New targets apply to concerns raised from now on.' } : formFail(r, values);
	}
};
