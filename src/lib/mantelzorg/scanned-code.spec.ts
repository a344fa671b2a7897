import { describe, expect, it } from 'vitest';
import { codeFromScan } from './scanned-code';

describe('codeFromScan', () => {
	it('reads a bare code, a grouped code and a link ending in the code', () => {
		expect(codeFromScan('ABCD EFGH JKMN PQR5')).toBe('ABCDEFGHJKMNPQR5');
		expect(codeFromScan('abcd-efgh-jkmn-pqr5')).toBe('ABCDEFGHJKMNPQR5');
		expect(codeFromScan('https://buurtkracht.example/mantelzorg/cheque/ABCDEFGHJKMNPQR5')).toBe(
			'ABCDEFGHJKMNPQR5'
		);
	});
	it('refuses text without a 16-character code', () => {
		expect(codeFromScan('hello')).toBeNull();
		expect(codeFromScan('ABCDEFGHJKMNPQR5X')).toBeNull();
		expect(codeFromScan('ABCDEFGHJKMNPQRU')).toBeNull();
	});
});
