// The platform registries: every notification kind an area registers in SQL has a mail in
// src/lib/server/<area>/mail.ts and the other way round, and the scheduler runs each area's jobs
// as service role only.
import { describe, expect, it } from 'vitest';
import { MAIL_KINDS } from '../../../src/lib/server/notifications/registry.ts';
import { serviceClient } from '../../support/background.ts';
import { anonClient, createUser, sql } from '../../support/factories.ts';

describe('notification kinds', () => {
	it('are the same in notification_kinds and in the areas’ mail files', async () => {
		const rows = await sql<{ kind: string }>('select kind from public.notification_kinds');
		expect(rows.map((r) => r.kind).sort()).toEqual([...MAIL_KINDS.keys()].sort());
	});

	it('an outbox row of an unregistered kind is refused by the database', async () => {
		// Its own recipient: run alone, the database has no account to borrow, the insert
		// would add no row and nothing would be refused.
		const recipient = await createUser({ label: 'soort-onbekend' });
		await expect(
			sql(
				`insert into public.notification_outbox (municipality_id, recipient_id, kind)
				 select m.id, '${recipient.id}', 'not_a_kind' from public.municipalities m limit 1`
			)
		).rejects.toThrow(/notification_outbox|kind|foreign key|violates/);
	});
});

describe('scheduled jobs', () => {
	it('each registered job names an existing function without arguments', async () => {
		const rows = await sql<{ name: string; found: boolean }>(
			`select j.name, to_regprocedure('public.' || j.name || '()') is not null as found
			 from public.scheduled_jobs j`
		);
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.filter((r) => !r.found)).toEqual([]);
	});

	it('run as service role, and a due job records its result', async () => {
		await sql(
			`update public.scheduled_jobs set last_started_at = null where name = 'expire_help_requests'`
		);
		const { data, error } = await serviceClient().rpc('run_scheduled_jobs');
		expect(error).toBeNull();
		expect(data).toHaveProperty('expire_help_requests');
		const [job] = await sql<{ last_finished_at: string | null; last_error: string | null }>(
			`select last_finished_at, last_error from public.scheduled_jobs where name = 'expire_help_requests'`
		);
		expect(job?.last_finished_at).not.toBeNull();
		expect(job?.last_error).toBeNull();
	});

	it('are refused to anonymous visitors and signed-in accounts, and so are the jobs themselves', async () => {
		const user = await createUser({ label: 'jobs' });
		for (const client of [anonClient(), user.client]) {
			for (const fn of ['run_scheduled_jobs', 'expire_help_requests', 'run_followups'] as const) {
				const { error } = await client.rpc(fn);
				expect(error, fn).not.toBeNull();
			}
			const { data } = await client.from('scheduled_jobs').select('name');
			expect(data ?? []).toEqual([]);
			const kinds = await client.from('notification_kinds').select('kind');
			expect(kinds.data ?? []).toEqual([]);
		}
	});
});
