// Simultaneous accepts straight on the real PostgreSQL, one connection per attempt, so they truly
// overlap. Runs only in the PostgreSQL pass (vite.config.ts includes *.pg.test.ts then).
import { describe, expect, inject, it } from 'vitest';
import postgres from 'postgres';
import { createUser, sql } from '../../support/factories.ts';
import { asUserInTransaction } from '../../support/postgres-as-user.ts';
import { createVolunteer, postRequest, react } from '../../support/buurthulp-factories.ts';

async function matchCount(requestId: string) {
	const [row] = await sql<{ n: number }>(
		`select count(*)::int as n from public.matches where request_id = '${requestId}'`
	);
	return row?.n;
}

describe('simultaneous accepts on PostgreSQL', () => {
	it('on the real PostgreSQL: 12 overlapping transactions make exactly one match', async ({
		skip
	}) => {
		const databaseUrl = inject('databaseUrl');
		if (!databaseUrl) skip('runs in the PostgreSQL pass of npm test (TEST_DB=postgres)');
		const resident = await createUser({ label: 'inwoner' });
		const volunteers = await Promise.all([1, 2, 3].map(() => createVolunteer()));
		const requestId = await postRequest(resident.client, resident.id);
		const responseIds: string[] = [];
		for (const v of volunteers) responseIds.push(await react(v, requestId));

		const db = postgres(databaseUrl as string, { max: 12, onnotice: () => {} });
		try {
			const outcomes = await Promise.allSettled(
				Array.from({ length: 12 }, (_, i) =>
					asUserInTransaction(db, resident.id, async (tx) => {
						// Hold the transaction open a moment so the attempts really overlap.
						await tx`select pg_sleep(0.05)`;
						return tx`select public.accept_response(${responseIds[i % responseIds.length] as string}::uuid)`;
					})
				)
			);
			expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
			expect(await matchCount(requestId)).toBe(1);
		} finally {
			await db.end();
		}
	});
});
