// Issue 9.1: one anonymous request must not take the embedded Supabase down for everyone. The
// search below (about 10,000 terms) leaves PGlite answering every later query with
// "ERRORDATA_STACK_SIZE exceeded"; the server must notice and reopen the database, keeping what
// was committed. Oversized bodies never reach the database at all. PostgreSQL survives the search,
// so the same test runs there unchanged.
import { inject, describe, expect, it } from 'vitest';
import { anonClient, createUser, TEST_PASSWORD } from '../../support/factories.ts';

const url = () => inject('supabaseUrl');
const key = () => inject('publishableKey');

function post(path: string, body: BodyInit, headers: Record<string, string> = {}) {
	return fetch(`${url()}${path}`, {
		method: 'POST',
		headers: { apikey: key(), 'content-type': 'application/json', ...headers },
		body,
		duplex: 'half'
	} as RequestInit);
}

/** A body sent in chunks without a Content-Length, as a client streaming an upload would. */
function streamed(bytes: number): ReadableStream<Uint8Array> {
	const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
	let sent = 0;
	return new ReadableStream({
		pull(controller) {
			if (sent >= bytes) return controller.close();
			controller.enqueue(chunk);
			sent += chunk.byteLength;
		}
	});
}

describe('request body limits', () => {
	it('refuses a Data API body over 512 KB with a JSON 413', async () => {
		const res = await post(
			'/rest/v1/rpc/search_help_requests',
			JSON.stringify({ p_query: 'x'.repeat(1024 * 1024) })
		);
		expect(res.status).toBe(413);
		expect(await res.json()).toMatchObject({ code: 'PGRST413' });
	});

	it('counts a body streamed without a Content-Length', async () => {
		const res = await post('/rest/v1/rpc/search_help_requests', streamed(1024 * 1024));
		expect(res.status).toBe(413);
	});

	it('refuses an auth body over 16 KB', async () => {
		const res = await post(
			'/auth/v1/signup',
			JSON.stringify({ email: 'groot@buurtkracht.example', password: 'x'.repeat(20_000) })
		);
		expect(res.status).toBe(413);
		expect(await res.json()).toMatchObject({ error_code: 'request_too_large' });
	});

	it('still serves bodies under the limit', async () => {
		const res = await post(
			'/rest/v1/rpc/has_role',
			JSON.stringify({ p_role: 'coordinator', padding: 'x'.repeat(400 * 1024) })
		);
		expect(res.status).not.toBe(413);
		const small = await post('/rest/v1/rpc/has_role', JSON.stringify({ p_role: 'coordinator' }));
		expect(small.status).toBe(200);
	});
});

describe('recovery from a broken embedded database', () => {
	it('answers sign-in and reads right after the crash search, with committed data intact', async () => {
		const before = await createUser({ label: 'voor-crash', displayName: 'Voor de crash' });
		const { error: saved } = await before.client
			.from('profiles')
			.update({ display_name: 'Vastgelegd voor de crash' })
			.eq('id', before.id);
		expect(saved).toBeNull();

		const crash = await post(
			'/rest/v1/rpc/search_help_requests',
			JSON.stringify({ p_query: 'x '.repeat(10_000) })
		);
		await crash.text();

		const client = anonClient();
		const signIn = await client.auth.signInWithPassword({
			email: before.email,
			password: TEST_PASSWORD
		});
		expect(signIn.error).toBeNull();
		const { data: profile, error } = await client
			.from('profiles')
			.select('display_name')
			.eq('id', before.id)
			.single();
		expect(error).toBeNull();
		expect(profile?.display_name).toBe('Vastgelegd voor de crash');

		const { data: districts } = await anonClient().from('districts').select('id');
		expect(districts).toHaveLength(11);
		const fresh = await createUser({ label: 'na-crash' });
		expect(fresh.id).toMatch(/^[0-9a-f-]{36}$/);
	});
});
