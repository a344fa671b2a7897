// What export_buurthulp_data holds about a person, as "Mijn gegevens" reads it.
import { z } from 'zod';
import { count, list, text } from './my-data-shape';

export const buurthulp = z.object({
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
