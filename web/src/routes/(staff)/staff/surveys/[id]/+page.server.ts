import QRCode from 'qrcode';
import type { Group, Hub } from '$contracts/org';
import type { Survey, SurveyResults } from '$contracts/surveys';
import { api, apiData, formFail } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

const FILTERS = ['hubId', 'groupId', 'from', 'to'] as const;

export const load: PageServerLoad = async (event) => {
	const id = encodeURIComponent(event.params.id);
	const filters = Object.fromEntries(FILTERS.map((k) => [k, event.url.searchParams.get(k) ?? ''])) as Record<(typeof FILTERS)[number], string>;
	const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v)).toString();
	const [survey, hubs, groups] = await Promise.all([apiData<Survey>(event, `/surveys/${id}`), apiData<Hub[]>(event, '/hubs'), apiData<Group[]>(event, '/groups')]);
	const results = await api<SurveyResults>(event, 'GET', `/surveys/${id}/results${query ? `?${query}` : ''}`);
	// The share link and its QR code, drawn here as an SVG image (nothing fetched from elsewhere).
	const link = `${event.url.origin}/surveys/${survey.id}`;
	const svg = await QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#1d2433', light: '#ffffff' } });
	const qr = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
	return {
		survey,
		hubs,
		groups,
		filters,
		results: results.ok ? results.data : null,
		filterError: results.ok ? null : results.error,
		link,
		qr,
		saved: event.url.searchParams.has('saved'),
		locked: event.url.searchParams.has('locked'),
		printedAt: new Date().toISOString()
	};
};

const post = async (event: Parameters<Actions[string]>[0], what: 'open' | 'close') => {
	const r = await api(event, 'POST', `/surveys/${encodeURIComponent(event.params.id ?? '')}/${what}`, {});
	return r.ok ? { done: what } : formFail(r, {});
};

export const actions: Actions = {
	open: (event) => post(event, 'open'),
	close: (event) => post(event, 'close')
};
