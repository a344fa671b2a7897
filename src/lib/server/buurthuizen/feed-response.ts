// The answer of the three agenda.ics routes: the calendar, or a 404 when the slug names nothing.
import { error } from '@sveltejs/kit';
import type { RequestClient } from '../supabase';
import { buildCalendar, loadFeed, type FeedScope } from './feeds';

export async function feedResponse(
	supabase: RequestClient,
	scope: FeedScope,
	origin: string
): Promise<Response> {
	const feed = await loadFeed(supabase, scope);
	if (!feed) error(404, 'Deze agenda bestaat niet.');
	return new Response(buildCalendar(feed, origin), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="agenda.ics"',
			// Calendar apps poll; a few minutes old is fine.
			'cache-control': 'public, max-age=300'
		}
	});
}
