import { describe, expect, it } from 'vitest';
import { parseOpeningHours } from './opening-hours';

describe('parseOpeningHours', () => {
	it('reads ranges, lists and several times', () => {
		expect(
			parseOpeningHours('Mo-Fr 09:00-17:00; Tu,Th 19:00-22:00; Sa 10:00-12:00,13:00-15:00')
		).toEqual([
			{ days: 'maandag t/m vrijdag', times: '09:00 tot 17:00' },
			{ days: 'dinsdag en donderdag', times: '19:00 tot 22:00' },
			{ days: 'zaterdag', times: '10:00 tot 12:00 en 13:00 tot 15:00' }
		]);
		expect(parseOpeningHours('Mo,We,Fr 09:30-12:00')).toEqual([
			{ days: 'maandag, woensdag en vrijdag', times: '09:30 tot 12:00' }
		]);
	});

	it('gives up on what it does not read, rather than guessing', () => {
		expect(parseOpeningHours(null)).toBeNull();
		expect(parseOpeningHours('')).toBeNull();
		expect(parseOpeningHours('24/7')).toBeNull();
		expect(parseOpeningHours('Mo-Fr 09:00-17:00; PH off')).toBeNull();
		expect(parseOpeningHours('Fr-Mo 09:00-17:00')).toBeNull();
		expect(parseOpeningHours('Mo 9-17')).toBeNull();
	});
});
