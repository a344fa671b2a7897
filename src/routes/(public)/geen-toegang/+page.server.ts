// The refusal of the role guard, rendered inside the site's layout: hooks.server.ts answers a
// forbidden page with this route (403), so the header, "Uitloggen" and the way back stay.
import { error } from '@sveltejs/kit';
import { forbiddenMessage } from '#lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	error(403, forbiddenMessage(url.searchParams.get('voor')));
};
