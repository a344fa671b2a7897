import { randomUUID } from 'node:crypto';
import { fail } from '@sveltejs/kit';
import { isValid } from '#lib/mantelzorg/cheque-code';
import { lookupSchema, redeemSchema, undoSchema } from '#lib/schemas/mantelzorg/shop';
import {
	counterShopOrForbidden,
	lookupCheque,
	redeemCheque,
	undoRedemption
} from '#lib/server/mantelzorg/redemptions';
import type { Actions, PageServerLoad } from './$types';

const shopOf = (locals: App.Locals, url: URL) => counterShopOrForbidden(locals.viewer, url);

/** Refusals about the amount typed: shown next to the amount, the cheque stays on screen. */
const AMOUNT_REFUSALS = new Set(['insufficient_balance', 'invalid_amount']);

const firstError = (issues: { path: PropertyKey[]; message: string }[], field: string) =>
	issues.find((i) => i.path[0] === field)?.message ?? null;

const NOTHING = { amountCents: 0, remainingCents: 0 };

export const load: PageServerLoad = async ({ locals, url }) => ({ shopId: shopOf(locals, url) });

export const actions: Actions = {
	zoeken: async ({ request, locals, url }) => {
		const shopId = shopOf(locals, url);
		const raw = Object.fromEntries(await request.formData());
		const parsed = lookupSchema.safeParse(raw);
		const code = String(raw.code ?? '').slice(0, 40);
		if (!parsed.success) {
			return fail(400, { code, codeError: firstError(parsed.error.issues, 'code') });
		}
		// The check character catches a typo before anything is looked up (or counted as a guess).
		if (!isValid(parsed.data.code)) {
			return fail(400, {
				code,
				codeError:
					'Deze code klopt niet: waarschijnlijk is er een teken verkeerd getypt. Controleer de code.'
			});
		}
		const found = await lookupCheque(locals.supabase, shopId, parsed.data.code);
		if (!found.found) return fail(400, { code, codeError: found.problem });
		if (!found.usable) return fail(400, { code, codeError: found.problem });
		return { cheque: found, key: randomUUID() };
	},
	verzilveren: async ({ request, locals, url }) => {
		const shopId = shopOf(locals, url);
		const raw = Object.fromEntries(await request.formData());
		const parsed = redeemSchema.safeParse(raw);
		// What the page showed, to show it again with a problem; the database decides, not these.
		const shown = {
			code: String(raw.code ?? '').slice(0, 40),
			remainingCents: Number(raw.remainingCents) || 0,
			expiresOn: String(raw.expiresOn ?? '').slice(0, 10),
			holderFirstName: String(raw.holderFirstName ?? '').slice(0, 60) || null,
			amount: String(raw.amount ?? '').slice(0, 12),
			key: String(raw.key ?? '').slice(0, 36)
		};
		if (!parsed.success) {
			return fail(400, { shown, amountError: firstError(parsed.error.issues, 'amount') });
		}
		const result = await redeemCheque(locals.supabase, {
			shopId,
			code: parsed.data.code,
			amountCents: parsed.data.amount,
			idempotencyKey: parsed.data.key,
			confirmAgain: parsed.data.again
		});
		if (result.ok) return { redeemed: result.value };
		if (result.reason === 'confirm_again') {
			return fail(409, { shown, confirm: result.problem });
		}
		if (AMOUNT_REFUSALS.has(result.reason)) {
			return fail(400, {
				shown: { ...shown, remainingCents: result.remainingCents ?? shown.remainingCents },
				amountError: result.problem
			});
		}
		return fail(400, { code: shown.code, codeError: result.problem });
	},
	// "Ongedaan maken" on the receipt; the database allows it for five minutes, to whoever took it.
	ongedaan: async ({ request, locals, url }) => {
		shopOf(locals, url);
		const parsed = undoSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) {
			return fail(400, { undo: { problem: 'Deze betaling bestaat niet (meer).', ...NOTHING } });
		}
		const result = await undoRedemption(locals.supabase, parsed.data.redemptionId);
		if (!result.ok) return fail(400, { undo: { problem: result.problem, ...NOTHING } });
		return { undo: { problem: null as string | null, ...result.value } };
	}
};
