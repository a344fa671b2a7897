import { describe, expect, it } from 'vitest';
import { accessLines, accessSummary } from './accessibility';

describe('accessLines', () => {
	it('names the OSM tags in order and says when nothing is known', () => {
		const lines = accessLines({
			wheelchair: 'limited',
			toiletsWheelchair: 'yes',
			hearingLoop: null,
			parking: 'no'
		});
		expect(lines.map((l) => l.tag)).toEqual([
			'wheelchair',
			'toilets:wheelchair',
			'hearing_loop',
			'parking'
		]);
		expect(lines[0]!.text).toMatch(/^Deels/);
		expect(lines[2]!.text).toBe('Nog niet bekend');
		expect(lines[3]!.text).toMatch(/^Nee/);
	});
});

describe('accessSummary', () => {
	it('is one short Dutch line', () => {
		expect(
			accessSummary({
				wheelchair: 'yes',
				toiletsWheelchair: 'no',
				hearingLoop: null,
				parking: null
			})
		).toBe('Rolstoel: ja · toilet rolstoel: nee · ringleiding: onbekend');
	});
});
