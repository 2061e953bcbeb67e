import type { Presentation } from '$contracts/sessions';
import { apiData } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	return { presentation: await apiData<Presentation>(event, `/present/${encodeURIComponent(event.params.code)}`) };
};
