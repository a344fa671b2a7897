// Translates errors from the database (raised by our SQL functions or by constraints) into Dutch
// sentences for people. Raw messages never reach the page: they can name tables and columns.

export interface DbError {
	message?: string;
	code?: string;
	details?: string | null;
}

const FORBIDDEN = 'Dit mag je niet doen met jouw account.';

const KNOWN: Record<string, string> = {
	forbidden: FORBIDDEN,
	not_signed_in: 'Log eerst in.',
	district_not_found: 'Kies een wijk uit de lijst.',
	person_not_found:
		'Er is geen account met dit e-mailadres in deze gemeente. Vraag de persoon eerst een account te maken.',
	already_granted: 'Deze persoon heeft deze rol al.',
	cannot_revoke_own_admin:
		'Je kunt je eigen beheerdersrol niet intrekken. Vraag een andere beheerder om dit te doen.',
	membership_not_found: 'Deze rol bestaat niet (meer).',
	too_long: 'Een van de teksten is te lang. Maak hem korter en probeer het opnieuw.',
	search_too_long: 'Je zoekopdracht is te lang. Zoek met minder woorden (hoogstens 20).'
};

const GENERIC = 'Er ging iets mis bij het opslaan. Probeer het later opnieuw.';

/**
 * The message as raised in SQL. The embedded Supabase prefixes raised messages with "error: " on
 * PGlite and "PostgresError: " on PostgreSQL (README, Known differences); PostgREST sends it bare.
 */
export function bareMessage(error: DbError | null | undefined): string {
	return (error?.message ?? '').replace(/^(postgres)?error:\s*/i, '');
}

/** The first word of a raised exception is its key, e.g. 'rate_limited: 10 per 1 hour'. */
export function errorKey(error: DbError | null | undefined): string {
	return bareMessage(error).split(/[:\s]/, 1)[0] ?? '';
}

export function dbErrorMessage(
	error: DbError | null | undefined,
	extra: Record<string, string> = {}
): string {
	const key = errorKey(error);
	const known = extra[key] ?? KNOWN[key];
	if (known) return known;
	if (error?.code === '23505') return 'Dit bestaat al.';
	if (error?.code === '23514' || error?.code === '22023') {
		return 'Een van de gegevens klopt niet. Controleer het formulier.';
	}
	if (error?.code === '42501') return FORBIDDEN;
	return GENERIC;
}
