import { describe, expect, it } from 'vitest';
import { authErrorMessage, codeErrorMessage, WRONG_CODE } from './auth-errors.ts';

describe('codeErrorMessage', () => {
	it('says a typed code is wrong or expired, not that a link was used', () => {
		// What the embedded Supabase answers for a wrong code.
		const wrong = { code: 'otp_expired', message: 'Email link is invalid or has expired' };
		expect(codeErrorMessage(wrong)).toBe(WRONG_CODE);
		expect(codeErrorMessage(wrong)).not.toMatch(/link/);
		// Hosted Supabase's wording.
		expect(codeErrorMessage({ message: 'Token has expired or is invalid' })).toBe(WRONG_CODE);
	});

	it('keeps other messages as they are', () => {
		const limited = { code: 'over_request_rate_limit', message: 'Too many requests' };
		expect(codeErrorMessage(limited)).toBe(authErrorMessage(limited));
	});
});
