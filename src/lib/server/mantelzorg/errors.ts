// Database errors of the Mantelzorgwaardering SQL functions as Dutch sentences (B1), in one place.
// Anything unknown falls back to the general translations in db-errors.ts.
import { bareMessage, dbErrorMessage, errorKey, type DbError } from '../db-errors';

const CARER_ERRORS: Record<string, string> = {
	forbidden: 'Dit mag je niet doen met jouw account.',
	not_signed_in: 'Log eerst in.',
	entered_by_you:
		'Jij hebt deze aanvraag ingevoerd. Een andere consulent of de beheerder keurt hem goed (vier-ogenprincipe).',
	application_window_closed:
		'Je kunt nu geen mantelzorgwaardering aanvragen: de aanvraagperiode is gesloten. Kijk op de pagina Mantelzorgwaardering wanneer de volgende periode begint.',
	consent_required: 'Geef toestemming om je gegevens te gebruiken voor de aanvraag.',
	invalid_postcode: 'Vul een postcode in zoals 1506 AB.',
	invalid_address: 'Vul de straat en de woonplaats allebei in.',
	invalid_birth_date: 'Vul een geboortedatum in het verleden in.',
	invalid_caring_since: 'Vul in sinds wanneer je zorgt. Dat kan niet in de toekomst zijn.',
	postcode_not_in_district:
		'Deze postcode hoort niet bij de wijk die je koos. Controleer de postcode en de wijk.',
	postcode_not_in_municipality:
		'Deze postcode hoort niet bij onze gemeente. Controleer de postcode.',
	district_required: 'Kies de wijk waar de mantelzorger woont.',
	district_not_found: 'Kies een wijk uit de lijst.',
	application_exists:
		'Je hebt al een aanvraag voor deze persoon. Op de pagina Mijn mantelzorg zie je hoe het ermee staat.',
	application_not_open: 'Over deze aanvraag is al besloten.',
	question_required: 'Schrijf je vraag op (minstens 3 tekens).',
	question_open:
		'Er staat nog een vraag open. Wacht op het antwoord voordat je de aanvraag goedkeurt.',
	no_open_question: 'Er staat geen vraag open bij deze aanvraag.',
	answer_required: 'Schrijf je antwoord op.',
	scheme_ended: 'De regeling van deze aanvraag is afgelopen. Er kan geen cheque meer bij.',
	budget_exhausted:
		'Het budget van de regeling is op. Neem contact op met de beheerder van de regeling.',
	already_approved:
		'Deze mantelzorger heeft voor deze persoon al een goedgekeurde aanvraag in deze regeling.',
	reason_required: 'Schrijf kort op waarom (minstens 3 tekens).',
	cheque_not_active: 'Deze cheque is al geblokkeerd.',
	cheque_expired: 'Deze cheque is verlopen. Hij kan niet meer opnieuw worden uitgegeven.',
	cheque_used_up:
		'Deze cheque is helemaal gebruikt. Er is niets meer over om opnieuw uit te geven.',
	invalid_code: 'Deze code klopt niet. Controleer de code en probeer het opnieuw.',
	invalid_sample_size: 'Kies een steekproef van 1 tot 200 aanvragen.',
	invalid_outcome: 'Kies de uitkomst van het gesprek.',
	invalid_letter: 'Kies welke brieven geprint zijn.',
	rate_limited: 'Je hebt in korte tijd veel aanvragen gedaan. Probeer het morgen opnieuw.'
};

export function mantelzorgErrorMessage(error: DbError | null | undefined): string {
	const key = errorKey(error);
	// 'not_eligible_hours: 8' names the scheme's minimum.
	const minimum = /:\s*(\d+)/.exec(bareMessage(error))?.[1];
	if (key === 'not_eligible_hours') {
		return `Je kunt aanvragen als je minstens ${minimum ?? 8} uur per week zorgt.`;
	}
	if (key === 'not_eligible_months') {
		return `Je kunt aanvragen als je al minstens ${minimum ?? 3} maanden zorgt.`;
	}
	return dbErrorMessage(error, CARER_ERRORS);
}
