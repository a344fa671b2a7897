// Role administration for municipality admins; the SQL functions check the admin role again.
import { z } from 'zod';
import { dbErrorMessage } from './db-errors';
import { ok, refused, type WriteResult } from './result';
import { fromRow } from './rows';
import type { RequestClient } from './supabase';

const pageRow = fromRow(
	z.object({
		memberships: z.array(
			z.object({
				id: z.uuid(),
				userId: z.uuid(),
				displayName: z.string(),
				role: z.string(),
				scope: z.string().nullable(),
				createdAt: z.string()
			})
		),
		communityCentres: z.array(z.object({ id: z.uuid(), name: z.string() }))
	})
);

export type RoleAdminPage = z.infer<typeof pageRow>;

export async function loadRoleAdminPage(supabase: RequestClient): Promise<RoleAdminPage> {
	const { data, error } = await supabase.rpc('role_admin_page');
	if (error) throw new Error(`role_admin_page: ${error.message}`);
	return pageRow.parse(data);
}

export async function grantRole(
	supabase: RequestClient,
	input: { email: string; role: string; communityCentreId: string | null }
): Promise<WriteResult> {
	const { error } = await supabase.rpc('grant_role_by_email', {
		p_email: input.email,
		p_role: input.role,
		p_community_centre_id: input.communityCentreId as string
	});
	return error ? refused(dbErrorMessage(error)) : ok();
}

export async function revokeRole(
	supabase: RequestClient,
	membershipId: string
): Promise<WriteResult> {
	const { error } = await supabase.rpc('revoke_role', { p_membership_id: membershipId });
	return error ? refused(dbErrorMessage(error)) : ok();
}
