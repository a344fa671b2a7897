// Simultaneous registrations straight on the real PostgreSQL, one connection per attempt, so they
// truly overlap: 50 residents for 10 places give exactly 10 registrations and a count of 10.
// Runs only in the PostgreSQL pass (vite.config.ts includes *.pg.test.ts then).
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import postgres from 'postgres';
import { sql } from '../../support/factories.ts';
import { asUserInTransaction } from '../../support/postgres-as-user.ts';
import {
	centre,
	createBoardMember,
	dayFromNow,
	postActivity
} from '../../support/buurthuizen-factories.ts';

describe('simultaneous registrations on PostgreSQL', () => {
	it('50 registrations for 10 places give exactly 10', async ({ skip }) => {
		const databaseUrl = inject('databaseUrl');
		if (!databaseUrl) skip('runs in the PostgreSQL pass of npm test (TEST_DB=postgres)');
		const board = await createBoardMember('de-lorzie');
		const on = dayFromNow(5);
		const activityId = await postActivity(board.client, (await centre('de-lorzie')).id, {
			on,
			maxParticipants: 10
		});
		// 50 residents, made as maintenance (the sign-up trigger gives each a profile).
		const ids = Array.from({ length: 50 }, () => randomUUID());
		await sql(
			`insert into auth.users (id, email) values ${ids
				.map((id) => `('${id}', 'reg-${id.slice(0, 8)}@buurtkracht.example')`)
				.join(', ')}`
		);

		const db = postgres(databaseUrl as string, { max: 50, onnotice: () => {} });
		try {
			const outcomes = await Promise.allSettled(
				ids.map((id) =>
					asUserInTransaction(db, id, async (tx) => {
						await tx`select pg_sleep(0.02)`;
						return tx`select public.register_for_activity(${activityId}::uuid, ${on}::date)`;
					})
				)
			);
			const refused = outcomes.filter((o) => o.status === 'rejected');
			expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(10);
			for (const r of refused)
				expect(String((r as PromiseRejectedResult).reason)).toMatch(/activity_full/);
			const [row] = await sql<{ n: number; c: number }>(
				`select (select count(*)::int from public.activity_registrations where activity_id = '${activityId}') as n,
				        (select registered_count from public.activity_occurrence_counts where activity_id = '${activityId}') as c`
			);
			expect(row).toEqual({ n: 10, c: 10 });
		} finally {
			await db.end();
		}
	});
});
