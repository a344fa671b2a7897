// Factories for Mantelzorgwaardering: a municipality of its own per test (so schemes, queues and
// counts never collide), its wijken, a scheme, people with roles in it, and applications.
import { randomUUID } from 'node:crypto';
import { createUser, sql, type TestUser } from './factories.ts';

export interface TestMunicipality {
	id: string;
	slug: string;
	/** Two wijken: north has postcode area 1561, south 1562. */
	north: string;
	south: string;
}

const q = (s: string) => `'${s.replaceAll("'", "''")}'`;

export async function createMunicipality(): Promise<TestMunicipality> {
	const slug = `mz-${randomUUID().slice(0, 8)}`;
	const [m] = await sql<{ id: string }>(
		`insert into public.municipalities (slug, name) values ('${slug}', 'Gemeente ${slug}') returning id`
	);
	const id = m?.id as string;
	const [north] = await sql<{ id: string }>(
		`insert into public.districts (municipality_id, slug, name, latitude, longitude, postcode_areas)
		 values ('${id}', 'noord', 'Noord', 52.46, 4.80, '{1561}') returning id`
	);
	const [south] = await sql<{ id: string }>(
		`insert into public.districts (municipality_id, slug, name, latitude, longitude, postcode_areas)
		 values ('${id}', 'zuid', 'Zuid', 52.44, 4.80, '{1562}') returning id`
	);
	return { id, slug, north: north?.id as string, south: south?.id as string };
}

export interface SchemeOptions {
	year?: number;
	chequeValueCents?: number;
	pluimValueCents?: number;
	youngCarerMaxAge?: number;
	ageBands?: { min_age: number; max_age: number; value_cents: number }[];
	/** Days from today; the window is open by default. */
	opensInDays?: number;
	closesInDays?: number;
	redeemUntilInDays?: number;
	retentionMonths?: number;
	budgetCents?: number;
}

/** A scheme for the municipality, as maintenance; its year is the first one the municipality lacks. */
export async function createScheme(municipalityId: string, o: SchemeOptions = {}): Promise<string> {
	const year =
		o.year ??
		`(select min(y) from generate_series(extract(year from current_date)::int, 2100) y
		  where not exists (select 1 from public.schemes s where s.municipality_id = '${municipalityId}' and s.year = y))`;
	const [row] = await sql<{ id: string }>(
		`insert into public.schemes (municipality_id, year, cheque_value_cents, pluim_value_cents,
			young_carer_max_age, age_bands, application_opens_on, application_closes_on, redeem_until,
			budget_cents, retention_months)
		 values ('${municipalityId}', ${year}, ${o.chequeValueCents ?? 5000}, ${o.pluimValueCents ?? 2500},
			${o.youngCarerMaxAge ?? 23}, ${q(JSON.stringify(o.ageBands ?? []))}::jsonb,
			current_date + ${o.opensInDays ?? -10}, current_date + ${o.closesInDays ?? 60},
			current_date + ${o.redeemUntilInDays ?? 300}, ${o.budgetCents ?? 57000000}, ${o.retentionMonths ?? 24})
		 returning id`
	);
	return row?.id as string;
}

type Role = 'municipality_admin' | 'coordinator' | 'caseworker' | 'shop_staff' | 'board_member';

/** A confirmed, signed-in account living in the municipality, with an optional role there. */
export async function personIn(
	municipalityId: string,
	label: string,
	role?: Role,
	districtIds: string[] = []
): Promise<TestUser> {
	const user = await createUser({ label });
	await sql(
		`update public.profiles set municipality_id = '${municipalityId}' where id = '${user.id}'`
	);
	if (role) {
		await sql(
			`insert into public.memberships (user_id, municipality_id, role)
			 values ('${user.id}', '${municipalityId}', '${role}')`
		);
	}
	for (const d of districtIds) {
		await sql(
			`insert into public.caseworker_districts (municipality_id, user_id, district_id)
			 values ('${municipalityId}', '${user.id}', '${d}')`
		);
	}
	return user;
}

/** A birth date this many years ago (minus a day, so the birthday has passed). */
export const bornYearsAgo = (years: number) => {
	const d = new Date();
	d.setUTCFullYear(d.getUTCFullYear() - years);
	d.setUTCDate(d.getUTCDate() - 1);
	return d.toISOString().slice(0, 10);
};

/** The arguments of submit_application (and, with p_carer_email/p_carer_phone, of enter_…). */
export function applicationArgs(
	o: Partial<{
		firstName: string;
		lastName: string;
		birthDate: string;
		postcode: string;
		houseNumber: string;
		recipientName: string;
		recipientPostcode: string;
		hoursPerWeek: number;
		districtId: string;
	}> = {}
) {
	return {
		p_carer_first_name: o.firstName ?? 'Anna',
		p_carer_last_name: o.lastName ?? `Jansen-${randomUUID().slice(0, 6)}`,
		p_carer_birth_date: o.birthDate ?? bornYearsAgo(52),
		p_carer_postcode: o.postcode ?? '1561 AB',
		p_carer_house_number: o.houseNumber ?? String(1 + Math.floor(Math.random() * 900)),
		p_carer_street: 'Vinkenstraat',
		p_carer_town: 'Zaandam',
		p_care_recipient_name: o.recipientName ?? `Moeder ${randomUUID().slice(0, 6)}`,
		p_care_recipient_postcode: o.recipientPostcode ?? '1561 CD',
		p_care_relation: 'parent',
		p_hours_per_week: o.hoursPerWeek ?? 12,
		p_caring_since: '2024-01-15',
		p_consent: true,
		p_district_id: o.districtId
	};
}
