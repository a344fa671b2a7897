// Aanvragen after they are in: questions and answers, decisions, the consulent's queue and file.
// Applying is apply.ts, the carer's own page my-appreciation.ts. Every write is one SQL function,
// which checks who may; this module maps its errors to Dutch.
import { z } from 'zod';
import {
	applicationStatus,
	careRelation,
	chequeKind,
	chequeStatus,
	signalFlag
} from '#lib/mantelzorg/enums';
import { ok, refused, type WriteResult } from '../result';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';
import { mantelzorgErrorMessage } from './errors';

async function write(call: PromiseLike<{ error: { message?: string } | null }>) {
	const { error } = await call;
	return error ? refused(mantelzorgErrorMessage(error)) : ok();
}

export const askQuestion = (supabase: RequestClient, applicationId: string, question: string) =>
	write(supabase.rpc('ask_question', { p_application_id: applicationId, p_question: question }));

export const answerQuestion = (supabase: RequestClient, applicationId: string, answer: string) =>
	write(supabase.rpc('answer_question', { p_application_id: applicationId, p_answer: answer }));

export const rejectApplication = (supabase: RequestClient, applicationId: string, reason: string) =>
	write(supabase.rpc('reject_application', { p_application_id: applicationId, p_reason: reason }));

/** Approves and issues the cheque (or Pluim); returns the cheque's id. */
export async function approveApplication(
	supabase: RequestClient,
	applicationId: string
): Promise<WriteResult<string>> {
	const { data, error } = await supabase.rpc('approve_application', {
		p_application_id: applicationId
	});
	if (error || !data) return refused(mantelzorgErrorMessage(error));
	return ok(data);
}

// ---------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------

const signals = z.object({
	sameCarer: z.number().int(),
	recipientCarers: z.number().int(),
	sameAddress: z.number().int()
});

const caseworkerQueue = fromRow(
	z.object({
		districts: z.array(z.object({ id: z.uuid(), name: z.string() })),
		applications: z.array(
			z.object({
				id: z.uuid(),
				status: applicationStatus,
				createdAt: z.string(),
				decidedAt: z.string().nullable(),
				districtId: z.uuid(),
				districtName: z.string(),
				carerFirstName: z.string(),
				carerLastName: z.string(),
				carerBirthDate: z.string(),
				hoursPerWeek: z.number().int(),
				enteredByCaseworker: z.boolean(),
				enteredByMe: z.boolean(),
				hasAccount: z.boolean(),
				signals,
				flags: z.array(signalFlag)
			})
		)
	})
);
export type CaseworkerQueue = z.infer<typeof caseworkerQueue>;

/** Open applications of the consulent's wijken (and those decided in the last 30 days). */
export async function loadCaseworkerQueue(supabase: RequestClient): Promise<CaseworkerQueue> {
	const { data, error } = await supabase.rpc('caseworker_queue');
	if (error) throw new Error(`caseworker_queue: ${error.message}`);
	return caseworkerQueue.parse(data);
}

const chequeSummary = z.object({
	id: z.uuid(),
	kind: chequeKind,
	code: z.string(),
	valueCents: z.number().int(),
	remainingCents: z.number().int(),
	expiresOn: z.string(),
	status: chequeStatus,
	createdAt: z.string()
});

const applicationFile = fromRow(
	z.object({
		application: z.object({
			id: z.uuid(),
			status: applicationStatus,
			createdAt: z.string(),
			districtId: z.uuid(),
			districtName: z.string(),
			carerUserId: z.uuid().nullable(),
			carerFirstName: z.string(),
			carerLastName: z.string(),
			carerBirthDate: z.string(),
			age: z.number().int(),
			carerPostcode: z.string(),
			carerHouseNumber: z.string(),
			carerEmail: z.string().nullable(),
			carerPhone: z.string().nullable(),
			careRecipientName: z.string(),
			careRecipientPostcode: z.string(),
			careRelation,
			hoursPerWeek: z.number().int(),
			caringSince: z.string(),
			consentAt: z.string(),
			enteredByName: z.string().nullable(),
			question: z.string().nullable(),
			questionAskedAt: z.string().nullable(),
			answer: z.string().nullable(),
			answeredAt: z.string().nullable(),
			decidedAt: z.string().nullable(),
			decidedByName: z.string().nullable(),
			rejectionReason: z.string().nullable(),
			enteredByMe: z.boolean(),
			/** Why the reader may not approve it ('entered_by_you': four eyes), or null. */
			approvalRefusal: z.string().nullable()
		}),
		scheme: z.object({
			id: z.uuid(),
			year: z.number().int(),
			youngCarerMaxAge: z.number().int(),
			minHoursPerWeek: z.number().int(),
			minMonths: z.number().int()
		}),
		// Whether a cheque exists and its balance; its code is the carer's alone.
		cheques: z.array(
			chequeSummary.omit({ code: true }).extend({
				replacedBy: z.uuid().nullable(),
				letterNeeded: z.boolean(),
				letterPrintedAt: z.string().nullable()
			})
		),
		signals,
		flags: z.array(signalFlag),
		related: z.array(
			z.object({
				id: z.uuid(),
				status: applicationStatus,
				createdAt: z.string(),
				carerFirstName: z.string(),
				carerLastName: z.string(),
				districtName: z.string()
			})
		)
	})
);
export type ApplicationFile = z.infer<typeof applicationFile>;

/** Null when the application does not exist or is not this reader's (a 404 either way). Logged. */
export async function loadApplicationFile(
	supabase: RequestClient,
	applicationId: string
): Promise<ApplicationFile | null> {
	const { data, error } = await supabase.rpc('application_file', {
		p_application_id: applicationId
	});
	if (error) {
		if (/forbidden/.test(error.message)) return null;
		throw new Error(`application_file: ${error.message}`);
	}
	return applicationFile.parse(data);
}
