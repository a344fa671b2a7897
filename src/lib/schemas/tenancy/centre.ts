// The municipality admin's buurthuis form (issue 18): adding and changing a buurthuis under
// /beheer/buurthuizen/beheren. The table's checks hold again in the database; these give the
// Dutch message next to the field first.
import { z } from 'zod';
import { withoutBidiControls } from '../text';

const text = (max: number, tooLong: string) =>
	z.string().overwrite(withoutBidiControls).trim().max(max, tooLong);

const optional = (max: number, tooLong: string) => text(max, tooLong).default('');

/** A typed degree ("52,4393" or "52.4393") as a number; NaN when it is none. */
export const parseDegrees = (v: string) =>
	/^-?\d{1,3}([.,]\d{1,8})?$/.test(v.trim()) ? Number(v.trim().replace(',', '.')) : Number.NaN;

/** Kept as typed (the form shows it back); the map fills it in with a point. */
const degrees = (label: string, min: number, max: number) =>
	z
		.string({ error: `Vul de ${label} in, of klik op de kaart.` })
		.trim()
		.min(1, `Vul de ${label} in, of klik op de kaart.`)
		.refine(
			(v) => !Number.isNaN(parseDegrees(v)),
			`Vul de ${label} in als getal, zoals ${min + 1},2345.`
		)
		.refine((v) => {
			const n = parseDegrees(v);
			return Number.isNaN(n) || (n >= min && n <= max);
		}, `Deze ${label} ligt niet in Nederland (tussen ${min} en ${max}).`);

const access = z.enum(['', 'yes', 'limited', 'no']).default('');

export const centreSchema = z.object({
	name: text(100, 'Gebruik hoogstens 100 tekens voor de naam.').min(
		2,
		'Vul de naam van het buurthuis in.'
	),
	districtId: z.uuid({ error: 'Kies een wijk.' }),
	streetAddress: text(120, 'Gebruik hoogstens 120 tekens voor straat en huisnummer.').min(
		2,
		'Vul straat en huisnummer in.'
	),
	postcode: z
		.string({ error: 'Vul de postcode in, zoals 1505 AB.' })
		.trim()
		.toUpperCase()
		.regex(/^[1-9][0-9]{3} ?[A-Z]{2}$/, 'Vul de postcode in, zoals 1505 AB.'),
	city: text(80, 'Gebruik hoogstens 80 tekens voor de plaats.').min(2, 'Vul de plaats in.'),
	latitude: degrees('breedtegraad', 50.7, 53.6),
	longitude: degrees('lengtegraad', 3.3, 7.3),
	openingHours: optional(255, 'Gebruik hoogstens 255 tekens voor de openingstijden.').refine(
		(v) => v === '' || /^[A-Za-z0-9 :;,.+-]+$/.test(v),
		'Schrijf de openingstijden zoals in OpenStreetMap, bijvoorbeeld Mo-Fr 09:00-17:00; Sa 10:00-12:30.'
	),
	wheelchair: access,
	toiletsWheelchair: z.enum(['', 'yes', 'no']).default(''),
	hearingLoop: access,
	parking: access,
	accessibility: optional(300, 'Gebruik hoogstens 300 tekens voor de toelichting.'),
	website: optional(300, 'Gebruik hoogstens 300 tekens voor de website.').refine(
		(v) => v === '' || /^https?:\/\/\S+$/.test(v),
		'Vul het webadres in met https://, zoals https://buurthuis.nl.'
	),
	phone: optional(20, 'Vul een geldig telefoonnummer in, of laat het leeg.').refine(
		(v) => v === '' || /^\+?[0-9 ()-]{6,20}$/.test(v),
		'Vul een geldig telefoonnummer in, of laat het leeg.'
	),
	email: optional(254, 'Gebruik hoogstens 254 tekens voor het e-mailadres.').refine(
		(v) => v === '' || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v),
		'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl, of laat het leeg.'
	)
});

export type CentreForm = z.infer<typeof centreSchema>;

export const CENTRE_LABELS: Record<keyof CentreForm, string> = {
	name: 'Naam',
	districtId: 'Wijk',
	streetAddress: 'Straat en huisnummer',
	postcode: 'Postcode',
	city: 'Plaats',
	latitude: 'Breedtegraad (bijvoorbeeld 52,4393)',
	longitude: 'Lengtegraad (bijvoorbeeld 4,8255)',
	openingHours: 'Openingstijden (zoals in OpenStreetMap: Mo-Fr 09:00-17:00; Sa 10:00-12:30)',
	wheelchair: 'Toegankelijk met een rolstoel',
	toiletsWheelchair: 'Toilet voor rolstoelgebruikers',
	hearingLoop: 'Ringleiding',
	parking: 'Parkeren bij het gebouw',
	accessibility: 'Toelichting op de toegankelijkheid',
	website: 'Website',
	phone: 'Telefoonnummer',
	email: 'E-mailadres'
};

export const inviteBoardSchema = z.object({
	email: z
		.string({ error: 'Vul een e-mailadres in.' })
		.trim()
		.max(320, 'Gebruik hoogstens 320 tekens voor het e-mailadres.')
		.regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.')
});

export const INVITE_BOARD_LABELS = { email: 'E-mailadres van het nieuwe bestuurslid' };
