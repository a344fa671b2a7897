// Probe rows for the access matrix: the monitor's tables, in Zaanstad, belonging to someone else.
import { randomUUID } from 'node:crypto';
import { createUser, sql, ZAANSTAD_ID } from './factories.ts';
import { createCheque } from './mantelzorg-counter-factories.ts';

export async function monitorProbes() {
	const carer = await createUser({ label: 'monitor-probe' });
	const cheque = await createCheque({ carerUserId: carer.id });
	const [answer] = await sql<{ id: string }>(
		`insert into public.carer_appreciation_answers (municipality_id, scheme_id, cheque_id, answer)
		 select municipality_id, scheme_id, id, 'yes' from public.cheques where id = '${cheque.id}' returning id`
	);
	const [figure] = await sql<{ id: string }>(
		`insert into public.monitor_reference_figures (municipality_id, year, key, value)
		 values ('${ZAANSTAD_ID}', 2001, 'population', 150000)
		 on conflict (municipality_id, year, key) do update set value = excluded.value returning id`
	);
	const [month] = await sql<{ id: string }>(
		`insert into public.monitor_months (municipality_id, month) values ('${ZAANSTAD_ID}', '2001-01-01')
		 on conflict (municipality_id, month) do update set events = 1 returning id`
	);
	const [event] = await sql<{ id: string }>(
		`insert into public.monitor_month_events (month_id, metric, agg, subject, value)
		 values ('${month?.id}', 'mz_redemptions', 'sum', '', 7) returning id`
	);
	await sql(
		`insert into public.monitor_salts (municipality_id) values ('${ZAANSTAD_ID}') on conflict do nothing`
	);
	const newId = (r: Record<string, unknown>) => ({ ...r, id: randomUUID() });
	return [
		{
			table: 'monitor_areas' as const,
			key: 'area',
			id: 'buurthuizen',
			copy: (r: Record<string, unknown>) => ({
				...r,
				area: `x${Date.now()}`,
				function_name: `monitor_x${Date.now()}`
			})
		},
		{ table: 'cheque_facts' as const, key: 'cheque_id', id: cheque.id, copy: null },
		{
			table: 'carer_appreciation_answers' as const,
			key: 'id',
			id: answer?.id as string,
			copy: null
		},
		{
			table: 'monitor_months' as const,
			key: 'id',
			id: month?.id as string,
			copy: (r: Record<string, unknown>) => ({ ...newId(r), month: '2001-02-01' })
		},
		{ table: 'monitor_month_events' as const, key: 'id', id: event?.id as string, copy: newId },
		{ table: 'monitor_salts' as const, key: 'municipality_id', id: ZAANSTAD_ID, copy: null },
		{
			table: 'monitor_reference_figures' as const,
			key: 'id',
			id: figure?.id as string,
			copy: (r: Record<string, unknown>) => ({ ...newId(r), year: 2002 })
		}
	];
}
