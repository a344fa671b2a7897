// One row in every Mantelzorgwaardering table, in Zaanstad (where the access matrix's admin and
// coordinator work), from the real flow: a scheme, a consulent with a wijk, a carer's application
// approved into a cheque, a call-back check, the counts, and the audit log those steps wrote.
// mz-counter adds shops, redemptions and batches here.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../../src/lib/database.types.ts';
import { sql, ZAANSTAD_ID, type TestUser } from './factories.ts';
import type { Table } from './buurthulp-scenario.ts';
import { applicationArgs, createScheme, personIn } from './mantelzorg-factories.ts';

export interface MantelzorgScenarioRow {
	table: Table;
	key: string;
	id: string;
	/** Someone who may read this row, as the positive control. */
	reader: SupabaseClient<Database>;
	/** How the access matrix makes a copy under a new key, when a plain new id would collide. */
	copy?: (row: Record<string, unknown>) => Record<string, unknown>;
}

export interface MantelzorgScenario {
	carer: TestUser;
	caseworker: TestUser;
	schemeId: string;
	applicationId: string;
	chequeId: string;
	rows: MantelzorgScenarioRow[];
}

async function check<T>(call: PromiseLike<{ data: T; error: unknown }>): Promise<T> {
	const { data, error } = await call;
	if (error) throw error;
	return data;
}

export async function mantelzorgScenario(): Promise<MantelzorgScenario> {
	const districts = await sql<{ id: string }>(
		`select id from public.districts where municipality_id = '${ZAANSTAD_ID}' and slug in ('krommenie', 'assendelft') order by slug desc`
	);
	const [krommenie, assendelft] = districts.map((d) => d.id) as [string, string];
	const schemeId = await createScheme(ZAANSTAD_ID);
	const caseworker = await personIn(ZAANSTAD_ID, 'consulent', 'caseworker', [krommenie]);
	const admin = await personIn(ZAANSTAD_ID, 'mz-beheer', 'municipality_admin');
	const carer = await personIn(ZAANSTAD_ID, 'mantelzorger');

	const applicationId = (await check(
		carer.client.rpc('submit_application', applicationArgs({ districtId: krommenie }))
	)) as string;
	const chequeId = (await check(
		caseworker.client.rpc('approve_application', { p_application_id: applicationId })
	)) as string;
	const drawn = await check(admin.client.rpc('draw_callback_sample', { p_size: 50 }));
	const [callback] = await sql<{ id: string }>(
		`select id from public.callback_checks where application_id = '${applicationId}'`
	);
	if (!callback || !Array.isArray(drawn))
		throw new Error('the sample did not draw the application');
	await sql(
		`insert into public.scheme_counts (municipality_id, scheme_id, district_id, applications, approved)
		 values ('${ZAANSTAD_ID}', '${schemeId}', '${krommenie}', 3, 2)
		 on conflict (scheme_id, district_id) do nothing`
	);
	const [counts] = await sql<{ id: string }>(
		`select id from public.scheme_counts where scheme_id = '${schemeId}' and district_id = '${krommenie}'`
	);
	const [wijk] = await sql<{ id: string }>(
		`select id from public.caseworker_districts where user_id = '${caseworker.id}'`
	);
	const [audit] = await sql<{ id: string }>(
		`select id from public.audit_log where entity_id = '${applicationId}' limit 1`
	);

	const rows: MantelzorgScenarioRow[] = [
		{
			table: 'schemes',
			key: 'id',
			id: schemeId,
			reader: carer.client,
			// Zaanstad's only schemes are the current years; an early year is free.
			copy: (r) => ({ ...r, id: crypto.randomUUID(), year: 2001 + Math.floor(Math.random() * 20) })
		},
		{
			table: 'caseworker_districts',
			key: 'id',
			id: wijk?.id as string,
			reader: caseworker.client,
			copy: (r) => ({ ...r, id: crypto.randomUUID(), district_id: assendelft })
		},
		{ table: 'applications', key: 'id', id: applicationId, reader: carer.client },
		{ table: 'cheques', key: 'id', id: chequeId, reader: carer.client },
		{ table: 'callback_checks', key: 'id', id: callback.id, reader: admin.client },
		{ table: 'scheme_counts', key: 'id', id: counts?.id as string, reader: admin.client },
		{ table: 'audit_log', key: 'id', id: audit?.id as string, reader: admin.client }
	];
	return { carer, caseworker, schemeId, applicationId, chequeId, rows };
}
