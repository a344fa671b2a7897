import { describe, expect, it } from 'vitest';
import { todayInNl } from './fields';
import { cancelSchema, requestSchema } from './requests';

describe('cancelSchema', () => {
	// One click used to cancel a request for good.
	it('refuses a cancel without the tick that says you are sure', () => {
		expect(cancelSchema.safeParse({}).error?.issues[0]?.message).toBe(
			'Vink aan dat je de hulpvraag echt wilt annuleren.'
		);
		expect(cancelSchema.safeParse({ confirmed: 'on' }).success).toBe(false);
	});

	it('accepts the ticked box', () => {
		expect(cancelSchema.safeParse({ confirmed: 'yes' }).success).toBe(true);
	});
});

describe('requestSchema: the date fields that the "Wanneer?" choice needs', () => {
	const today = todayInNl();
	const base = {
		category: 'odd_jobs',
		title: 'Lamp ophangen',
		description: 'Ik kan niet meer op een trap.',
		districtId: '00000000-0000-4000-8000-000000000001',
		postcode: '1551 AB'
	};
	const problems = (input: Record<string, unknown>) =>
		requestSchema.safeParse({ ...base, ...input }).error?.issues.map((i) => [i.path[0], i.message]);

	// The form shows "Datum" only for "Op één dag"; a page without JavaScript may still send the
	// choice "Ergens tussen twee datums" without the second field: the answer asks for it there.
	it('asks for the date at its field for "Op één dag"', () => {
		expect(problems({ whenKind: 'date' })).toEqual([
			['startsOn', 'Vul de datum in, of kies "flexibel".']
		]);
	});

	it('asks for the last date at its field for "Ergens tussen twee datums"', () => {
		expect(problems({ whenKind: 'range', startsOn: today })).toEqual([
			['endsOn', 'Vul de laatste datum in.']
		]);
	});

	it('needs no date for "Flexibel", even when a date field was still sent empty', () => {
		expect(problems({ whenKind: 'flexible', startsOn: '', endsOn: '' })).toBeUndefined();
	});
});
