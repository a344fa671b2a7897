// The iCalendar feed of one buurthuis.
import { feedResponse } from '#lib/server/buurthuizen/feed-response';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params, url }) =>
	feedResponse(locals.supabase, { kind: 'centre', slug: params.slug }, url.origin);
