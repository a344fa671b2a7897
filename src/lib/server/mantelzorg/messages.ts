// Database errors of the Mantelzorgwaardering SQL functions as Dutch sentences (B1), for the
// carer, consulent and beheer pages. Unknown errors fall back to db-errors.ts.
import { bareMessage, dbErrorMessage, errorKey, type DbError } from '../db-errors';

const CARER_ERRORS: Record<string, string> = {
	application_window_closed:
		'Aanvragen kan nu niet: de aanvraagperiode is gesloten. Kijk op deze pagina wanneer je weer kunt aanvragen, of vraag het sociaal wijkteam.',
	consent_required: 'Vink aan dat je toestemming geeft.',
	invalid_postcode: 'Een van de postcodes klopt niet. Vul een postcode in zoals 1506 AB.',
	invalid_birth_date: 'De geboortedatum klopt niet.',
	invalid_caring_since: 'De datum waarop je begon met zorgen klopt niet.',
	application_exists:
		'Je hebt voor deze persoon dit jaar al een aanvraag gedaan. Je ziet hem bij "Mijn aanvraag en cheque".',
	postcode_not_in_municipality:
		'Deze postcode ligt niet in onze gemeente. Alleen inwoners van de gemeente kunnen aanvragen.',
	district_required: 'Deze postcode ligt in meer wijken. Kies je wijk.',
	postcode_not_in_district:
		'Deze postcode hoort niet bij de wijk die je koos. Kies een andere wijk.',
	district_not_found: 'Kies een wijk uit de lijst.',
	application_not_open: 'Over deze aanvraag is al besloten.',
	already_approved: 'Deze aanvraag is al goedgekeurd.',
	question_open: 'Er staat nog een vraag open. Wacht op het antwoord, of schrijf het antwoord op.',
	question_required: 'Schrijf je vraag op (minstens 3 tekens).',
	no_open_question: 'Er staat geen vraag open.',
	answer_required: 'Schrijf je antwoord op.',
	reason_required: 'Schrijf de reden op (minstens 3 tekens).',
	budget_exhausted:
		'Het budget van de regeling is op. Neem contact op met de beheerder van de gemeente.',
	cheque_not_active: 'Deze cheque is al stopgezet.',
	cheque_used_up: 'Op deze cheque staat niets meer. Er is niets om opnieuw uit te geven.',
	cheque_expired: 'Deze cheque is verlopen. Er is niets om opnieuw uit te geven.',
	scheme_ended: 'De regeling van deze aanvraag is afgelopen.',
	invalid_sample_size: 'Kies een steekproef van 1 tot 200 aanvragen.',
	invalid_outcome: 'Kies een uitkomst.',
	rate_limited: 'Je hebt in korte tijd veel aanvragen gedaan. Probeer het later opnieuw.'
};

export function carerErrorMessage(error: DbError | null | undefined): string {
	const key = errorKey(error);
	const message = bareMessage(error);
	if (key === 'not_eligible_hours') {
		const min = /(\d+)/.exec(message)?.[1] ?? '8';
		return `Je kunt aanvragen als je minstens ${min} uur per week zorgt.`;
	}
	if (key === 'not_eligible_months') {
		const min = /(\d+)/.exec(message)?.[1] ?? '3';
		return `Je kunt aanvragen als je al minstens ${min} maanden zorgt.`;
	}
	return dbErrorMessage(error, CARER_ERRORS);
}

/** The key of an error that belongs to one form field, so the page can show it there. */
export const FIELD_OF_ERROR: Record<string, string> = {
	district_required: 'districtId',
	postcode_not_in_district: 'districtId',
	postcode_not_in_municipality: 'postcode',
	not_eligible_hours: 'hoursPerWeek',
	not_eligible_months: 'caringSince',
	invalid_birth_date: 'birthDate',
	consent_required: 'consent'
};
