// Mantelzorgwaardering's closed value lists. They are defined once, as Postgres enums in the
// Mantelzorgwaardering migration, and reach TypeScript through the generated types
// (Constants.public.Enums); this file only names them for the area. Dutch labels: labels.ts.
import { z } from 'zod';
import { Constants } from '#lib/database.types';

const { Enums } = Constants.public;

export const APPLICATION_STATUSES = Enums.application_status;
export const CARE_RELATIONS = Enums.care_relation;
export const CHEQUE_KINDS = Enums.cheque_kind;
export const CHEQUE_STATUSES = Enums.cheque_status;
export const CALLBACK_OUTCOMES = Enums.callback_outcome;
export const REIMBURSEMENT_SCHEDULES = Enums.reimbursement_schedule;

export const applicationStatus = z.enum(APPLICATION_STATUSES);
export const careRelation = z.enum(CARE_RELATIONS);
export const chequeKind = z.enum(CHEQUE_KINDS);
export const chequeStatus = z.enum(CHEQUE_STATUSES);
export const callbackOutcome = z.enum(CALLBACK_OUTCOMES);
export const reimbursementSchedule = z.enum(REIMBURSEMENT_SCHEDULES);

export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export type CareRelation = (typeof CARE_RELATIONS)[number];
export type ChequeKind = (typeof CHEQUE_KINDS)[number];
export type ChequeStatus = (typeof CHEQUE_STATUSES)[number];
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];
export type ReimbursementSchedule = (typeof REIMBURSEMENT_SCHEDULES)[number];

/** The queue's fraud signals (caseworker_queue, application_file: signal_flags in SQL). */
export const SIGNAL_FLAGS = [
	'same_carer',
	'many_carers_for_recipient',
	'many_from_address'
] as const;
export const signalFlag = z.enum(SIGNAL_FLAGS);
export type SignalFlag = (typeof SIGNAL_FLAGS)[number];
