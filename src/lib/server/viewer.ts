// Who is asking: the user as validated by the auth server (getUser), never a trusted cookie,
// with their profile and roles.
import type { RequestClient } from './supabase';

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
	roles: ViewerRole[];
}

export async function loadViewer(supabase: RequestClient): Promise<Viewer | null> {
	// getUser asks the auth server, so a forged or expired cookie yields no viewer.
	const { data, error } = await supabase.auth.getUser();
	if (error || !data.user) return null;
	const user = data.user;
	const [profile, memberships] = await Promise.all([
		supabase.from('profiles').select('display_name, municipality_id').eq('id', user.id).maybeSingle(),
		supabase
			.from('memberships')
			.select('id, role, municipality_id, shop_id, community_centre_id')
			.eq('user_id', user.id)
	]);
	return {
		id: user.id,
		email: user.email ?? '',
		displayName: profile.data?.display_name ?? user.email ?? '',
		municipalityId: profile.data?.municipality_id ?? null,
		roles: (memberships.data ?? []).map((m) => ({
			id: m.id,
			role: m.role,
			municipalityId: m.municipality_id,
			shopId: m.shop_id,
			communityCentreId: m.community_centre_id
		}))
	};
}
