// Test factories for the counter: cheques made directly as maintenance (the application flow is
// tested elsewhere), in a scheme year of their own so the counts of other tests never mix in.
import { randomInt, randomUUID } from 'node:crypto';
import { sql, ZAANSTAD_ID } from './factories.ts';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 16 Crockford characters; the check character is not needed by the SQL functions. */
export const randomCode = () => Array.from({ length: 16 }, () => CROCKFORD[randomInt(32)]).join('');

/** A scheme far in the future for this year-label, created once. */
export async function testScheme(year = 2099, municipalityId = ZAANSTAD_ID): Promise<string> {
	await sql(
		`insert into public.schemes (municipality_id, year, cheque_value_cents, pluim_value_cents,
			application_opens_on, application_closes_on, redeem_until, budget_cents)
		 values ('${municipalityId}', ${year}, 5000, 2500, '${year}-01-01', '${year}-11-30', '${year}-12-31', 1000000)
		 on conflict (municipality_id, year) do nothing`
	);
	const [row] = await sql<{ id: string }>(
		`select id from public.schemes where municipality_id = '${municipalityId}' and year = ${year}`
	);
	return row?.id as string;
}

export interface TestCheque {
	id: string;
	code: string;
}

export async function createCheque(
	opts: {
		valueCents?: number;
		firstName?: string;
		expiresOn?: string;
		status?: 'active' | 'blocked';
		kind?: 'cheque' | 'pluim';
		carerUserId?: string;
		schemeYear?: number;
		municipalityId?: string;
	} = {}
): Promise<TestCheque> {
	const municipality = opts.municipalityId ?? ZAANSTAD_ID;
	const scheme = await testScheme(opts.schemeYear ?? 2099, municipality);
	const code = randomCode();
	const value = opts.valueCents ?? 5000;
	const expires = opts.expiresOn ?? '2099-12-31';
	const [row] = await sql<{ id: string }>(
		`insert into public.cheques (municipality_id, scheme_id, carer_user_id, kind, code, value_cents,
			remaining_cents, holder_first_name, expires_on, status, blocked_at)
		 values ('${municipality}', '${scheme}', ${opts.carerUserId ? `'${opts.carerUserId}'` : 'null'},
			'${opts.kind ?? 'cheque'}', '${code}', ${value}, ${value}, '${opts.firstName ?? 'Marieke'}',
			'${expires}', '${opts.status ?? 'active'}', ${opts.status === 'blocked' ? 'now()' : 'null'})
		 returning id`
	);
	return { id: row?.id as string, code };
}

export async function remainingOf(chequeId: string): Promise<number> {
	const [row] = await sql<{ remaining_cents: number }>(
		`select remaining_cents from public.cheques where id = '${chequeId}'`
	);
	return Number(row?.remaining_cents);
}

export const newKey = () => randomUUID();

/** Formats a code as staff type it: groups of four, lower case. */
export const typed = (code: string) =>
	code
		.toLowerCase()
		.match(/.{1,4}/g)!
		.join(' ');
