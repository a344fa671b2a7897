// The platform operator's forms: a municipality's settings, and inviting its first admin.
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { z } from 'zod';
import { isHostName, normalizeHost } from '#lib/tenancy/host';

/** The host names in a text field: one per line (or separated by spaces or commas). */
export const parseHostList = (text: string) =>
	text
		.split(/[\s,]+/)
		.map((h) => normalizeHost(h.replace(/^https?:\/\//i, '').replace(/\/.*$/, '')))
		.filter((h) => h !== '');

// Kept as text (the form shows it again as typed); the server splits it with parseHostList.
const hostList = z
	.string()
	.max(2000, 'Vul hoogstens 20 webadressen in.')
	.refine(
		(v) => parseHostList(v).length > 0,
		'Vul minstens één webadres in, zoals dordrecht.buurtkracht.nl.'
	)
	.refine((v) => parseHostList(v).length <= 20, 'Vul hoogstens 20 webadressen in.')
	.refine(
		(v) => parseHostList(v).every(isHostName),
		'Een van de webadressen klopt niet. Schrijf alleen de naam, zoals dordrecht.buurtkracht.nl.'
	);

const optionalText = (max: number, message: string) =>
	z.string().trim().max(max, message).default('');

const settingsFields = z.object({
	name: z.string().trim().min(2, 'Vul de naam van de gemeente in.').max(80, 'Hoogstens 80 tekens.'),
	hosts: hostList,
	coordinatorPhone: z
		.string()
		.trim()
		.regex(/^(\+?[0-9 ()-]{6,20})?$/, 'Vul een geldig telefoonnummer in, of laat het leeg.')
		.default(''),
	mailSenderName: optionalText(80, 'Hoogstens 80 tekens.'),
	payoutIban: z
		.string()
		.trim()
		.default('')
		.transform((v) => (v === '' ? '' : (electronicFormatIBAN(v) ?? v)))
		.refine(
			(v) => v === '' || isValidIBAN(v),
			'Dit IBAN klopt niet. Controleer het rekeningnummer.'
		),
	payoutAccountHolder: optionalText(70, 'Hoogstens 70 tekens.')
});

const holderWithIban = {
	check: (v: { payoutIban: string; payoutAccountHolder: string }) =>
		v.payoutIban === '' || v.payoutAccountHolder.length >= 2,
	error: { message: 'Vul de naam van de rekeninghouder in.', path: ['payoutAccountHolder'] }
};

export const municipalitySettingsSchema = settingsFields.refine(
	holderWithIban.check,
	holderWithIban.error
);

export const newMunicipalitySchema = settingsFields
	.extend({
		slug: z
			.string()
			.trim()
			.toLowerCase()
			.regex(
				/^[a-z0-9-]{2,40}$/,
				'Gebruik 2 tot 40 kleine letters, cijfers of streepjes, zoals "dordrecht".'
			)
	})
	.refine(holderWithIban.check, holderWithIban.error);

export const inviteAdminSchema = z.object({
	email: z
		.string({ error: 'Vul het e-mailadres in.' })
		.trim()
		.toLowerCase()
		.pipe(z.email('Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.'))
});

export type MunicipalitySettings = z.infer<typeof municipalitySettingsSchema>;
