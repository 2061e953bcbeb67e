import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

/** Every staff page needs a signed-in account; the API still checks each role and hub itself. */
export const load: LayoutServerLoad = async ({ parent, url }) => {
	const { me } = await parent();
	if (!me.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	return { user: me.user };
};
