import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { camelizeKeys, camelKey, fromRow } from './rows';

describe('camelKey', () => {
	it('turns snake_case into camelCase and leaves camelCase alone', () => {
		expect(camelKey('district_name')).toBe('districtName');
		expect(camelKey('my_district_ids')).toBe('myDistrictIds');
		expect(camelKey('id')).toBe('id');
		expect(camelKey('alreadyCamel')).toBe('alreadyCamel');
	});
});

describe('camelizeKeys', () => {
	it('renames keys at every depth, in arrays too, but not values', () => {
		expect(
			camelizeKeys({
				request_id: 'r',
				items: [{ day_part: 'any', recurrence: 'every_two_weeks' }],
				target: { author_name: null },
				empty: []
			})
		).toEqual({
			requestId: 'r',
			items: [{ dayPart: 'any', recurrence: 'every_two_weeks' }],
			target: { authorName: null },
			empty: []
		});
	});

	it('passes scalars and null through', () => {
		expect(camelizeKeys(null)).toBeNull();
		expect(camelizeKeys('a_b')).toBe('a_b');
		expect(camelizeKeys(3)).toBe(3);
	});
});

describe('fromRow', () => {
	it('parses a snake_case row with a camelCase schema, typed', () => {
		const schema = fromRow(
			z.object({ displayName: z.string(), homeDistrictId: z.uuid().nullable() })
		);
		const parsed = schema.parse({ display_name: 'An', home_district_id: null });
		expect(parsed).toEqual({ displayName: 'An', homeDistrictId: null });
		expect(() => schema.parse({ displayName: 1 })).toThrow();
	});

	it('keeps null for a nullable page', () => {
		expect(fromRow(z.object({ id: z.string() }).nullable()).parse(null)).toBeNull();
	});
});
