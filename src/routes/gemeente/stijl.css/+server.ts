// The municipality's look as one stylesheet: from our own origin, so the strict CSP allows it.
// The URL carries the look's version, so browsers may keep it for a year.
import { loadLook, lookStylesheet } from '#lib/server/tenancy/look';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	const look = await loadLook(locals.supabase, locals.municipality.id);
	const versioned = url.searchParams.has('v');
	return new Response(lookStylesheet(look), {
		headers: {
			'content-type': 'text/css; charset=utf-8',
			'cache-control': versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
			vary: 'host'
		}
	});
};
