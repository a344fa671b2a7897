// Role invitations: an admin (or the platform operator, for a first admin) invites an address;
// the invitee accepts while signed in with it. The SQL functions check every step.
import { z } from 'zod';
import { ok, refused, type WriteResult } from '../result';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';
import { tenancyErrorMessage } from './errors';

const invitationPage = fromRow(
	z.object({
		id: z.uuid(),
		role: z.string(),
		municipalityName: z.string(),
		centreName: z.string().nullable(),
		expiresAt: z.string(),
		status: z.enum(['open', 'accepted', 'withdrawn', 'expired', 'other_municipality'])
	})
);

export type InvitationPage = z.infer<typeof invitationPage>;

/** Null when there is no such invitation for the signed-in address. */
export async function loadInvitation(
	supabase: RequestClient,
	invitationId: string
): Promise<InvitationPage | null> {
	const { data, error } = await supabase.rpc('role_invitation_page', {
		p_invitation_id: invitationId
	});
	if (error) throw new Error(`role_invitation_page: ${error.code} ${error.message}`);
	return data === null ? null : invitationPage.parse(data);
}

export async function acceptInvitation(
	supabase: RequestClient,
	invitationId: string
): Promise<WriteResult> {
	const { error } = await supabase.rpc('accept_role_invitation', { p_invitation_id: invitationId });
	return error ? refused(tenancyErrorMessage(error)) : ok();
}

export async function inviteToRole(
	supabase: RequestClient,
	input: { email: string; role: string; communityCentreId: string | null }
): Promise<WriteResult> {
	const { error } = await supabase.rpc('invite_to_role', {
		p_email: input.email,
		p_role: input.role,
		p_community_centre_id: input.communityCentreId as string
	});
	return error ? refused(tenancyErrorMessage(error)) : ok();
}

export async function withdrawInvitation(
	supabase: RequestClient,
	invitationId: string
): Promise<WriteResult> {
	const { error } = await supabase.rpc('withdraw_role_invitation', {
		p_invitation_id: invitationId
	});
	return error ? refused(tenancyErrorMessage(error)) : ok();
}

const openInvitations = z.array(
	z
		.object({
			id: z.uuid(),
			email: z.string(),
			role: z.string(),
			expires_at: z.string(),
			community_centres: z.object({ name: z.string() }).nullable()
		})
		.transform((r) => ({
			id: r.id,
			email: r.email,
			role: r.role,
			expiresAt: r.expires_at,
			centreName: r.community_centres?.name ?? null
		}))
);

export type OpenInvitation = z.infer<typeof openInvitations>[number];

/** The municipality's invitations that wait for an answer (admins and operators). */
export async function listOpenInvitations(
	supabase: RequestClient,
	municipalityId: string
): Promise<OpenInvitation[]> {
	const { data, error } = await supabase
		.from('role_invitations')
		.select('id, email, role, expires_at, community_centres(name)')
		.eq('municipality_id', municipalityId)
		.is('accepted_at', null)
		.is('withdrawn_at', null)
		.gt('expires_at', new Date().toISOString())
		.order('created_at', { ascending: false });
	if (error) throw new Error(`role_invitations: ${error.code} ${error.message}`);
	return openInvitations.parse(data);
}
