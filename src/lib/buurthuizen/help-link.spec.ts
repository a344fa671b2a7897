import { describe, expect, it } from 'vitest';
import { readHelpPrefill, transportHelpLink } from './help-link';

const activity = {
	title: 'Koffieochtend',
	centreName: 'Buurthuis De Lorzie',
	address: 'Lorzie 1, 1521 AA Wormerveer',
	districtId: '6F1E2D3C-0000-4000-8000-000000000001',
	occursOn: '2027-03-16',
	startTime: '10:00'
};

describe('the transport link between an activity and a help request', () => {
	it('round-trips date, wijk, category and text', () => {
		const url = new URL(transportHelpLink(activity), 'https://x.example');
		expect(url.pathname).toBe('/hulp/vraag/nieuw');
		expect(readHelpPrefill(url.searchParams, '2027-03-01')).toEqual({
			category: 'transport',
			whenKind: 'date',
			startsOn: '2027-03-16',
			districtId: '6f1e2d3c-0000-4000-8000-000000000001',
			title: 'Vervoer naar Koffieochtend',
			description: expect.stringContaining('Buurthuis De Lorzie, Lorzie 1, 1521 AA Wormerveer')
		});
	});

	it('leaves out a past date and odd values', () => {
		const params = new URLSearchParams({ categorie: 'klus', datum: '2020-01-01', wijk: 'x' });
		expect(readHelpPrefill(params, '2027-03-01')).toEqual({});
	});
});
