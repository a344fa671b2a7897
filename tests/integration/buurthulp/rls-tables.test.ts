// Every Buurthulp table, one row each from a real flow: a signed-in stranger and an anonymous
// visitor can neither read (open aanbod excepted: it is public), change nor delete it, while the people it belongs to can read it
// (the positive control, so an empty table cannot make the test pass).
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, createUser, sql, type TestUser } from '../../support/factories.ts';
import {
	buurthulpScenario,
	type ScenarioRow,
	type Table
} from '../../support/buurthulp-scenario.ts';

interface Row extends ScenarioRow {
	/** Readable by everyone by design (open aanbod); still not changeable. */
	public?: true;
}

const HULP_TABLES: Table[] = [
	'volunteer_profiles',
	'help_requests',
	'help_request_contacts',
	'help_offers',
	'responses',
	'matches',
	'match_messages',
	'thanks',
	'match_occurrences',
	'followups',
	'help_invitations',
	'reports',
	'moderation_actions',
	'volunteer_verifications',
	'request_alerts',
	'request_alert_deliveries',
	'account_blocks',
	'notification_outbox'
];

let rows: Row[];
let stranger: TestUser;

beforeAll(async () => {
	const scenario = await buurthulpScenario();
	stranger = await createUser({ label: 'vreemde' });
	rows = scenario.rows.map((row) => (row.table === 'help_offers' ? { ...row, public: true } : row));
});

const rowFingerprint = async (row: Row) => {
	const [found] = await sql<{ fingerprint: string }>(
		`select md5(t::text) as fingerprint from public.${row.table} t where t.${row.key} = '${row.id}'`
	);
	return found?.fingerprint ?? null;
};

describe('Buurthulp tables are closed to strangers', () => {
	it('covers every Buurthulp table, with a row each that its own people can read', async () => {
		expect(rows.map((r) => r.table).sort()).toEqual([...HULP_TABLES].sort());
		for (const row of rows) {
			// Untyped here: the union of the tables' row types is deeper than TypeScript follows.
			const { data, error } = await (row.reader as unknown as SupabaseClient)
				.from(row.table)
				.select('*')
				.eq(row.key, row.id);
			expect(error, row.table).toBeNull();
			expect(data, `${row.table}: its own people read it`).toHaveLength(1);
		}
	});

	for (const who of ['a signed-in stranger', 'an anonymous visitor'] as const) {
		it(`${who} can neither read, change nor delete any of those rows`, async () => {
			// Untyped: the union of the tables' row types is deeper than TypeScript follows.
			const client = (who === 'an anonymous visitor'
				? anonClient()
				: stranger.client) as unknown as SupabaseClient;
			for (const row of rows) {
				const before = await rowFingerprint(row);
				expect(before, `${row.table} row exists`).not.toBeNull();

				const read = await client.from(row.table).select('*').eq(row.key, row.id);
				expect(read.data ?? [], `${row.table}: read`).toHaveLength(row.public ? 1 : 0);

				const changed = await client
					.from(row.table)
					.update({ updated_at: '2000-01-01T00:00:00Z' })
					.eq(row.key, row.id)
					.select('*');
				expect(changed.data ?? [], `${row.table}: update`).toEqual([]);

				const deleted = await client.from(row.table).delete().eq(row.key, row.id).select('*');
				expect(deleted.data ?? [], `${row.table}: delete`).toEqual([]);

				expect(await rowFingerprint(row), `${row.table}: unchanged`).toBe(before);
			}
		});
	}
});
