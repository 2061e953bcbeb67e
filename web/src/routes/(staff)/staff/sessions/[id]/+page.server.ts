import type { LiveSession } from '$contracts/sessions';
import { api, apiData, formFail } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const session = await apiData<LiveSession>(event, `/sessions/${encodeURIComponent(event.params.id)}`);
	return { session };
};

export const actions: Actions = {
	close: async (event) => {
		const r = await api<LiveSession>(event, 'POST', `/sessions/${encodeURIComponent(event.params.id)}/close`, {});
		if (!r.ok) return formFail(r, {});
		return { closed: true };
	}
};
