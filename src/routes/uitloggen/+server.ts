// POST only: a link or prefetch must never sign someone out.
import { redirect } from '@sveltejs/kit';
import { signOut } from '#lib/server/auth';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals }) => {
	await signOut(locals.supabase);
	redirect(303, '/?uitgelogd=1');
};
