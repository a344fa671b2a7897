// Shops: sign-up, the public list, the owner's staff page and the admin's approvals. The SQL
// functions in *_mantelzorg_shops.sql check every role again.
import { z } from 'zod';
import { errorKey } from '../db-errors';
import { ok, refused, type WriteResult } from '../result';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';
import { counterErrorMessage } from './counter-errors';

const publicShop = z.object({
	id: z.uuid(),
	name: z.string(),
	streetAddress: z.string(),
	postcode: z.string(),
	city: z.string(),
	districtId: z.uuid().nullable(),
	districtName: z.string().nullable(),
	category: z.string(),
	description: z.string().nullable(),
	latitude: z.number().nullable(),
	longitude: z.number().nullable()
});
export type PublicShop = z.infer<typeof publicShop>;

const shopList = fromRow(
	z.object({
		shops: z.array(publicShop),
		districts: z.array(z.object({ id: z.uuid(), name: z.string() }))
	})
);
export type ShopList = z.infer<typeof shopList>;

/** Approved shops (filtered) and the wijken to filter on, in one call. */
export async function listApprovedShops(
	supabase: RequestClient,
	filters: { districtId?: string | null; category?: string | null }
): Promise<ShopList> {
	const { data, error } = await supabase.rpc('approved_shops', {
		p_district_id: filters.districtId ?? undefined,
		p_category: filters.category ?? undefined
	});
	if (error) throw new Error(`approved_shops: ${error.message}`);
	return shopList.parse(data);
}

export interface ShopSignUp {
	name: string;
	kvkNumber: string;
	streetAddress: string;
	postcode: string;
	city: string;
	districtId: string;
	category: string;
	description: string;
	iban: string;
	accountHolder: string;
	contactName: string;
	contactEmail: string;
	contactPhone: string;
}

export async function registerShop(
	supabase: RequestClient,
	input: ShopSignUp
): Promise<WriteResult<string>> {
	const { data, error } = await supabase.rpc('register_shop', {
		p_name: input.name,
		p_kvk_number: input.kvkNumber,
		p_street_address: input.streetAddress,
		p_postcode: input.postcode,
		p_city: input.city,
		p_district_id: input.districtId,
		p_category: input.category,
		p_description: input.description,
		p_iban: input.iban,
		p_account_holder: input.accountHolder,
		p_contact_name: input.contactName,
		p_contact_email: input.contactEmail,
		p_contact_phone: input.contactPhone
	});
	return error ? refused(counterErrorMessage(error)) : ok(data as string);
}

const staffPage = fromRow(
	z.object({
		shop: z.object({ id: z.uuid(), name: z.string(), status: z.string() }),
		staff: z.array(
			z.object({
				membershipId: z.uuid(),
				userId: z.uuid(),
				displayName: z.string(),
				isOwner: z.boolean(),
				createdAt: z.string()
			})
		),
		invitations: z.array(
			z.object({
				id: z.uuid(),
				email: z.string(),
				createdAt: z.string(),
				expiresAt: z.string(),
				expired: z.boolean()
			})
		)
	})
);
export type ShopStaffPage = z.infer<typeof staffPage>;

/** Null when the viewer does not own the shop. */
export async function loadShopStaffPage(
	supabase: RequestClient,
	shopId: string
): Promise<ShopStaffPage | null> {
	const { data, error } = await supabase.rpc('shop_staff_page', { p_shop_id: shopId });
	if (error) return null;
	return staffPage.parse(data);
}

/**
 * Invites an address to work at the shop. The answer is the same whether or not the address has
 * an account: the invitee gets a mail and becomes staff only by accepting it while signed in.
 */
export async function inviteShopStaff(
	supabase: RequestClient,
	shopId: string,
	email: string
): Promise<WriteResult> {
	const { error } = await supabase.rpc('invite_shop_staff', { p_shop_id: shopId, p_email: email });
	if (!error) return ok();
	return refused(
		errorKey(error) === 'rate_limited'
			? 'U heeft vandaag al veel uitnodigingen verstuurd. Probeer het morgen opnieuw.'
			: counterErrorMessage(error)
	);
}

export async function withdrawShopInvitation(
	supabase: RequestClient,
	invitationId: string
): Promise<WriteResult> {
	const { error } = await supabase.rpc('withdraw_shop_invitation', {
		p_invitation_id: invitationId
	});
	return error ? refused(counterErrorMessage(error)) : ok();
}

const invitation = fromRow(
	z
		.object({
			id: z.uuid(),
			shopId: z.uuid(),
			shopName: z.string(),
			expiresAt: z.string(),
			status: z.enum(['open', 'accepted', 'withdrawn', 'expired', 'shop_not_approved'])
		})
		.nullable()
);
export type ShopInvitation = NonNullable<z.infer<typeof invitation>>;

/** Null unless the invitation was sent to the signed-in account's address. */
export async function loadShopInvitation(
	supabase: RequestClient,
	invitationId: string
): Promise<ShopInvitation | null> {
	const { data, error } = await supabase.rpc('shop_invitation_page', {
		p_invitation_id: invitationId
	});
	if (error) throw new Error(`shop_invitation_page: ${error.message}`);
	return invitation.parse(data);
}

/** Makes the signed-in account staff of the inviting shop; the shop's id. */
export async function acceptShopInvitation(
	supabase: RequestClient,
	invitationId: string
): Promise<WriteResult<string>> {
	const { data, error } = await supabase.rpc('accept_shop_invitation', {
		p_invitation_id: invitationId
	});
	return error ? refused(counterErrorMessage(error)) : ok(data as string);
}

export async function removeShopStaff(
	supabase: RequestClient,
	membershipId: string
): Promise<WriteResult> {
	const { error } = await supabase.rpc('remove_shop_staff', { p_membership_id: membershipId });
	return error ? refused(counterErrorMessage(error)) : ok();
}

const adminShop = z.object({
	id: z.uuid(),
	name: z.string(),
	kvkNumber: z.string(),
	streetAddress: z.string(),
	postcode: z.string(),
	city: z.string(),
	districtName: z.string().nullable(),
	category: z.string(),
	status: z.enum(['pending', 'approved', 'suspended']),
	createdAt: z.string(),
	iban: z.string().nullable(),
	contactName: z.string().nullable(),
	contactEmail: z.string().nullable()
});
export type AdminShop = z.infer<typeof adminShop>;

export async function loadShopAdminPage(supabase: RequestClient): Promise<AdminShop[]> {
	const { data, error } = await supabase.rpc('shop_admin_page');
	if (error) throw new Error(`shop_admin_page: ${error.message}`);
	return fromRow(z.array(adminShop)).parse(data);
}

export async function decideShop(
	supabase: RequestClient,
	shopId: string,
	status: 'approved' | 'suspended'
): Promise<WriteResult> {
	const { error } = await supabase.rpc('decide_shop', { p_shop_id: shopId, p_status: status });
	return error ? refused(counterErrorMessage(error)) : ok();
}
