// What the counter's scanner reads from a QR code: the cheque code itself, or a link ending in it.

/** The last run of exactly 16 Crockford characters in the text, normalised; else null. */
export function codeFromScan(text: string): string | null {
	const clean = text.toUpperCase().replace(/[\s-]/g, '');
	const match = clean.match(/(?<![0-9A-Z])[0-9A-HJKMNP-TV-Z]{16}(?![0-9A-Z])/g);
	return match ? (match[match.length - 1] ?? null) : null;
}
