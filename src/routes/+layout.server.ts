import { publicMunicipality } from '#lib/server/tenancy/municipality';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	viewer: locals.viewer
		? {
				displayName: locals.viewer.displayName,
				roles: locals.viewer.roles,
				isPlatformOperator: locals.viewer.isPlatformOperator,
				isVolunteer: locals.viewer.isVolunteer,
				isCarer: locals.viewer.isCarer,
				buurthulpNew: locals.viewer.buurthulpNew
			}
		: null,
	municipality: publicMunicipality(locals.municipality)
});
