// Applying for Mantelzorgwaardering: the page's read (the open regeling and the wijken, in one
// request) and the two ways in, by the carer themself or entered by a consulent.
import { z } from 'zod';
import {
	fieldOfRefusal,
	normalisePostcode,
	spacedPostcode,
	type ApplicationForm
} from '#lib/schemas/mantelzorg/application-form';
import type { RequestClient } from '../supabase';
import { errorKey } from '../db-errors';
import { fromRow } from '../rows';
import { mantelzorgErrorMessage } from './errors';

const schemeRow = z.object({
	year: z.number(),
	applicationOpensOn: z.string(),
	applicationClosesOn: z.string(),
	minHoursPerWeek: z.number(),
	minMonths: z.number(),
	youngCarerMaxAge: z.number()
});
export type ApplyScheme = z.infer<typeof schemeRow>;

const applyPageRow = fromRow(
	z.object({
		districts: z.array(z.object({ id: z.uuid(), name: z.string() })),
		schemes: z.array(schemeRow)
	})
);

const todayInNl = () =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

export interface ApplyPage {
	districts: { id: string; name: string }[];
	/** The regeling whose window is open today, if any. */
	open: ApplyScheme | null;
	/** Else the next one that opens, so the page can say when. */
	next: ApplyScheme | null;
}

export async function loadApplyPage(
	supabase: RequestClient,
	municipalityId: string
): Promise<ApplyPage> {
	const { data } = await supabase
		.from('municipalities')
		.select(
			'districts(id, name), schemes(year, application_opens_on, application_closes_on, min_hours_per_week, min_months, young_carer_max_age)'
		)
		.eq('id', municipalityId)
		.maybeSingle();
	const parsed = applyPageRow.safeParse(data);
	if (!parsed.success) return { districts: [], open: null, next: null };
	const today = todayInNl();
	const schemes = [...parsed.data.schemes].sort((a, b) => b.year - a.year);
	return {
		districts: [...parsed.data.districts].sort((a, b) => a.name.localeCompare(b.name, 'nl')),
		open:
			schemes.find((s) => s.applicationOpensOn <= today && today <= s.applicationClosesOn) ?? null,
		next:
			schemes
				.filter((s) => s.applicationOpensOn > today)
				.sort((a, b) => a.applicationOpensOn.localeCompare(b.applicationOpensOn))[0] ?? null
	};
}

export type ApplyResult =
	{ ok: true; value: string } | { ok: false; problem: string; field: keyof ApplicationForm | null };

const common = (form: ApplicationForm) => ({
	p_carer_first_name: form.firstName,
	p_carer_last_name: form.lastName,
	p_carer_birth_date: form.birthDate,
	p_carer_postcode: normalisePostcode(form.postcode),
	p_carer_house_number: form.houseNumber,
	p_carer_street: form.street,
	p_carer_town: form.town,
	p_care_recipient_name: form.careRecipientName,
	p_care_recipient_postcode: normalisePostcode(form.careRecipientPostcode),
	p_care_relation: form.relation,
	p_hours_per_week: Number(form.hoursPerWeek),
	p_caring_since: form.caringSince,
	p_consent: form.consent
});

function answer(result: { data: unknown; error: { message?: string; code?: string } | null }) {
	if (result.error || typeof result.data !== 'string') {
		return {
			ok: false as const,
			problem: mantelzorgErrorMessage(result.error),
			field: fieldOfRefusal(errorKey(result.error))
		};
	}
	return { ok: true as const, value: result.data };
}

/** The carer applies; the e-mail address is their account's. Returns the application's id. */
export async function submitApplication(
	supabase: RequestClient,
	form: ApplicationForm
): Promise<ApplyResult> {
	const result = await supabase.rpc('submit_application', {
		...common(form),
		p_carer_phone: form.phone || (null as unknown as string),
		p_district_id: form.districtId || (null as unknown as string)
	});
	// The postcode lies in several wijken: the form shows the wijk field with this sentence.
	if (errorKey(result.error) === 'district_required') {
		return {
			ok: false,
			problem: `We vonden geen wijk bij ${spacedPostcode(form.postcode)}. Kies je wijk.`,
			field: 'districtId'
		};
	}
	return answer(result);
}

/** A consulent enters the application for a carer (who may have no e-mail at all). */
export async function enterApplicationForCarer(
	supabase: RequestClient,
	form: ApplicationForm
): Promise<ApplyResult> {
	if (!form.districtId) {
		return { ok: false, problem: 'Kies de wijk van de mantelzorger.', field: 'districtId' };
	}
	return answer(
		await supabase.rpc('enter_application_for_carer', {
			...common(form),
			p_district_id: form.districtId,
			p_carer_email: form.email || (null as unknown as string),
			p_carer_phone: form.phone || (null as unknown as string)
		})
	);
}
