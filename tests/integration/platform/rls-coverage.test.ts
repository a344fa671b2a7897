// Guards for every table and function in public, so a new migration cannot forget RLS or a policy,
// and a security definer function cannot be steered through a caller's search_path.
import { describe, expect, it } from 'vitest';
import { sql } from '../../support/factories.ts';

describe('RLS coverage of schema public', () => {
	it('the catalog check sees the foundation tables (so an empty result cannot pass by accident)', async () => {
		const rows = await sql<{ relname: string }>(
			`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
			 where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`
		);
		const names = rows.map((r) => r.relname);
		for (const table of [
			'municipalities',
			'districts',
			'community_centres',
			'memberships',
			'profiles',
			'profile_contacts'
		]) {
			expect(names).toContain(table);
		}
	});

	it('every table in public has row level security enabled', async () => {
		const offenders = await sql<{ relname: string }>(
			`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
			 where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity
			 order by c.relname`
		);
		expect(
			offenders.map((o) => o.relname),
			'tables in public without RLS enabled'
		).toEqual([]);
	});

	it('every table in public has at least one policy', async () => {
		const offenders = await sql<{ relname: string }>(
			`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
			 where n.nspname = 'public' and c.relkind in ('r', 'p')
				and not exists (select 1 from pg_policy p where p.polrelid = c.oid)
			 order by c.relname`
		);
		expect(
			offenders.map((o) => o.relname),
			'tables in public without any policy'
		).toEqual([]);
	});

	it('every security definer function in public pins its search_path', async () => {
		const all = await sql<{ signature: string; config: string[] | null }>(
			`select p.oid::regprocedure::text as signature, p.proconfig as config
			 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
			 where n.nspname = 'public' and p.prosecdef order by 1`
		);
		// has_role is security definer by design; if none are found the query itself is broken.
		expect(all.map((f) => f.signature)).toContain('has_role(text,uuid,uuid)');
		// set search_path = '' is stored as search_path="" in proconfig: a setting, which is what counts.
		const offenders = all
			.filter((f) => !(f.config ?? []).some((setting) => setting.startsWith('search_path=')))
			.map((f) => f.signature);
		expect(offenders, 'security definer functions without a search_path setting').toEqual([]);
	});
});
