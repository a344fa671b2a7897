import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import {
	listDistricts,
	mergeDistricts,
	renameDistrict,
	savePostcodeFile,
	stageDistrictFile
} from '#lib/server/tenancy/areas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	districts: await listDistricts(locals.supabase, locals.municipality.id)
});

const TOO_BIG =
	'Het bestand is te groot: hoogstens 5 MB voor wijkgrenzen en 512 KB voor postcodes.';

/** The uploaded file's text; null when there is none, 'too_big' when the server refused it. */
async function uploadedText(request: Request, name: string): Promise<string | null | 'too_big'> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return 'too_big';
	}
	const file = form.get(name);
	if (!(file instanceof File) || file.size === 0) return null;
	if (file.size > 5 * 1024 * 1024) return 'too_big';
	return file.text();
}

const renameSchema = z.object({
	districtId: z.uuid(),
	name: z
		.string()
		.trim()
		.min(2, 'Vul een naam in van 2 tot 80 tekens.')
		.max(80, 'Hoogstens 80 tekens.')
});
const mergeSchema = z
	.object({ from: z.uuid('Kies de wijk die verdwijnt.'), into: z.uuid('Kies de wijk die blijft.') })
	.refine((v) => v.from !== v.into, 'Kies twee verschillende wijken.');

export const actions: Actions = {
	grenzen: async ({ request, locals }) => {
		const text = await uploadedText(request, 'bestand');
		if (text === 'too_big') return fail(413, { boundaries: [TOO_BIG] });
		if (text === null)
			return fail(400, { boundaries: ['Kies een GeoJSON-bestand met de wijkgrenzen.'] });
		const staged = await stageDistrictFile(locals.supabase, text);
		if (!staged.ok) return fail(400, { boundaries: staged.problems });
		redirect(303, `/beheer/wijken/import/${staged.draftId}`);
	},
	postcodes: async ({ request, locals }) => {
		const text = await uploadedText(request, 'bestand');
		if (text === 'too_big') return fail(413, { postcodes: [TOO_BIG] });
		if (text === null) return fail(400, { postcodes: ['Kies een CSV-bestand met de postcodes.'] });
		const saved = await savePostcodeFile(locals.supabase, locals.municipality.id, text);
		if (!saved.ok) return fail(400, { postcodes: saved.problems });
		return {
			postcodesSaved: `${saved.areas} postcodegebieden opgeslagen${saved.withoutDistrict > 0 ? `; ${saved.withoutDistrict} liggen in geen enkele wijk` : ''}.`
		};
	},
	hernoemen: async ({ request, locals }) => {
		const parsed = renameSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { district: parsed.error.issues[0]?.message ?? '' });
		const renamed = await renameDistrict(locals.supabase, parsed.data.districtId, parsed.data.name);
		if (!renamed.ok) return fail(400, { district: renamed.problem });
		return { districtDone: `De wijk heet nu ${parsed.data.name}.` };
	},
	samenvoegen: async ({ request, locals }) => {
		const parsed = mergeSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { merge: parsed.error.issues[0]?.message ?? '' });
		const merged = await mergeDistricts(locals.supabase, parsed.data.from, parsed.data.into);
		if (!merged.ok) return fail(400, { merge: merged.problem });
		return { mergeDone: 'De wijken zijn samengevoegd.' };
	}
};
