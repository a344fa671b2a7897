// The iCalendar feed of every buurthuis in the city.
import { feedResponse } from '#lib/server/buurthuizen/feed-response';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, url }) =>
	feedResponse(locals.supabase, { kind: 'city' }, url.origin);
