// Database errors of the Buurthulp SQL functions and triggers as Dutch sentences (B1). Shared by
// every Buurthulp page; anything unknown falls back to the general translations in db-errors.ts.
import { bareMessage, dbErrorMessage, errorKey, type DbError } from '../db-errors';

const HELP_ERRORS: Record<string, string> = {
	forbidden: 'Dit mag je niet doen met jouw account.',
	not_found: 'Deze hulpvraag of reactie bestaat niet (meer).',
	request_not_open:
		'Deze hulpvraag staat niet meer open. Misschien is er al een vrijwilliger gekozen, of is de vraag geannuleerd.',
	request_hidden:
		'Een buurtcoördinator heeft deze hulpvraag verborgen. Je kunt hem niet meer wijzigen. Neem contact op met een buurtcoördinator als je vragen hebt.',
	response_not_pending: 'Deze reactie is al afgehandeld.',
	volunteer_at_capacity:
		'Deze vrijwilliger helpt nu al zoveel mensen als hij of zij wil. Kies een andere reactie.',
	match_not_active: 'Deze afspraak is al afgerond of geannuleerd.',
	match_not_recurring: 'Deze hulp is maar één keer. Zet de afspraak op klaar als je geholpen bent.',
	reason_required: 'Schrijf kort op waarom (minstens 3 tekens).',
	cannot_block_self: 'Je kunt je eigen account niet blokkeren.',
	account_blocked:
		'Je account is geblokkeerd. Je kunt geen hulpvragen of reacties meer plaatsen. Neem contact op met een buurtcoördinator.',
	district_not_found: 'Kies een wijk uit de lijst.',
	resident_contact_required: 'Vul de naam en het telefoonnummer van de inwoner in.',
	not_signed_in: 'Log eerst in.',
	postcode_not_in_district:
		'Deze postcode hoort niet bij de wijk die je koos. Controleer je postcode en je wijk.',
	date_too_far: 'Kies een datum binnen een jaar vanaf vandaag.',
	volunteer_not_verified:
		'Deze hulpvraag is voor een inwoner die extra kwetsbaar is. Daarbij kan alleen een vrijwilliger helpen die de buurtcoördinator heeft gecontroleerd. Kies een gecontroleerde vrijwilliger.'
};

const RATE_LIMITED: Record<string, string> = {
	help_requests: 'Je hebt in korte tijd veel hulpvragen geplaatst.',
	help_offers: 'Je hebt in korte tijd veel aanbod geplaatst.',
	responses: 'Je hebt in korte tijd op veel hulpvragen gereageerd.',
	match_messages: 'Je hebt in korte tijd veel berichten gestuurd.',
	reports: 'Je hebt in korte tijd veel meldingen gedaan.'
};

/** 'rate_limited: 10 per 1 hour' → "… Je kunt er 10 per uur plaatsen. Probeer het later opnieuw." */
function rateLimitMessage(error: DbError & { hint?: string | null }, table?: string): string {
	// The trigger names the table in the hint; not every API passes hints on, so callers say too.
	const what =
		RATE_LIMITED[error.hint ?? ''] ??
		RATE_LIMITED[table ?? ''] ??
		'Je hebt dit in korte tijd te vaak gedaan.';
	const m = /^rate_limited:\s*(\d+)\s+per\s+(\d+)\s+(\w+)/.exec(bareMessage(error));
	if (!m) return `${what} Probeer het later opnieuw.`;
	const [, count, amount, unit] = m;
	const period =
		amount === '1'
			? ({ hour: 'uur', day: 'dag', minute: 'minuut' }[unit ?? ''] ?? unit)
			: `${amount} ${{ hours: 'uur', days: 'dagen', minutes: 'minuten' }[unit ?? ''] ?? unit}`;
	return `${what} Dat kan hoogstens ${count} keer per ${period}. Probeer het later opnieuw.`;
}

/**
 * A Dutch sentence for a database error. `table` names what was being written
 * ('help_requests', 'responses', 'match_messages', 'help_offers', 'reports'), for the rate-limit text.
 */
export function helpErrorMessage(
	error: (DbError & { hint?: string | null }) | null | undefined,
	table?: string
) {
	const key = errorKey(error);
	if (key === 'rate_limited' && error) return rateLimitMessage(error, table);
	return dbErrorMessage(error, HELP_ERRORS);
}

/** True for the row-level-security refusal of an insert (e.g. a blocked account, own request). */
export const isRlsRefusal = (error: DbError | null | undefined) => error?.code === '42501';
