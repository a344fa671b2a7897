// Database errors of the Buurthuizen SQL functions as Dutch sentences (B1). Anything unknown falls
// back to the general translations in db-errors.ts.
import { CENTRE_ARCHIVED } from '#lib/buurthuizen/labels';
import { dbErrorMessage, errorKey, type DbError } from '../db-errors';

const ACTIVITY_ERRORS: Record<string, string> = {
	forbidden: 'Alleen het bestuur van dit buurthuis mag dit doen.',
	activity_not_found: 'Deze activiteit bestaat niet (meer).',
	centre_archived: CENTRE_ARCHIVED,
	occurrence_not_found: 'Op deze datum is deze activiteit er niet. Kies een andere datum.',
	activity_cancelled: 'Deze activiteit gaat niet door. Aanmelden kan niet meer.',
	activity_full: 'Deze activiteit is vol. Kies een andere datum.',
	already_registered: 'Je bent al aangemeld voor deze datum.',
	no_registration_needed: 'Voor deze activiteit hoef je je niet aan te melden. Je bent welkom.',
	account_blocked: 'Je account is geblokkeerd. Neem contact op met de gemeente.',
	invalid_times: 'Kies een eindtijd na de begintijd, op dezelfde dag.',
	invalid_repeat_until:
		'Kies een einddatum voor de herhaling na de eerste datum (hoogstens 5 jaar later).',
	invalid_cost: 'Vul een bedrag in tussen € 0 en € 1000.',
	invalid_max_participants: 'Vul een maximum aantal deelnemers in tussen 1 en 1000.',
	max_below_registered: 'Er zijn al meer mensen aangemeld dan dit maximum. Kies een hoger aantal.',
	social_goal_not_found: 'Kies een doel van de wijk van dit buurthuis.',
	invalid_category: 'Kies een soort activiteit uit de lijst.',
	invalid_audience: 'Kies voor wie de activiteit is.',
	invalid_recurrence: 'Kies of de activiteit één keer is of elke week.',
	title_too_short: 'Geef de activiteit een naam van minstens 3 tekens.',
	period_too_long: 'Kies een kortere periode (hoogstens een jaar).',
	rate_limited: 'Je hebt je in korte tijd heel vaak aangemeld. Probeer het later opnieuw.',
	goal_not_found: 'Dit doel van de wijk bestaat niet (meer).',
	starts_in_past:
		'Kies een datum vanaf vandaag. Een activiteit in het verleden kun je niet plaatsen.',
	series_started:
		'Deze activiteit is al begonnen: de eerste datum, de begintijd en de herhaling liggen vast, en de einddatum kan niet voor vandaag liggen. Wil je vanaf nu iets anders? Laat de reeks eindigen en maak een kopie met de nieuwe datum.',
	max_without_registration:
		'Zet "Aanmelden is nodig" aan, of laat het maximum leeg. Zonder aanmelden telt niemand hoeveel mensen er komen.',
	period_closed:
		'De punten van deze periode zijn al vastgesteld door de gemeente. Aan deze datum kan niets meer veranderen.',
	period_not_over: 'Een periode kan pas worden afgesloten als hij voorbij is.',
	period_overlaps:
		'Deze periode overlapt met een periode die al is afgesloten. Kies andere datums.',
	invalid_period: 'Kies een begindatum voor de einddatum (hoogstens twee jaar).',
	not_weekly: 'Alleen een week van een wekelijkse activiteit kan een andere datum of tijd krijgen.',
	nothing_changed: 'Dat is dezelfde datum en tijd als het al was. Kies een andere datum of tijd.',
	occurrence_moved:
		'Deze week is verplaatst naar een andere datum. De aanmeldingen staan daar. Annuleer die datum als hij niet doorgaat.'
};

/** The field of the board's activity form a refusal is about, to show it next to that field. */
const ACTIVITY_ERROR_FIELDS: Record<string, string> = {
	starts_in_past: 'date',
	series_started: 'date',
	invalid_times: 'endTime',
	invalid_repeat_until: 'repeatUntil',
	invalid_cost: 'cost',
	invalid_max_participants: 'maxParticipants',
	max_below_registered: 'maxParticipants',
	max_without_registration: 'maxParticipants',
	social_goal_not_found: 'socialGoalId',
	title_too_short: 'title'
};

export const activityErrorField = (error: DbError | null | undefined): string | undefined =>
	ACTIVITY_ERROR_FIELDS[errorKey(error)];

export function activityErrorMessage(error: DbError | null | undefined): string {
	return dbErrorMessage(error, ACTIVITY_ERRORS);
}

export const isActivityError = (error: DbError | null | undefined, key: string) =>
	errorKey(error) === key;
