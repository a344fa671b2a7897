// The shape of export_my_data's answer, per area (camelCase, as fromRow gives it): the platform's
// part and the register here, the areas in my-data-buurthulp.ts and my-data-mantelzorg.ts.
import { z } from 'zod';

export const list = <T extends z.ZodType>(item: T) => z.array(item).default([]);
export const text = z.string().nullable();
export const count = z.coerce.number().int();

export const platform = z.object({
	account: z
		.object({
			email: z.string(),
			createdAt: z.string(),
			emailConfirmedAt: text,
			lastSignInAt: text
		})
		.nullable(),
	profile: z
		.object({
			displayName: z.string(),
			district: text,
			municipality: z.string(),
			createdAt: z.string()
		})
		.nullable(),
	contact: z.object({ phone: text, streetAddress: text, postcode: text, city: text }).nullable(),
	roles: list(z.object({ role: z.string(), communityCentre: text, shop: text, since: z.string() })),
	block: z.object({ reason: z.string(), since: z.string() }).nullable(),
	mails: list(z.object({ kind: z.string(), createdAt: z.string(), sentAt: text, failedAt: text })),
	dataRequests: list(z.object({ kind: z.string(), createdAt: z.string() })),
	processingLog: list(
		z.object({
			createdAt: z.string(),
			activity: z.string(),
			operation: z.enum(['read', 'change']),
			actorRole: text,
			actorOrganisation: z.string(),
			objectType: text
		})
	),
	staffActions: list(z.object({ action: z.string(), count })),
	staffLogLines: count,
	platformOperator: z.boolean().default(false),
	roleInvitations: list(
		z.object({
			role: z.string(),
			createdAt: z.string(),
			expiresAt: z.string(),
			acceptedAt: text,
			withdrawnAt: text
		})
	),
	staffWork: z.record(z.string(), count).default({})
});

export const registerEntry = z.object({
	code: z.string(),
	name: z.string(),
	purpose: z.string(),
	legalBasis: z.string(),
	legalBasisDetail: z.string(),
	retention: z.string()
});
export type RegisterEntry = z.infer<typeof registerEntry>;
