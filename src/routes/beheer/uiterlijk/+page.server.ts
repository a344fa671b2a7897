import { fail } from '@sveltejs/kit';
import { checkLook, DEFAULT_LOOK, isHexColor, type Look } from '#lib/tenancy/contrast';
import {
	loadLook,
	LOGO_MAX_BYTES,
	logoType,
	saveLook,
	type LogoFile
} from '#lib/server/tenancy/look';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const stored = await loadLook(locals.supabase, locals.municipality.id);
	const look: Look = stored ?? DEFAULT_LOOK;
	return { look, hasLogo: stored?.hasLogo ?? false, checks: checkLook(look) };
};

const TOO_BIG = 'Het logo is te groot. Kies een afbeelding van hoogstens 200 KB.';

export const actions: Actions = {
	default: async ({ request, locals }) => {
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			return fail(413, { problem: TOO_BIG, values: null, checks: null });
		}
		const text = (name: string) =>
			String(form.get(name) ?? '')
				.trim()
				.toLowerCase();
		const look: Look = {
			primary: text('primary'),
			primaryDark: text('primaryDark'),
			surface: text('surface')
		};
		const values = { ...look };
		if (![look.primary, look.primaryDark, look.surface].every(isHexColor)) {
			return fail(400, {
				problem: 'Vul elke kleur in als # met zes tekens, bijvoorbeeld #00548a.',
				values,
				checks: null
			});
		}
		const checks = checkLook(look);
		if (checks.some((c) => !c.ok)) {
			return fail(400, {
				problem:
					'Deze kleuren hebben te weinig contrast (minstens 4,5 : 1 is nodig). Kies een donkerder hoofdkleur of een lichtere kopkleur.',
				values,
				checks
			});
		}
		let logo: LogoFile | null = null;
		const file = form.get('logo');
		if (file instanceof File && file.size > 0) {
			if (file.size > LOGO_MAX_BYTES) return fail(400, { problem: TOO_BIG, values, checks });
			const bytes = new Uint8Array(await file.arrayBuffer());
			const type = logoType(bytes);
			if (!type) {
				return fail(400, {
					problem: 'Het logo moet een PNG-, JPEG- of WebP-afbeelding zijn.',
					values,
					checks
				});
			}
			logo = { bytes, type };
		}
		const saved = await saveLook(locals.supabase, look, logo, form.get('removeLogo') === 'on');
		if (!saved.ok) return fail(400, { problem: saved.problem, values, checks });
		return { saved: true };
	}
};
