import { describe, expect, it } from 'vitest';
import { dbErrorMessage, errorKey } from './db-errors';
import { helpErrorMessage } from './buurthulp/errors';

// The same raised exception as PostgREST, the embedded Supabase on PGlite and on PostgreSQL send it.
const shapes = (message: string) => [
	{ code: 'P0001', message },
	{ code: 'SUP', message: `error: ${message}` },
	{ code: 'SUP', message: `PostgresError: ${message}` }
];

describe('database errors', () => {
	it.each(shapes('already_granted'))('finds the key in %o', (error) => {
		expect(errorKey(error)).toBe('already_granted');
		expect(dbErrorMessage(error)).toBe('Deze persoon heeft deze rol al.');
	});

	it.each(shapes('rate_limited: 20 per 1 hour'))('says how often in %o', (error) => {
		expect(helpErrorMessage(error, 'responses')).toBe(
			'Je hebt in korte tijd op veel hulpvragen gereageerd. Dat kan hoogstens 20 keer per uur. Probeer het later opnieuw.'
		);
	});

	it('never shows a raw message, whatever the database said', () => {
		const raw = { code: 'XX000', message: 'relation "public.secret" does not exist' };
		expect(dbErrorMessage(raw)).toBe(
			'Er ging iets mis bij het opslaan. Probeer het later opnieuw.'
		);
	});
});
