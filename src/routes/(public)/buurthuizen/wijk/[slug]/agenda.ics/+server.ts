// The iCalendar feed of the buurthuizen in one wijk.
import { feedResponse } from '#lib/server/buurthuizen/feed-response';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params, url }) =>
	feedResponse(locals.supabase, { kind: 'district', slug: params.slug }, url.origin);
