// Who is asking: the user as validated by the auth server (getUser), never a trusted cookie,
// with their profile and roles from one SQL function, so a page costs two calls before its own.
import { z } from 'zod';
import type { Role } from '#lib/roles';
import { fromRow } from './rows';
import type { RequestClient } from './supabase';

const viewerRow = fromRow(
	z.object({
		displayName: z.string(),
		municipalityId: z.uuid(),
		districtId: z.uuid().nullable(),
		isPlatformOperator: z.boolean().default(false),
		roles: z.array(
			z.object({
				id: z.uuid(),
				role: z.string(),
				municipalityId: z.uuid(),
				shopId: z.uuid().nullable(),
				communityCentreId: z.uuid().nullable()
			})
		)
	})
);

export interface ViewerRole {
	id: string;
	role: string;
	municipalityId: string;
	shopId: string | null;
	communityCentreId: string | null;
}

export interface Viewer {
	id: string;
	email: string;
	displayName: string;
	municipalityId: string | null;
	districtId: string | null;
	/** Runs the deployment (/platform); not a role in any municipality. */
	isPlatformOperator: boolean;
	roles: ViewerRole[];
}

export const hasRole = (viewer: Pick<Viewer, 'roles'> | null, role: Role) =>
	viewer?.roles.some((r) => r.role === role) ?? false;

export async function loadViewer(supabase: RequestClient): Promise<Viewer | null> {
	// getUser asks the auth server, so a forged or expired cookie yields no viewer.
	const { data, error } = await supabase.auth.getUser();
	if (error || !data.user) return null;
	const user = data.user;
	const result = await supabase.rpc('current_viewer');
	const row = viewerRow.safeParse(result.data);
	return {
		id: user.id,
		email: user.email ?? '',
		displayName: row.success ? row.data.displayName : (user.email ?? ''),
		municipalityId: row.success ? row.data.municipalityId : null,
		districtId: row.success ? row.data.districtId : null,
		isPlatformOperator: row.success ? row.data.isPlatformOperator : false,
		roles: row.success ? row.data.roles : []
	};
}
