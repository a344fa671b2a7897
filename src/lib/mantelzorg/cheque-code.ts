// Cheque codes: 16 Crockford base32 characters, 15 random (75 bits) and 1 check character,
// stored normalised ("7K3MQ2XR9PTB4W1C") and shown as 4 groups of 4 ("7K3M Q2XR 9PTB 4W1C").
//
// The check character: read the 15 payload characters as digits d0..d14 (0..31) and sum
// d_i · α^(15-i) in GF(32), the field built on x^5 + x^2 + 1 with α = x. Horner-style, that is
// h := (h xor d) · α for each digit, where multiplying by α is a left shift that, when bit 5 is
// set, xors with 0b100101. The check character's own weight is α^0 = 1; all 16 weights are
// distinct and non-zero (α has order 31), so every single wrong character and every swap of two
// different characters, adjacent or not (the check character included), changes the sum.
// supabase/migrations/*_mantelzorg.sql (cheque_check_character) computes the same; a test compares.

export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 16;
const PAYLOAD_LENGTH = CODE_LENGTH - 1;

const digit = (char: string) => ALPHABET.indexOf(char);

/** The check character for 15 payload characters of the alphabet; throws on anything else. */
export function checkCharacter(payload: string): string {
	if (payload.length !== PAYLOAD_LENGTH) throw new Error('payload must be 15 characters');
	let h = 0;
	for (const char of payload) {
		const d = digit(char);
		if (d < 0) throw new Error('payload holds a character outside the alphabet');
		h = (h ^ d) << 1;
		if (h >= 32) h ^= 0b100101;
	}
	return ALPHABET[h] as string;
}

/** A new code from 75 bits of the platform's cryptographic random source (or the bytes given). */
export function generate(
	randomBytes: (length: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))
): string {
	// 256 is a multiple of 32, so the low 5 bits of a random byte are uniform.
	const bytes = randomBytes(PAYLOAD_LENGTH);
	const payload = Array.from(bytes, (b) => ALPHABET[b & 31]).join('');
	return payload + checkCharacter(payload);
}

/**
 * What a person typed, as stored: spaces and hyphens gone, upper case, O read as 0 and I/L as 1.
 * Does not check the result; see isValid.
 */
export function normalise(input: string): string {
	return input.replace(/[\s-]/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** True for 16 characters of the alphabet (after normalising) ending in the right check character. */
export function isValid(input: string): boolean {
	const code = normalise(input);
	if (code.length !== CODE_LENGTH || [...code].some((c) => digit(c) < 0)) return false;
	return checkCharacter(code.slice(0, PAYLOAD_LENGTH)) === code[PAYLOAD_LENGTH];
}

/** The code in 4 groups of 4, for screens and letters. */
export function format(code: string): string {
	return (normalise(code).match(/.{1,4}/g) ?? []).join(' ');
}
