import { describe, expect, it } from 'vitest';
import { mantelzorgErrorMessage } from './errors';

// The same raised exception as PostgREST, the embedded Supabase on PGlite and on PostgreSQL send it.
const shapes = (message: string) => [
	{ code: 'P0001', message },
	{ code: 'SUP', message: `error: ${message}` },
	{ code: 'SUP', message: `PostgresError: ${message}` }
];

describe('Mantelzorgwaardering errors', () => {
	it.each(shapes('application_window_closed'))('explain a closed window in %o', (error) => {
		expect(mantelzorgErrorMessage(error)).toMatch(/aanvraagperiode is gesloten/);
	});

	it.each(shapes('not_eligible_hours: 8'))('name the scheme’s minimum in %o', (error) => {
		expect(mantelzorgErrorMessage(error)).toBe(
			'Je kunt aanvragen als je minstens 8 uur per week zorgt.'
		);
	});

	it('never show a raw message', () => {
		expect(mantelzorgErrorMessage({ message: 'relation "public.x" does not exist' })).toBe(
			'Er ging iets mis bij het opslaan. Probeer het later opnieuw.'
		);
	});
});
