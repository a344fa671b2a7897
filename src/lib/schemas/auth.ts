// Sign-up, sign-in and password forms. Messages are Dutch and say what to do, not what went wrong.
import { z } from 'zod';

const email = z
	.string({ error: 'Vul je e-mailadres in.' })
	.trim()
	.toLowerCase()
	.min(1, 'Vul je e-mailadres in.')
	.pipe(z.email('Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.'));

/** Long enough to resist guessing; no composition rules (NCSC advice). */
const newPassword = z
	.string({ error: 'Kies een wachtwoord.' })
	.min(10, 'Kies een wachtwoord van minstens 10 tekens.')
	.max(72, 'Kies een wachtwoord van hoogstens 72 tekens.');

export const signUpSchema = z
	.object({
		displayName: z
			.string({ error: 'Vul je naam in.' })
			.trim()
			.min(1, 'Vul je naam in.')
			.max(80, 'Gebruik hoogstens 80 tekens voor je naam.'),
		email,
		password: newPassword,
		passwordConfirm: z.string({ error: 'Herhaal je wachtwoord.' }).min(1, 'Herhaal je wachtwoord.')
	})
	.refine((v) => v.password === v.passwordConfirm, {
		message: 'De twee wachtwoorden zijn niet hetzelfde.',
		path: ['passwordConfirm']
	});

export const signInSchema = z.object({
	email,
	password: z.string({ error: 'Vul je wachtwoord in.' }).min(1, 'Vul je wachtwoord in.')
});

export const emailOnlySchema = z.object({ email });

export const codeSchema = z.object({
	email,
	code: z
		.string({ error: 'Vul de code uit de e-mail in.' })
		.trim()
		.regex(/^\d{6}$/, 'De code bestaat uit 6 cijfers.')
});

export const newPasswordSchema = z
	.object({
		password: newPassword,
		passwordConfirm: z.string({ error: 'Herhaal je wachtwoord.' }).min(1, 'Herhaal je wachtwoord.')
	})
	.refine((v) => v.password === v.passwordConfirm, {
		message: 'De twee wachtwoorden zijn niet hetzelfde.',
		path: ['passwordConfirm']
	});

// Browsers drop tabs and newlines inside URLs and read a backslash as a slash, so "/<tab>/evil" and
// "/\evil" both mean //evil; and a control character in a Location header makes Node throw (a 500).
const unsafeInPath = (value: string) =>
	[...value].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f' || c === '\\');
const SAME_SITE = 'https://buurtkracht.invalid';

/** Where to go after signing in: only paths on this site, never another origin. */
export function safeRedirectPath(value: string | null | undefined, fallback = '/'): string {
	if (!value || !value.startsWith('/') || value.startsWith('//') || unsafeInPath(value)) {
		return fallback;
	}
	let resolved: URL;
	try {
		resolved = new URL(value, SAME_SITE);
	} catch {
		return fallback;
	}
	// What the browser would do with the value decides, not how it looks: "/.//evil" resolves to
	// the path //evil, which a Location header would send to another host.
	const path = resolved.pathname + resolved.search + resolved.hash;
	if (resolved.origin !== SAME_SITE || path.startsWith('//')) return fallback;
	return path;
}
