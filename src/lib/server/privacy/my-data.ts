// Everything held about the signed-in person (AVG art. 15 and 20): one call to export_my_data,
// which loops over the areas' registered exports in SQL and counts the request against the
// database-side limits. The page and the PDF read the parsed (camelCase) shape; the JSON download
// passes the export on as the database wrote it.
import { z } from 'zod';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';

const list = <T extends z.ZodType>(item: T) => z.array(item).default([]);
const text = z.string().nullable();
const count = z.coerce.number().int();

const platform = z.object({
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

const buurthulp = z.object({
	volunteerProfile: z
		.object({
			homeDistrict: z.string(),
			districts: z.array(z.string()),
			categories: z.array(z.string()),
			radiusKm: count,
			maxActiveMatches: count,
			isPaused: z.boolean(),
			about: z.string(),
			createdAt: z.string()
		})
		.nullable(),
	requests: list(
		z.object({
			id: z.uuid(),
			onBehalfOfResident: z.boolean().optional(),
			title: z.string().optional(),
			description: z.string().optional(),
			category: z.string(),
			district: z.string().optional(),
			postcodeArea: text.optional(),
			startsOn: text.optional(),
			isVulnerable: z.boolean().optional(),
			status: z.string(),
			streetAddress: text.optional(),
			createdAt: z.string()
		})
	),
	offers: list(
		z.object({
			title: z.string(),
			description: z.string(),
			category: z.string(),
			district: z.string(),
			whenText: z.string(),
			status: z.string(),
			createdAt: z.string()
		})
	),
	responses: list(
		z.object({
			requestTitle: z.string(),
			message: z.string(),
			status: z.string(),
			createdAt: z.string()
		})
	),
	matches: list(
		z.object({
			id: z.uuid(),
			role: z.enum(['volunteer', 'requester']),
			requestTitle: text,
			status: z.string(),
			createdAt: z.string(),
			doneAt: text,
			otherFirstName: z.string(),
			myMessages: list(z.object({ body: z.string(), createdAt: z.string() })),
			messagesFromOtherSide: count
		})
	),
	thanksReceived: list(z.object({ message: z.string(), createdAt: z.string() })),
	thanksGiven: list(z.object({ message: z.string(), createdAt: z.string() })),
	followups: list(
		z.object({ side: z.string(), answer: text, comment: z.string(), answeredAt: text })
	),
	invitations: list(z.object({ requestTitle: z.string(), createdAt: z.string() })),
	reports: list(
		z.object({
			targetType: z.string(),
			reason: z.string(),
			status: z.string(),
			createdAt: z.string()
		})
	),
	moderation: list(
		z.object({
			action: z.string(),
			targetType: z.string(),
			reason: z.string(),
			createdAt: z.string()
		})
	),
	coordinatorWork: z.object({
		invitationsSent: count,
		moderationActions: count,
		reportsHandled: count
	})
});

const mantelzorg = z.object({
	applications: list(
		z.object({
			id: z.uuid(),
			schemeYear: count,
			status: z.string(),
			district: z.string(),
			carerFirstName: z.string(),
			carerLastName: z.string(),
			carerBirthDate: z.string(),
			carerPostcode: z.string(),
			carerHouseNumber: z.string(),
			carerEmail: text,
			carerPhone: text,
			careRecipientName: z.string(),
			careRecipientPostcode: z.string(),
			careRelation: z.string(),
			hoursPerWeek: count,
			caringSince: z.string(),
			question: text,
			answer: text,
			decidedAt: text,
			rejectionReason: text,
			createdAt: z.string(),
			keptUntil: z.string(),
			callbackChecks: list(z.object({ drawnAt: z.string(), outcome: text, note: text })),
			history: list(z.object({ action: z.string(), createdAt: z.string() }))
		})
	),
	cheques: list(
		z.object({
			kind: z.string(),
			codeEndsWith: z.string(),
			valueCents: count,
			remainingCents: count,
			expiresOn: z.string(),
			status: z.string(),
			createdAt: z.string(),
			redemptions: list(
				z.object({
					createdAt: z.string(),
					amountCents: count,
					shop: z.string(),
					undoneAt: text
				})
			)
		})
	),
	shopsOwned: list(
		z.object({
			name: z.string(),
			kvkNumber: z.string(),
			streetAddress: z.string(),
			postcode: z.string(),
			city: z.string(),
			status: z.string(),
			iban: text,
			contactName: text,
			contactEmail: text,
			contactPhone: text
		})
	),
	shopMemberships: list(z.object({ shop: z.string(), since: z.string() })),
	shopInvitations: list(
		z.object({
			shop: z.string(),
			createdAt: z.string(),
			acceptedAt: text,
			withdrawnAt: text
		})
	),
	caseworkerDistricts: list(z.string()),
	staffWork: z.record(z.string(), count)
});

const buurthuizen = z.object({
	registrations: list(
		z.object({
			activityId: z.uuid(),
			activity: z.string(),
			communityCentre: z.string(),
			occursOn: z.string(),
			startsAt: z.string(),
			createdAt: z.string()
		})
	),
	staffWork: z.record(z.string(), count).default({})
});

const registerEntry = z.object({
	code: z.string(),
	name: z.string(),
	purpose: z.string(),
	legalBasis: z.string(),
	legalBasisDetail: z.string(),
	retention: z.string()
});
export type RegisterEntry = z.infer<typeof registerEntry>;

const exportRow = fromRow(
	z.object({
		ok: z.literal(true),
		generatedAt: z.string(),
		data: z.object({ platform, buurthulp, mantelzorg, buurthuizen }),
		register: z.array(registerEntry)
	})
);
export type MyData = z.infer<typeof exportRow>;

const refusalRow = z.object({
	ok: z.literal(false),
	reason: z.enum(['rate_limited', 'busy', 'not_signed_in', 'not_found'])
});

export type MyDataRefusal = z.infer<typeof refusalRow>['reason'];

export const MY_DATA_REFUSALS: Record<MyDataRefusal, string> = {
	rate_limited:
		'Je hebt je gegevens net vaak bekeken of gedownload. Probeer het over een paar minuten opnieuw.',
	busy: 'Het is nu erg druk. Probeer het over een minuut opnieuw.',
	not_signed_in: 'Log eerst in.',
	not_found: 'We vinden je account niet.'
};

export type MyDataKind = 'page' | 'json' | 'pdf';

async function exportMyData(supabase: RequestClient, kind: MyDataKind): Promise<unknown> {
	const { data, error } = await supabase.rpc('export_my_data', { p_kind: kind });
	if (error) throw new Error(`export_my_data: ${error.code} ${error.message}`);
	return data;
}

/** Parsed for the page and the PDF; a refusal (a limit) is an answer, not an error. */
export async function loadMyData(
	supabase: RequestClient,
	kind: MyDataKind
): Promise<{ ok: true; data: MyData } | { ok: false; reason: MyDataRefusal }> {
	const raw = await exportMyData(supabase, kind);
	const refusal = refusalRow.safeParse(raw);
	if (refusal.success) return { ok: false, reason: refusal.data.reason };
	return { ok: true, data: exportRow.parse(raw) };
}

/** The machine-readable export (AVG art. 20): as the database wrote it, snake_case keys. */
export async function loadMyDataJson(
	supabase: RequestClient
): Promise<{ ok: true; json: Record<string, unknown> } | { ok: false; reason: MyDataRefusal }> {
	const raw = await exportMyData(supabase, 'json');
	const refusal = refusalRow.safeParse(raw);
	if (refusal.success) return { ok: false, reason: refusal.data.reason };
	return { ok: true, json: z.record(z.string(), z.unknown()).parse(raw) };
}
