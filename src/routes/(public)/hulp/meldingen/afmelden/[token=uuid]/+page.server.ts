// The unsubscribe link in every mail about new requests. Opening it asks for one click (a link
// checker that opens every link must not unsubscribe anyone); a mail program's one-click POST
// (RFC 8058, `List-Unsubscribe=One-Click`, no session, no Origin) switches the mails off at once:
// the cross-site check lets this path through (src/lib/server/platform/csrf.ts).
import { unsubscribeRequestAlerts } from '#lib/server/buurthulp/alerts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	return {};
};

export const actions: Actions = {
	default: async ({ locals, params }) => ({
		unsubscribed: await unsubscribeRequestAlerts(locals.supabase, params.token)
	})
};
