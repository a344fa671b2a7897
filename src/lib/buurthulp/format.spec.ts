import { describe, expect, it } from 'vitest';
import { formatDuration, formatWhen, formatWhenDate } from './format';

describe('formatWhen', () => {
	it('says a planned request in Dutch, from the camelCase page data', () => {
		expect(
			formatWhen({
				whenKind: 'date',
				startsOn: '2026-11-24',
				endsOn: null,
				dayPart: 'morning',
				durationMinutes: 60,
				recurrence: 'once'
			})
		).toBe('Op dinsdag 24 november · ochtend · ongeveer 1 uur · eenmalig');
	});

	it('names a range and a flexible date', () => {
		expect(
			formatWhenDate({ whenKind: 'range', startsOn: '2026-11-24', endsOn: '2026-11-26' })
		).toBe('Tussen dinsdag 24 november en donderdag 26 november');
		expect(formatWhenDate({ whenKind: 'flexible', startsOn: null, endsOn: null })).toBe(
			'Datum is flexibel'
		);
	});

	it('writes durations as minutes or hours', () => {
		expect(formatDuration(30)).toBe('30 minuten');
		expect(formatDuration(90)).toBe('1,5 uur');
		expect(formatDuration(120)).toBe('2 uur');
	});
});
