// Who is asking: the user as validated by the auth server (getUser), never a trusted cookie,
// with their profile and roles from one SQL function, so a page costs two calls before its own.
import { z } from 'zod';
import type { Role } from '#lib/roles';
import { landingAfterSignIn } from '#lib/navigation';
import { safeRedirectPath } from '#lib/schemas/auth';
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
				communityCentreId: z.uuid().nullable(),
				scopeName: z.string().nullable().default(null)
			})
		),
		isVolunteer: z.boolean().default(false),
		isCarer: z.boolean().default(false),
		buurthulpNew: z.number().int().nonnegative().default(0)
	})
);

export interface ViewerRole {
	id: string;
	role: string;
	municipalityId: string;
	shopId: string | null;
	communityCentreId: string | null;
	/** The shop's or buurthuis's name, for the header and /profiel. */
	scopeName?: string | null;
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
	/** Has a volunteer profile: Buurthulp offers "Hulpvragen voor jou". */
	isVolunteer: boolean;
	/** Has applied for Mantelzorgwaardering (or had it entered for them). */
	isCarer: boolean;
	/** What waits in "Mijn buurthulp": reactions to choose from, questions, invitations. */
	buurthulpNew: number;
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
		roles: row.success ? row.data.roles : [],
		isVolunteer: row.success ? row.data.isVolunteer : false,
		isCarer: row.success ? row.data.isCarer : false,
		buurthulpNew: row.success ? row.data.buurthulpNew : 0
	};
}

/**
 * Where to go right after signing in (the hook's viewer is still the signed-out one): the page
 * that was asked for (`naar`, only on this site), else the page of someone's only staff role,
 * else the home page.
 */
export async function pathAfterSignIn(
	supabase: RequestClient,
	asked: string | null
): Promise<string> {
	if (asked) return safeRedirectPath(asked);
	const result = await supabase.rpc('current_viewer');
	const row = viewerRow.safeParse(result.data);
	return landingAfterSignIn(row.success ? row.data.roles : []);
}
