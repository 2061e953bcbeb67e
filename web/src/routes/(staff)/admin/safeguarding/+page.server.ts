import { fail, redirect } from '@sveltejs/kit';
import type { SafeguardingSettings } from '$contracts/safeguarding';
import { api, apiData, formFail } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user } = await event.parent();
	if (user.role === 'staff') redirect(303, '/staff');
	const settings = await apiData<SafeguardingSettings>(event, '/safeguarding/settings');
	return { settings, canEdit: user.role === 'admin' };
};

const units = { minutes: 1, hours: 60, days: 1440 } as const;
const limits = { urgent: 10080, high: 10080, medium: 43200, low: 43200 } as const;
const words = { urgent: 'Urgent', high: 'High', medium: 'Medium', low: 'Low' } as const;

export const actions: Actions = {
	default: async (event) => {
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
