// The public page cache's invalidation (issue 19, point 7): a write to a table the public pages
// show bumps its municipality's version once per transaction, at commit; only the app servers
// (secret key) read the versions.
import { describe, expect, it } from 'vitest';
import { anonClient, createUser, sql, ZAANSTAD_ID } from '../../support/factories.ts';
import { serviceClient } from '../../support/background.ts';
import { createMunicipality } from '../../support/mantelzorg-factories.ts';

async function versions(): Promise<Record<string, number>> {
	const { data, error } = await serviceClient().rpc('public_cache_state');
	expect(error).toBeNull();
	return data as Record<string, number>;
}

describe('public_cache_versions', () => {
	it('bumps the written municipality once per transaction, and no other', async () => {
		const other = await createMunicipality();
		const before = await versions();
		expect(before[other.id]).toBeGreaterThan(0);
		// Several rows in one statement (one transaction): one bump.
		await sql(`update public.districts set name = name where municipality_id = '${ZAANSTAD_ID}'`);
		const after = await versions();
		expect(after[ZAANSTAD_ID]).toBe((before[ZAANSTAD_ID] ?? 0) + 1);
		expect(after[other.id]).toBe(before[other.id]);
		// A delete bumps too.
		await sql(`delete from public.districts where id = '${other.south}'`);
		expect((await versions())[other.id]).toBe((before[other.id] ?? 0) + 1);
	});

	it('bumps at commit, so a transaction that rolls back leaves the version alone', async () => {
		const before = (await versions())[ZAANSTAD_ID];
		await expect(
			sql(
				`do $$ begin
					update public.districts set name = name where municipality_id = '${ZAANSTAD_ID}';
					raise exception 'rolled back';
				end $$`
			)
		).rejects.toThrow();
		expect((await versions())[ZAANSTAD_ID]).toBe(before);
	});

	it('is read only with the secret key', async () => {
		const resident = await createUser({ label: 'inwoner-cache' });
		for (const client of [anonClient(), resident.client]) {
			const state = await client.rpc('public_cache_state');
			expect(state.error).not.toBeNull();
			const rows = await client.from('public_cache_versions').select('*');
			expect(rows.data ?? []).toEqual([]);
		}
	});
});
