// The forms of Mantelzorgwaardering's applications: the carer's own application, the one a
// consulent enters for a carer, a question, an answer, a rejection, a call-back outcome. Dutch
// messages that say what to do; the database checks the same limits again.
import { z } from 'zod';
import { withoutBidiControls } from '../text';
import { CALLBACK_OUTCOMES, CARE_RELATIONS } from '#lib/mantelzorg/enums';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const POSTCODE = /^[1-9][0-9]{3} ?[A-Za-z]{2}$/;
const HOUSE_NUMBER = /^[1-9][0-9]{0,4}( ?[A-Za-z0-9-]{1,6})?$/;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;

/** Today as YYYY-MM-DD in the Netherlands. */
const todayInNl = () =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

const name = (max: number, empty: string) =>
	z
		.string({ error: empty })
		.overwrite(withoutBidiControls)
		.trim()
		.min(1, empty)
		.max(max, `Gebruik hoogstens ${max} tekens.`);

/** '1502ab' and '1502 AB' both become '1502 AB'. */
const postcode = (message: string) =>
	z
		.string({ error: message })
		.trim()
		.refine((v) => POSTCODE.test(v), message)
		.transform((v) => `${v.slice(0, 4)} ${v.slice(-2).toUpperCase()}`);

const pastDate = (empty: string, future: string) =>
	z
		.string({ error: empty })
		.trim()
		.refine((v) => ISO_DATE.test(v) && !Number.isNaN(Date.parse(v)), empty)
		.refine((v) => v <= todayInNl(), future);

const optionalPhone = z
	.string()
	.trim()
	.default('')
	.refine((v) => v === '' || PHONE.test(v), 'Vul een telefoonnummer in zoals 06 1234 5678.');

const applicationFields = {
	carerFirstName: name(60, 'Vul je voornaam in.'),
	carerLastName: name(80, 'Vul je achternaam in.'),
	carerBirthDate: pastDate('Vul je geboortedatum in.', 'Een geboortedatum ligt in het verleden.'),
	carerPostcode: postcode('Vul je postcode in, zoals 1506 AB.'),
	carerHouseNumber: z
		.string({ error: 'Vul je huisnummer in, zoals 12 of 12a.' })
		.trim()
		.refine((v) => HOUSE_NUMBER.test(v), 'Vul je huisnummer in, zoals 12 of 12a.'),
	carerPhone: optionalPhone,
	careRecipientName: name(120, 'Vul de naam in van de persoon voor wie je zorgt.'),
	careRecipientPostcode: postcode('Vul de postcode in van de persoon voor wie je zorgt.'),
	careRelation: z.enum(CARE_RELATIONS, { error: 'Kies wie de persoon voor jou is.' }),
	hoursPerWeek: z.coerce
		.number({ error: 'Vul in hoeveel uur per week je zorgt.' })
		.int('Vul een heel aantal uren in.')
		.min(1, 'Vul in hoeveel uur per week je zorgt.')
		.max(168, 'Een week heeft 168 uur. Vul een kleiner aantal in.'),
	caringSince: pastDate(
		'Vul in sinds wanneer je zorgt.',
		'Sinds wanneer je zorgt, kan niet in de toekomst liggen.'
	),
	consent: z
		.enum(['yes'], { error: 'Geef toestemming om je aanvraag te kunnen behandelen.' })
		.transform(() => true as const),
	// Optional for the carer: the database finds the wijk from the postcode when it can.
	districtId: z
		.union([z.literal(''), z.uuid({ error: 'Kies een wijk uit de lijst.' })])
		.default('')
		.transform((v) => (v === '' ? null : v))
};

/** /mantelzorg/aanvragen: the carer applies with their own account. */
export const applicationSchema = z.object(applicationFields);

/** The consulent enters an application; the carer may have no e-mail, the wijk is required. */
export const enteredApplicationSchema = z.object({
	...applicationFields,
	districtId: z.uuid({ error: 'Kies de wijk van de mantelzorger.' }),
	carerEmail: z
		.string()
		.trim()
		.max(320, 'Een e-mailadres heeft hoogstens 320 tekens.')
		.default('')
		.refine(
			(v) => v === '' || z.email().safeParse(v).success,
			'Vul een e-mailadres in zoals naam@voorbeeld.nl, of laat het leeg.'
		)
});

export type ApplicationForm = z.infer<typeof applicationSchema>;
export type EnteredApplicationForm = z.infer<typeof enteredApplicationSchema>;

export const questionSchema = z.object({
	question: z
		.string({ error: 'Schrijf je vraag op.' })
		.trim()
		.min(3, 'Schrijf je vraag op (minstens 3 tekens).')
		.max(1000, 'Gebruik hoogstens 1000 tekens.')
});

export const answerSchema = z.object({
	answer: z
		.string({ error: 'Schrijf je antwoord op.' })
		.trim()
		.min(1, 'Schrijf je antwoord op.')
		.max(2000, 'Gebruik hoogstens 2000 tekens.')
});

export const rejectionSchema = z.object({
	reason: z
		.string({ error: 'Schrijf op waarom de aanvraag is afgewezen.' })
		.trim()
		.min(3, 'Schrijf op waarom de aanvraag is afgewezen (minstens 3 tekens).')
		.max(1000, 'Gebruik hoogstens 1000 tekens.')
});

export const callbackOutcomeSchema = z.object({
	outcome: z.enum(CALLBACK_OUTCOMES, { error: 'Kies de uitkomst van het gesprek.' }),
	note: z.string().trim().max(1000, 'Gebruik hoogstens 1000 tekens.').default('')
});

export const sampleSizeSchema = z.object({
	size: z.coerce
		.number({ error: 'Vul in hoeveel aanvragen je wilt nabellen.' })
		.int('Vul een heel getal in.')
		.min(1, 'Kies minstens 1 aanvraag.')
		.max(200, 'Kies hoogstens 200 aanvragen.')
});
