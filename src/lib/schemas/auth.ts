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

/** Where to go after signing in: only paths on this site, never another origin. */
export function safeRedirectPath(value: string | null | undefined, fallback = '/'): string {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
		return fallback;
	}
	return value;
}
