import { redirect } from '@sveltejs/kit';
import type { Dashboard, SafeguardingSettings } from '$contracts/safeguarding';
import { apiData } from '$lib/server/api';
import type { PageServerLoad } from './$types';

const choices = [3, 6, 12, 24] as const;

export const load: PageServerLoad = async (event) => {
	const { user } = await event.parent();
	if (user.role === 'staff') redirect(303, '/staff');
	const asked = Number(event.url.searchParams.get('months'));
	const months = (choices as readonly number[]).includes(asked) ? asked : 12;
	const [dashboard, settings] = await Promise.all([
		apiData<Dashboard>(event, `/moderation/dashboard?months=${months}`),
		apiData<SafeguardingSettings>(event, '/safeguarding/settings')
	]);
	return { dashboard, settings, months, choices: [...choices] };
};
