import { describe, expect, it } from 'vitest';
import { SHORT_CODE, shortCode } from './short-code';

describe('shortCode', () => {
	it('is the first 8 hex digits of the id, in capitals', () => {
		expect(shortCode('3f2a9c1b-1234-4abc-8def-0123456789ab')).toBe('3F2A9C1B');
		expect(SHORT_CODE.test('3f2a9c1b')).toBe(true);
		expect(SHORT_CODE.test('3F2A9C1')).toBe(false);
		expect(SHORT_CODE.test('3F2A9C1G')).toBe(false);
	});
});
