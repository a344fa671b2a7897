// The municipality's logo, as uploaded (PNG, JPEG or WebP, checked by its first bytes).
import { error } from '@sveltejs/kit';
import { loadLogo } from '#lib/server/tenancy/look';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	const logo = await loadLogo(locals.supabase, locals.municipality.id);
	if (!logo) error(404, 'Deze gemeente heeft geen logo.');
	return new Response(logo.bytes, {
		headers: {
			'content-type': logo.type,
			'cache-control': url.searchParams.has('v')
				? 'public, max-age=31536000, immutable'
				: 'public, max-age=300',
			vary: 'host',
			'content-security-policy': "default-src 'none'"
		}
	});
};
