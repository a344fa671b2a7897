// The application form of Mantelzorgwaardering, shared by the carer's own form and the one a
// consulent fills in for a carer. The SQL functions check everything again (submit_application,
// enter_application_for_carer); these rules give the Dutch sentence next to the field first.
import { z } from 'zod';
import { Constants } from '#lib/database.types';
import { todayInNl } from '#lib/schemas/buurthulp/fields';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const pastDay = (what: string) =>
	z
		.string()
		.trim()
		.regex(ISO_DATE, `Vul ${what} in.`)
		.refine(
			(day) => day <= todayInNl(),
			`${what[0]?.toUpperCase()}${what.slice(1)} kan niet in de toekomst liggen.`
		);

const postcode = (message: string) =>
	z
		.string()
		.trim()
		.regex(/^[1-9][0-9]{3} ?[A-Za-z]{2}$/, message);

export const applicationSchema = z.object({
	firstName: z.string().trim().min(1, 'Vul de voornaam in.').max(60, 'Hoogstens 60 tekens.'),
	lastName: z.string().trim().min(1, 'Vul de achternaam in.').max(80, 'Hoogstens 80 tekens.'),
	birthDate: pastDay('de geboortedatum'),
	postcode: postcode('Vul een postcode in zoals 1506 AB.'),
	houseNumber: z
		.string()
		.trim()
		.regex(/^[1-9][0-9]{0,4}( ?[A-Za-z0-9-]{1,6})?$/, 'Vul een huisnummer in, zoals 12 of 12A.'),
	/** Street and town: the letter with the cheque needs a complete address. */
	street: z
		.string()
		.trim()
		.min(2, 'Vul de straat in, zonder huisnummer.')
		.max(120, 'Hoogstens 120 tekens.'),
	town: z.string().trim().min(2, 'Vul de woonplaats in.').max(80, 'Hoogstens 80 tekens.'),
	/** Only on the consulent's form; the carer's own application uses their account's address. */
	email: z
		.string()
		.trim()
		.max(320, 'Hoogstens 320 tekens.')
		.refine((v) => v === '' || z.email().safeParse(v).success, 'Vul een geldig e-mailadres in.')
		.default(''),
	phone: z
		.string()
		.trim()
		.refine(
			(v) => v === '' || /^\+?[0-9 ()-]{6,20}$/.test(v),
			'Vul een telefoonnummer in, zoals 06 12345678.'
		)
		.default(''),
	/** Asked when the postcode lies in several wijken; the consulent always chooses one. */
	districtId: z.union([z.uuid('Kies een wijk uit de lijst.'), z.literal('')]).default(''),
	careRecipientName: z
		.string()
		.trim()
		.min(1, 'Vul de naam in van degene voor wie je zorgt.')
		.max(120, 'Hoogstens 120 tekens.'),
	careRecipientPostcode: postcode('Vul de postcode in, zoals 1506 AB.'),
	relation: z.enum(Constants.public.Enums.care_relation, 'Kies wat die persoon van je is.'),
	hoursPerWeek: z
		.string()
		.trim()
		.regex(/^[0-9]{1,3}$/, 'Vul een aantal uur in, zoals 8.')
		.refine((v) => Number(v) >= 1 && Number(v) <= 168, 'Vul een aantal uur tussen 1 en 168 in.'),
	caringSince: pastDay('de datum waarop je begon met zorgen'),
	consent: z
		.boolean()
		.refine(
			(v) => v,
			'Vink aan dat je toestemming geeft. Zonder toestemming kunnen we de aanvraag niet behandelen.'
		)
});

export type ApplicationForm = z.infer<typeof applicationSchema>;

/** The form's labels, in form order (the error summary lists problems in this order). */
export const APPLICATION_FIELD_LABELS = {
	firstName: 'Voornaam',
	lastName: 'Achternaam',
	birthDate: 'Geboortedatum',
	postcode: 'Postcode',
	houseNumber: 'Huisnummer',
	street: 'Straat',
	town: 'Woonplaats',
	districtId: 'Wijk',
	email: 'E-mailadres',
	phone: 'Telefoonnummer',
	careRecipientName: 'Naam van degene voor wie je zorgt',
	careRecipientPostcode: 'Postcode van degene voor wie je zorgt',
	relation: 'Wat is die persoon van je?',
	hoursPerWeek: 'Hoeveel uur per week zorg je gemiddeld?',
	caringSince: 'Sinds wanneer zorg je?',
	consent: 'Toestemming'
} as const satisfies Record<keyof ApplicationForm, string>;

/**
 * The refusals of submit_application and enter_application_for_carer (by error key, see
 * db-errors.ts) that are about one field, so the page shows them next to it.
 */
const FIELD_OF_REFUSAL: Record<string, keyof ApplicationForm> = {
	district_required: 'districtId',
	postcode_not_in_district: 'districtId',
	postcode_not_in_municipality: 'postcode',
	invalid_address: 'street',
	not_eligible_hours: 'hoursPerWeek',
	not_eligible_months: 'caringSince',
	invalid_birth_date: 'birthDate',
	consent_required: 'consent'
};

/** The field a refusal is about, or null when it is about the whole application. */
export const fieldOfRefusal = (errorKey: string): keyof ApplicationForm | null =>
	FIELD_OF_REFUSAL[errorKey] ?? null;

/** "1506 ab" → "1506AB", as the database stores it. */
export const normalisePostcode = (value: string) => value.replace(/\s+/g, '').toUpperCase();

/** "1506ab" → "1506 AB", as people write it. */
export const spacedPostcode = (value: string) => {
	const compact = normalisePostcode(value);
	return compact.length === 6 ? `${compact.slice(0, 4)} ${compact.slice(4)}` : compact;
};
