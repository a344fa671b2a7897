// The consulent's pages: the queue of their wijken with fraud signals, the file of one
// application, and the decisions on it (question, approval, rejection, a lost cheque).
import { z } from 'zod';
import type { RequestClient } from '../supabase';
import { fromRow } from '../rows';

const status = z.enum(['submitted', 'question_asked', 'approved', 'rejected']);

const queueRow = fromRow(
	z.object({
		districts: z.array(z.object({ id: z.uuid(), name: z.string() })),
		applications: z.array(
			z.object({
				id: z.uuid(),
				status,
				createdAt: z.string(),
				districtName: z.string(),
				carerFirstName: z.string(),
				carerLastName: z.string(),
				carerBirthDate: z.string(),
				hoursPerWeek: z.number(),
				enteredByCaseworker: z.boolean(),
				hasAccount: z.boolean(),
				flags: z.array(z.string())
			})
		)
	})
);
export type CaseworkerQueue = z.infer<typeof queueRow>;

export async function loadQueue(supabase: RequestClient): Promise<CaseworkerQueue> {
	const { data } = await supabase.rpc('caseworker_queue');
	const parsed = queueRow.safeParse(data);
	return parsed.success ? parsed.data : { districts: [], applications: [] };
}

/** The consulent's own wijken, for the form that enters an application for a carer. */
export async function loadMyDistricts(supabase: RequestClient, userId: string) {
	const { data } = await supabase
		.from('caseworker_districts')
		.select('districts(id, name)')
		.eq('user_id', userId);
	const parsed = z
		.array(z.object({ districts: z.object({ id: z.uuid(), name: z.string() }) }))
		.safeParse(data);
	return parsed.success
		? parsed.data.map((row) => row.districts).sort((a, b) => a.name.localeCompare(b.name, 'nl'))
		: [];
}

const fileRow = fromRow(
	z.object({
		application: z.object({
			id: z.uuid(),
			status,
			createdAt: z.string(),
			districtName: z.string(),
			carerFirstName: z.string(),
			carerLastName: z.string(),
			carerBirthDate: z.string(),
			age: z.number(),
			carerPostcode: z.string(),
			carerHouseNumber: z.string(),
			carerEmail: z.string().nullable(),
			carerPhone: z.string().nullable(),
			carerUserId: z.string().nullable(),
			careRecipientName: z.string(),
			careRecipientPostcode: z.string(),
			careRelation: z.string(),
			hoursPerWeek: z.number(),
			caringSince: z.string(),
			consentAt: z.string(),
			question: z.string().nullable(),
			questionAskedAt: z.string().nullable(),
			answer: z.string().nullable(),
			answeredAt: z.string().nullable(),
			decidedAt: z.string().nullable(),
			rejectionReason: z.string().nullable(),
			enteredByName: z.string().nullable(),
			decidedByName: z.string().nullable()
		}),
		scheme: z.object({
			year: z.number(),
			youngCarerMaxAge: z.number(),
			minHoursPerWeek: z.number(),
			minMonths: z.number()
		}),
		cheques: z.array(
			z.object({
				id: z.uuid(),
				kind: z.enum(['cheque', 'pluim']),
				code: z.string(),
				valueCents: z.number(),
				remainingCents: z.number(),
				expiresOn: z.string(),
				status: z.enum(['active', 'blocked']),
				letterNeeded: z.boolean(),
				letterPrintedAt: z.string().nullable()
			})
		),
		signals: z.object({
			sameCarer: z.number(),
			recipientCarers: z.number(),
			sameAddress: z.number()
		}),
		flags: z.array(z.string()),
		related: z.array(
			z.object({
				id: z.uuid(),
				status,
				createdAt: z.string(),
				carerFirstName: z.string(),
				carerLastName: z.string(),
				districtName: z.string()
			})
		)
	})
);
export type ApplicationFile = z.infer<typeof fileRow>;

/** Null when the application does not exist or is not in the consulent's wijken. */
export async function loadFile(
	supabase: RequestClient,
	applicationId: string
): Promise<ApplicationFile | null> {
	const { data, error } = await supabase.rpc('application_file', {
		p_application_id: applicationId
	});
	if (error) return null;
	const parsed = fileRow.safeParse(data);
	return parsed.success ? parsed.data : null;
}

// The decisions themselves are mz-core's writes; the pages import them from here with the reads.
export {
	answerQuestion as answerForCarer,
	approveApplication,
	askQuestion,
	rejectApplication
} from './applications';
export { blockAndReissueCheque as blockAndReissue } from './cheques';
