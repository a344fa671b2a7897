import { error, fail, redirect } from '@sveltejs/kit';
import { schemeSchema } from '#lib/schemas/mantelzorg/scheme';
import { loadSchemes, saveScheme, type Scheme } from '#lib/server/mantelzorg/schemes';
import type { Actions, PageServerLoad } from './$types';

const BANDS = [0, 1, 2] as const;
const euros = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

/** The form's fields as typed (strings), from a stored scheme or the defaults for a new year. */
function formValues(scheme: Scheme | undefined, year: number): Record<string, string> {
	const values: Record<string, string> = scheme
		? {
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
			}
		: {
				year: String(year),
				chequeValue: '50,00',
				pluimValue: '25,00',
				youngCarerMaxAge: '23',
				minHoursPerWeek: '8',
				minMonths: '3',
				applicationOpensOn: `${year}-01-01`,
				applicationClosesOn: `${year}-12-31`,
				redeemUntil: `${year + 1}-03-31`,
				budget: '570.000,00',
				retentionMonths: '24',
				reimbursementSchedule: 'monthly'
			};
	for (const i of BANDS) {
		const band = scheme?.ageBands[i];
		values[`band${i}Min`] = band ? String(band.minAge) : '';
		values[`band${i}Max`] = band ? String(band.maxAge) : '';
		values[`band${i}Value`] = band ? euros(band.valueCents) : '';
	}
	return values;
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
		editing: scheme ? { id: scheme.id, year } : null,
		values: formValues(scheme, year),
		saved: url.searchParams.get('gelukt') === 'opgeslagen'
	};
};

/** Field names on the page for the schema's paths, so each error shows next to its field. */
const FIELD: Record<string, string> = {
	chequeValueCents: 'chequeValue',
	pluimValueCents: 'pluimValue',
	budgetCents: 'budget'
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const raw = Object.fromEntries(
			[...form.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : ''])
		);
		const parsed = schemeSchema.safeParse({
			...raw,
			chequeValueCents: raw.chequeValue ?? '',
			pluimValueCents: raw.pluimValue ?? '',
			budgetCents: raw.budget ?? '',
			ageBands: BANDS.map((i) => ({
				minAge: raw[`band${i}Min`] ?? '',
				maxAge: raw[`band${i}Max`] ?? '',
				value: raw[`band${i}Value`] ?? ''
			}))
		});
		if (!parsed.success) {
			const errors: Record<string, string[]> = {};
			for (const issue of parsed.error.issues) {
				const [head, index] = issue.path.map(String);
				const key = head === 'ageBands' ? `band${index}Value` : (FIELD[head ?? ''] ?? head ?? '');
				(errors[key] ??= []).push(issue.message);
			}
			return fail(400, { values: raw, errors, problem: null });
		}
		const schemeId = typeof raw.schemeId === 'string' && raw.schemeId ? raw.schemeId : undefined;
		const result = await saveScheme(
			locals.supabase,
			locals.viewer?.municipalityId ?? '',
			parsed.data,
			schemeId
		);
		if (!result.ok) return fail(400, { values: raw, errors: {}, problem: result.problem });
		redirect(303, `/beheer/regeling?jaar=${parsed.data.year}&gelukt=opgeslagen`);
	}
};
