import type { MeResponse } from '$contracts/auth';
import { api } from '$lib/server/api';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const r = await api<MeResponse>(event, 'GET', '/auth/me');
	const me: MeResponse = r.ok ? r.data : { user: null, participant: null };
	event.locals.me = me;
	return { me };
};
