// Role administration for municipality admins; the SQL functions check the admin role again.
import { z } from 'zod';
import { dbErrorMessage } from './db-errors';
import type { RequestClient } from './supabase';

const pageRow = z.object({
	memberships: z.array(
		z.object({
			id: z.uuid(),
			user_id: z.uuid(),
			display_name: z.string(),
			role: z.string(),
			scope: z.string().nullable(),
			created_at: z.string()
		})
	),
	community_centres: z.array(z.object({ id: z.uuid(), name: z.string() }))
});

export type RoleAdminPage = z.infer<typeof pageRow>;

export async function loadRoleAdminPage(supabase: RequestClient): Promise<RoleAdminPage> {
	const { data, error } = await supabase.rpc('role_admin_page');
	if (error) throw new Error(`role_admin_page: ${error.message}`);
	return pageRow.parse(data);
}

export async function grantRole(
	supabase: RequestClient,
	input: { email: string; role: string; communityCentreId: string | null }
): Promise<string | null> {
	const { error } = await supabase.rpc('grant_role_by_email', {
		p_email: input.email,
		p_role: input.role,
		p_community_centre_id: input.communityCentreId as string
	});
	return error ? dbErrorMessage(error) : null;
}

export async function revokeRole(supabase: RequestClient, membershipId: string) {
	const { error } = await supabase.rpc('revoke_role', { p_membership_id: membershipId });
	return error ? dbErrorMessage(error) : null;
}
