import { describe, expect, it } from 'vitest';
import { formatOccurrenceWhen } from './occurrence-format';

describe('occurrence formatting', () => {
	it('shows Amsterdam times in Dutch', () => {
		expect(formatOccurrenceWhen('2026-12-09T09:00:00Z', '2026-12-09T10:30:00Z')).toBe(
			'wo 9 dec, 10:00–11:30'
		);
	});
});
