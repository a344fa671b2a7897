// Simultaneous accepts through the API: two tabs, several reactions at once (every backend).
import { describe, expect, it } from 'vitest';
import { createUser, sql } from '../../support/factories.ts';
import { createVolunteer, postRequest, react } from '../../support/buurthulp-factories.ts';

async function matchCount(requestId: string) {
	const [row] = await sql<{ n: number }>(
		`select count(*)::int as n from public.matches where request_id = '${requestId}'`
	);
	return row?.n;
}

describe('simultaneous accepts', () => {
	it('through the API: exactly one match, whatever is accepted at the same moment', async () => {
		const resident = await createUser({ label: 'inwoner' });
		const volunteers = await Promise.all([1, 2, 3, 4].map(() => createVolunteer()));
		const requestId = await postRequest(resident.client, resident.id);
		const responseIds = [];
		for (const v of volunteers) responseIds.push(await react(v, requestId));
		// Two tabs accepting the same reaction, and the other reactions accepted at once.
		const attempts = [responseIds[0], ...responseIds].map((id) =>
			resident.client.rpc('accept_response', { p_response_id: id as string })
		);
		const results = await Promise.all(attempts);
		expect(results.filter((r) => !r.error)).toHaveLength(1);
		for (const failed of results.filter((r) => r.error)) {
			expect(failed.error?.message).toMatch(/request_not_open|response_not_pending/);
		}
		expect(await matchCount(requestId)).toBe(1);
	});
});
