import type { ParticipationReport } from '$contracts/feedback';
import type { Hub } from '$contracts/org';
import { api, apiData } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const p = event.url.searchParams;
	const filters = { from: p.get('from') ?? '', to: p.get('to') ?? '', hubId: p.get('hubId') ?? '' };
	const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v)).toString();
	const [hubs, report] = await Promise.all([apiData<Hub[]>(event, '/hubs'), api<ParticipationReport>(event, 'GET', `/reports/participation${query ? `?${query}` : ''}`)]);
	return { hubs, filters, query, report: report.ok ? report.data : null, error: report.ok ? null : report.error };
};
