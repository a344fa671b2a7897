// The counter: look a cheque up, redeem it, undo a redemption, and the shop's own list. A refusal
// (unknown code, used, expired…) is an answer from redeem_cheque, not an error.
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { ok, refused, type WriteResult } from '../result';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';
import type { Viewer } from '../viewer';
import { errorKey } from '../db-errors';
import { counterErrorMessage, counterRefusal } from './counter-errors';

const lookupRow = fromRow(
	z.object({
		ok: z.boolean(),
		reason: z.string().nullable().optional(),
		code: z.string().optional(),
		kind: z.enum(['cheque', 'pluim']).optional(),
		remainingCents: z.number().int().optional(),
		valueCents: z.number().int().optional(),
		expiresOn: z.string().optional(),
		holderFirstName: z.string().nullable().optional(),
		redeemedHereRecently: z.boolean().optional()
	})
);

export type ChequeLookup =
	| {
			found: true;
			usable: boolean;
			problem: string | null;
			code: string;
			kind: 'cheque' | 'pluim';
			remainingCents: number;
			expiresOn: string;
			holderFirstName: string | null;
			redeemedHereRecently: boolean;
	  }
	| { found: false; problem: string };

export async function lookupCheque(
	supabase: RequestClient,
	shopId: string,
	code: string
): Promise<ChequeLookup> {
	const { data, error } = await supabase.rpc('lookup_cheque', { p_shop_id: shopId, p_code: code });
	if (error) return { found: false, problem: counterErrorMessage(error) };
	const row = lookupRow.parse(data);
	if (!row.code) return { found: false, problem: counterRefusal(row.reason) };
	return {
		found: true,
		usable: row.ok,
		problem: row.ok ? null : counterRefusal(row.reason),
		code: row.code,
		kind: row.kind ?? 'cheque',
		remainingCents: row.remainingCents ?? 0,
		expiresOn: row.expiresOn ?? '',
		holderFirstName: row.holderFirstName ?? null,
		redeemedHereRecently: row.redeemedHereRecently ?? false
	};
}

const redeemRow = fromRow(
	z.object({
		ok: z.boolean(),
		reason: z.string().nullable().optional(),
		redemptionId: z.uuid().optional(),
		amountCents: z.number().int().optional(),
		remainingCents: z.number().int().optional(),
		holderFirstName: z.string().nullable().optional(),
		createdAt: z.string().optional(),
		reference: z.string().optional(),
		undoUntil: z.string().optional()
	})
);

/** The receipt: what was paid, when, its reference, and until when the assistant may undo it. */
export interface Redeemed {
	redemptionId: string;
	amountCents: number;
	remainingCents: number;
	holderFirstName: string | null;
	createdAt: string;
	reference: string;
	undoUntil: string;
}

export type RedeemResult =
	| { ok: true; value: Redeemed }
	| { ok: false; problem: string; reason: string; remainingCents?: number };

export async function redeemCheque(
	supabase: RequestClient,
	input: {
		shopId: string;
		code: string;
		amountCents: number;
		idempotencyKey: string;
		confirmAgain: boolean;
	}
): Promise<RedeemResult> {
	const { data, error } = await supabase.rpc('redeem_cheque', {
		p_shop_id: input.shopId,
		p_code: input.code,
		p_amount_cents: input.amountCents,
		p_idempotency_key: input.idempotencyKey,
		p_confirm_again: input.confirmAgain
	});
	// A raised refusal keeps its key as the reason (invalid_amount belongs next to the amount).
	if (error) {
		return { ok: false, problem: counterErrorMessage(error), reason: errorKey(error) || 'error' };
	}
	const row = redeemRow.parse(data);
	if (!row.ok) {
		return {
			ok: false,
			problem: counterRefusal(row.reason),
			reason: row.reason ?? 'unknown',
			remainingCents: row.remainingCents
		};
	}
	return {
		ok: true,
		value: {
			redemptionId: row.redemptionId as string,
			amountCents: row.amountCents ?? input.amountCents,
			remainingCents: row.remainingCents ?? 0,
			holderFirstName: row.holderFirstName ?? null,
			createdAt: row.createdAt ?? new Date().toISOString(),
			reference: row.reference ?? '',
			undoUntil: row.undoUntil ?? new Date().toISOString()
		}
	};
}

export async function undoRedemption(
	supabase: RequestClient,
	redemptionId: string
): Promise<WriteResult<{ remainingCents: number; amountCents: number }>> {
	const { data, error } = await supabase.rpc('undo_redemption', {
		p_redemption_id: redemptionId
	});
	if (error) return refused(counterErrorMessage(error));
	const row = fromRow(
		z.object({ remainingCents: z.number().int(), amountCents: z.number().int() })
	).parse(data);
	return ok(row);
}

const redemptionsPage = fromRow(
	z.object({
		shop: z.object({ id: z.uuid(), name: z.string(), status: z.string() }),
		redemptions: z.array(
			z.object({
				id: z.uuid(),
				amountCents: z.number().int(),
				createdAt: z.string(),
				undoneAt: z.string().nullable(),
				batched: z.boolean(),
				mine: z.boolean(),
				undoUntil: z.string().nullable(),
				reference: z.string(),
				staffName: z.string().nullable(),
				holderFirstName: z.string().nullable(),
				codeEnd: z.string()
			})
		),
		unbatchedCents: z.number().int()
	})
);
export type ShopRedemptionsPage = z.infer<typeof redemptionsPage>;

export async function loadShopRedemptions(
	supabase: RequestClient,
	shopId: string
): Promise<ShopRedemptionsPage> {
	const { data, error } = await supabase.rpc('shop_redemptions_page', { p_shop_id: shopId });
	if (error) throw new Error(`shop_redemptions_page: ${error.message}`);
	return redemptionsPage.parse(data);
}

/** The shop the counter works for: ?winkel=<id> when the viewer works at several, else the first. */
export function counterShopId(
	viewer: Pick<Viewer, 'roles'> | null,
	wanted: string | null
): string | null {
	const shops = (viewer?.roles ?? [])
		.filter((r) => r.role === 'shop_staff' && r.shopId)
		.map((r) => r.shopId as string);
	return wanted && shops.includes(wanted) ? wanted : (shops[0] ?? null);
}

/** counterShopId for a page or action: a 403 when the viewer works for no shop (any more). */
export function counterShopOrForbidden(viewer: Pick<Viewer, 'roles'> | null, url: URL): string {
	const shopId = counterShopId(viewer, url.searchParams.get('winkel'));
	if (!shopId) error(403, 'Je werkt niet (meer) voor een winkel.');
	return shopId;
}
