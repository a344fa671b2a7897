// What export_mantelzorg_data and export_buurthuizen_data hold about a person, as "Mijn gegevens"
// reads it.
import { z } from 'zod';
import { count, list, text } from './my-data-shape';

export const mantelzorg = z.object({
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

export const buurthuizen = z.object({
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
