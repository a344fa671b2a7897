import { publicMunicipality } from '#lib/server/tenancy/municipality';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	viewer: locals.viewer
		? {
				displayName: locals.viewer.displayName,
				roles: locals.viewer.roles,
				isPlatformOperator: locals.viewer.isPlatformOperator
			}
		: null,
	municipality: publicMunicipality(locals.municipality)
});
