// Everything held about a person (issue 20, part 1): the per-area exports registered with the
// platform cover every table that holds a person's id; the export holds the person's own data and
// nothing about anyone else beyond a first name; it is limited in the database, not in memory.
import { describe, expect, it } from 'vitest';
import { anonClient, createUser, sql } from '../../support/factories.ts';
import { privacyWorld } from '../../support/privacy-factories.ts';

// Columns that hold a person's id without a foreign key (logs keep their lines when an account
// goes), recognised by name.
const PERSON_COLUMN = `(a.attname in ('actor_id', 'data_subject_id', 'user_id') or a.attname like '%\\_user\\_id'
	or a.attname like '%\\_by')`;

describe('the export registry', () => {
	it('covers every table with a column holding a person’s id', async () => {
		const tables = await sql<{ table: string }>(
			`select distinct c.relname as table
			 from pg_attribute a
			 join pg_class c on c.oid = a.attrelid and c.relkind = 'r'
			 where c.relnamespace = 'public'::regnamespace and a.attnum > 0 and not a.attisdropped
				and a.atttypid = 'uuid'::regtype
				and (${PERSON_COLUMN}
					or exists (
						select 1 from pg_constraint k
						where k.conrelid = c.oid and k.contype = 'f' and a.attnum = any (k.conkey)
							and k.confrelid in ('auth.users'::regclass, 'public.profiles'::regclass)
					))
			 order by 1`
		);
		// The catalog query itself works: these certainly hold people.
		expect(tables.map((t) => t.table)).toEqual(
			expect.arrayContaining(['profiles', 'applications', 'match_messages', 'processing_log'])
		);
		const covered = await sql<{ table: string }>(
			`select distinct unnest(tables) as table from public.personal_data_exports`
		);
		const missing = tables.map((t) => t.table).filter((t) => !covered.some((c) => c.table === t));
		expect(missing, 'tables with a person’s id that no registered export covers').toEqual([]);
	});

	it('names functions of one uuid argument that the API cannot call', async () => {
		const rows = await sql<{ fn: string; found: boolean; anon: boolean; authenticated: boolean }>(
			`select e.function_name as fn,
				to_regprocedure('public.' || e.function_name || '(uuid)') is not null as found,
				has_function_privilege('anon', 'public.' || e.function_name || '(uuid)', 'execute') as anon,
				has_function_privilege('authenticated', 'public.' || e.function_name || '(uuid)', 'execute') as authenticated
			 from public.personal_data_exports e order by 1`
		);
		expect(rows.length).toBeGreaterThanOrEqual(4);
		for (const row of rows)
			expect(row, row.fn).toMatchObject({ found: true, anon: false, authenticated: false });
		const stranger = await createUser({ label: 'nieuwsgierig' });
		const { error } = await stranger.client.rpc(
			'export_platform_data' as never,
			{
				p_user_id: stranger.id
			} as never
		);
		expect(error).not.toBeNull();
	});
});

describe('export_my_data', () => {
	it('holds the person’s own data from every area, and of the other side only a first name', async () => {
		const w = await privacyWorld();
		const { data, error } = await w.person.client.rpc('export_my_data', { p_kind: 'json' });
		expect(error).toBeNull();
		const result = data as { ok: boolean; data: Record<string, Record<string, unknown>> };
		expect(result.ok).toBe(true);
		expect(Object.keys(result.data).sort()).toEqual([
			'buurthuizen',
			'buurthulp',
			'mantelzorg',
			'platform'
		]);
		const text = JSON.stringify(result.data);
		for (const own of [
			w.identity.email,
			w.identity.phone,
			w.identity.street,
			w.identity.lastName,
			'Een lamp ophangen in de gang',
			'Koffieochtend'
		]) {
			expect(text, own).toContain(own);
		}
		const buurthulp = result.data.buurthulp as { matches: Record<string, unknown>[] };
		expect(buurthulp.matches[0]).toMatchObject({
			other_first_name: w.volunteerIdentity.firstName,
			messages_from_other_side: 1
		});
		for (const theirs of [
			w.volunteerIdentity.email,
			w.volunteerIdentity.phone,
			w.volunteerIdentity.lastName,
			w.volunteerIdentity.street
		]) {
			expect(text, 'nothing of the volunteer beyond a first name').not.toContain(theirs);
		}
		// The cheque's code is money: only its last four characters.
		const [cheque] = await sql<{ code: string }>(
			`select code from public.cheques where id = '${w.chequeId}'`
		);
		expect(text).not.toContain(cheque?.code as string);
		expect(text).toContain(`"code_ends_with":"${cheque?.code.slice(-4)}"`);
	});

	it('is refused to anonymous visitors', async () => {
		const { data } = await anonClient().rpc('export_my_data', { p_kind: 'json' });
		expect(data ?? { ok: false }).toMatchObject({ ok: false });
	});

	it('is limited per person in the database, also when requests arrive at once', async () => {
		const a = await createUser({ label: 'veel-downloads' });
		const b = await createUser({ label: 'ander' });
		const answers = await Promise.all(
			Array.from({ length: 14 }, () => a.client.rpc('export_my_data', { p_kind: 'json' }))
		);
		const ok = answers.filter((r) => (r.data as { ok: boolean } | null)?.ok === true).length;
		const refused = answers.filter(
			(r) => (r.data as { reason?: string } | null)?.reason === 'rate_limited'
		).length;
		expect({ ok, refused }).toEqual({ ok: 10, refused: 4 });
		const other = await b.client.rpc('export_my_data', { p_kind: 'pdf' });
		expect((other.data as { ok: boolean }).ok).toBe(true);
	});
});
