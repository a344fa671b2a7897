// One row in every table of the privacy services (issue 20), for the access matrix
// (tests/integration/platform/access-matrix.test.ts): a register entry, a processing-log line, an
// export registration and a data request of someone else.
import { randomUUID } from 'node:crypto';
import { createUser, sql, ZAANSTAD_ID } from './factories.ts';

export interface PrivacyProbe {
	table:
		'processing_activities' | 'processing_log' | 'personal_data_exports' | 'personal_data_requests';
	key: string;
	id: string;
	copy: ((row: Record<string, unknown>) => Record<string, unknown>) | null;
}

const newId = (row: Record<string, unknown>) => ({ ...row, id: randomUUID() });
const letters = () =>
	Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join(
		''
	);

export async function privacyScenarioProbes(): Promise<PrivacyProbe[]> {
	const person = await createUser({ label: 'matrix-privacy' });
	const [line] = await sql<{ id: string }>(
		`insert into public.processing_log (municipality_id, trace_id, span_id, name, operation,
			processing_activity_id, processing_activity_version, data_subject_id, data_subject_type,
			actor_organisation)
		 values ('${ZAANSTAD_ID}', '${'c'.repeat(32)}', '${'d'.repeat(16)}', 'matrix.line', 'read',
			'platform.account', 1, '${person.id}', 'account', 'Gemeente Zaanstad')
		 returning id`
	);
	const { error } = await person.client.rpc('export_my_data', { p_kind: 'page' });
	if (error) throw error;
	const [request] = await sql<{ id: string }>(
		`select id from public.personal_data_requests where user_id = '${person.id}' limit 1`
	);
	return [
		{
			table: 'processing_activities',
			key: 'code',
			id: 'platform.account',
			copy: (r) => ({ ...r, code: `matrix.${letters()}` })
		},
		{ table: 'processing_log', key: 'id', id: line?.id as string, copy: newId },
		{
			table: 'personal_data_exports',
			key: 'function_name',
			id: 'export_platform_data',
			copy: (r) => ({ ...r, function_name: `export_${letters()}` })
		},
		{ table: 'personal_data_requests', key: 'id', id: request?.id as string, copy: newId }
	];
}
