import { describe, expect, it } from 'vitest';
import { pointsCsv, type CentrePoints } from './points';

const centre: CentrePoints = {
	centreId: '11111111-1111-4111-8111-111111111111',
	centreName: 'Buurthuis De Lorzie',
	districtName: 'Wormerveer',
	activities: 1,
	occurrences: 4,
	points: 20,
	lines: [
		{
			centreId: '11111111-1111-4111-8111-111111111111',
			centreSlug: 'de-lorzie',
			centreName: 'Buurthuis De Lorzie',
			districtName: 'Wormerveer',
			activityId: '22222222-2222-4222-8222-222222222222',
			activityTitle: '=HYPERLINK("x"); koffie',
			socialGoalTitle: 'Eenzaamheid',
			pointsPerOccurrence: 5,
			occurrences: 4,
			points: 20
		}
	]
};

describe('pointsCsv', () => {
	it('writes totals per buurthuis and lines per activity, safe for spreadsheets', () => {
		const lines = pointsCsv([centre], '2027-01-01', '2027-03-31').split('\r\n');
		expect(lines[0]).toBe('\uFEFFPeriode;2027-01-01 t/m 2027-03-31');
		expect(lines[3]).toBe('Buurthuis De Lorzie;Wormerveer;1;4;20');
		expect(lines[6]).toBe('Buurthuis De Lorzie;"\'=HYPERLINK(""x""); koffie";Eenzaamheid;5;4;20');
	});
});
