import { error, fail, redirect } from '@sveltejs/kit';
import { schemeSchema, type SchemeInput } from '#lib/schemas/mantelzorg/scheme-form';
import { loadSchemes, saveScheme, type SchemeRow } from '#lib/server/mantelzorg/scheme-admin';
import type { Actions, PageServerLoad } from './$types';

const euros = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

function formValues(scheme: SchemeRow | undefined, year: number): SchemeInput {
	if (!scheme) {
		return {
			year: String(year),
			chequeValue: '50,00',
			pluimValue: '25,00',
			youngCarerMaxAge: '23',
			minHoursPerWeek: '8',
			minMonths: '3',
			applicationOpensOn: `${year}-01-01`,
			applicationClosesOn: `${year}-12-31`,
			redeemUntil: `${year + 1}-03-31`,
			budget: '570000,00',
			retentionMonths: '24',
			reimbursementSchedule: 'monthly'
		};
	}
	return {
		year: String(scheme.year),
		chequeValue: euros(scheme.chequeValueCents),
		pluimValue: euros(scheme.pluimValueCents),
		youngCarerMaxAge: String(scheme.youngCarerMaxAge),
		minHoursPerWeek: String(scheme.minHoursPerWeek),
		minMonths: String(scheme.minMonths),
		applicationOpensOn: scheme.applicationOpensOn,
		applicationClosesOn: scheme.applicationClosesOn,
		redeemUntil: scheme.redeemUntil,
		budget: euros(scheme.budgetCents),
		retentionMonths: String(scheme.retentionMonths),
		reimbursementSchedule: scheme.reimbursementSchedule
	};
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const municipalityId = locals.viewer?.municipalityId;
	if (!municipalityId) error(403, 'Deze pagina is alleen voor beheerders van de gemeente.');
	const schemes = await loadSchemes(locals.supabase, municipalityId);
	const thisYear = Number(
		new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(
			new Date()
		)
	);
	const asked = Number(url.searchParams.get('jaar'));
	const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
	const scheme = schemes.find((s) => s.year === year);
	return {
		schemes,
		editing: scheme ? year : null,
		values: formValues(scheme, year),
		saved: url.searchParams.get('gelukt') === 'opgeslagen'
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const raw = Object.fromEntries(await request.formData()) as Record<string, string>;
		const parsed = schemeSchema.safeParse(raw);
		if (!parsed.success) {
			const errors: Record<string, string[]> = {};
			for (const issue of parsed.error.issues) {
				const key = String(issue.path[0] ?? '');
				(errors[key] ??= []).push(issue.message);
			}
			return fail(400, { values: raw, errors, problem: null });
		}
		const result = await saveScheme(
			locals.supabase,
			locals.viewer?.municipalityId ?? '',
			parsed.data
		);
		if (!result.ok) return fail(400, { values: raw, errors: {}, problem: result.problem });
		redirect(303, `/beheer/regeling?jaar=${parsed.data.year}&gelukt=opgeslagen`);
	}
};
