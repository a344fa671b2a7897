// The public page cache is shared through the database (issue 19, point 7): both app servers hold
// a buurthuis's feed in memory; a board member adds an activity through the Supabase API, which
// neither app server sees; within about a second both servers' cached feeds show it.
import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import { expect, test } from '@playwright/test';
import type { Database } from '../../src/lib/database.types.ts';
import { DEMO_PASSWORD } from '../support/browser.ts';
import { STACK } from '../support/hosted.ts';

const FEED = '/buurthuizen/de-lorzie/agenda.ics';

test('@hosted a new activity reaches both servers’ cached pages within seconds', async ({
	playwright
}) => {
	const anonymous = await playwright.request.newContext({ baseURL: STACK.origin });
	// Until each server has answered from its cache once.
	const hits = new Set<string>();
	for (let i = 0; i < 20 && hits.size < 2; i++) {
		const response = await anonymous.get(FEED);
		expect(response.status()).toBe(200);
		if (response.headers()['x-cache'] === 'hit') hits.add(response.headers()['x-upstream'] ?? '?');
	}
	expect(hits).toEqual(new Set(['0', '1']));

	const title = `Cachetest ${randomUUID().slice(0, 6)}`;
	const api = createClient<Database>(STACK.api, process.env.E2E_PUBLISHABLE_KEY ?? '', {
		auth: { persistSession: false, autoRefreshToken: false }
	});
	const signedIn = await api.auth.signInWithPassword({
		email: 'bestuur@buurtkracht.example',
		password: DEMO_PASSWORD
	});
	expect(signedIn.error).toBeNull();
	const centre = await api.from('community_centres').select('id').eq('slug', 'de-lorzie').single();
	const start = new Date(Date.now() + 3 * 86_400_000);
	start.setUTCHours(14, 0, 0, 0);
	const { error } = await api.rpc('create_activity', {
		p_centre_id: centre.data!.id,
		p_title: title,
		p_description: 'Een activiteit om de gedeelde cache te proberen.',
		p_category: 'bewegen',
		p_audience: 'everyone',
		p_starts_at: start.toISOString(),
		p_ends_at: new Date(start.getTime() + 3_600_000).toISOString(),
		p_recurrence: 'once',
		p_repeat_until: null as unknown as string,
		p_cost_cents: 0,
		p_needs_registration: false,
		p_max_participants: null as unknown as number
	});
	expect(error).toBeNull();
	const writtenAt = Date.now();

	// Both servers show it, each within the version check (1 s) plus a request.
	const seen = new Map<string, number>();
	while (seen.size < 2 && Date.now() - writtenAt < 10_000) {
		const response = await anonymous.get(FEED);
		const server = response.headers()['x-upstream'] ?? '?';
		if (!seen.has(server) && (await response.text()).includes(`SUMMARY:${title}`)) {
			seen.set(server, Date.now() - writtenAt);
		}
	}
	expect([...seen.keys()].sort()).toEqual(['0', '1']);
	for (const ms of seen.values()) expect(ms).toBeLessThan(3_000);
	await anonymous.dispose();
});
