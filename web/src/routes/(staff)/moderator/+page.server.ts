import { redirect } from '@sveltejs/kit';
import type { Hub } from '$contracts/org';
import { apiData } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user } = await event.parent();
	if (user.role === 'staff') redirect(303, '/staff');
	return { hubs: await apiData<Hub[]>(event, '/hubs') };
};
