// Buurthulp forms for residents and matched pairs: one schema per form, Dutch messages that say
// what to do. The database checks the same limits again (CHECK constraints).
import { z } from 'zod';
import { CATEGORIES } from '#lib/buurthulp/categories';
import { postcodeArea } from '#lib/buurthulp/location';

export const WHEN_KINDS = ['date', 'range', 'flexible'] as const;
export const DAY_PARTS = ['any', 'morning', 'afternoon', 'evening'] as const;
export const RECURRENCES = ['once', 'weekly', 'every_two_weeks', 'monthly'] as const;
export const DURATIONS = [30, 60, 90, 120, 180, 240] as const;
export const FOLLOWUP_ANSWERS = ['good', 'okay', 'bad'] as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;

/** Today as YYYY-MM-DD in the Netherlands, so a request for "today" is not refused at night. */
export const todayInNl = () =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

const optionalDate = z
	.string()
	.trim()
	.default('')
	.refine((v) => v === '' || (ISO_DATE.test(v) && !Number.isNaN(Date.parse(v))), {
		message: 'Vul een datum in zoals 28-11-2026.'
	});

const optionalText = (max: number, message: string) =>
	z.string().trim().max(max, message).default('');

export const requestSchema = z
	.object({
		forWhom: z.enum(['self', 'resident']).default('self'),
		residentName: optionalText(80, 'Gebruik hoogstens 80 tekens voor de naam.'),
		residentPhone: optionalText(20, 'Een telefoonnummer heeft hoogstens 20 tekens.'),
		isVulnerable: z.enum(['no', 'yes']).default('no'),
		// '' by default, so the form starts on "Kies een soort hulp" instead of the first category.
		category: z
			.union([z.literal(''), z.enum(CATEGORIES)], { error: 'Kies waar je hulp bij nodig hebt.' })
			.default('')
			.refine((v) => v !== '', 'Kies waar je hulp bij nodig hebt.'),
		title: z
			.string({ error: 'Schrijf in een paar woorden wat je vraagt.' })
			.trim()
			.min(5, 'Schrijf in een paar woorden wat je vraagt (minstens 5 tekens).')
			.max(100, 'Gebruik hoogstens 100 tekens voor de korte omschrijving.'),
		description: z
			.string({ error: 'Vertel wat meer over je vraag.' })
			.trim()
			.min(10, 'Vertel wat meer over je vraag (minstens 10 tekens).')
			.max(2000, 'Gebruik hoogstens 2000 tekens voor de uitleg.'),
		districtId: z.uuid({ error: 'Kies je wijk.' }),
		postcode: z
			.string({ error: 'Vul je postcode in, zoals 1506 AB.' })
			.trim()
			.refine((v) => postcodeArea(v) !== null, 'Vul je postcode in, zoals 1506 AB.'),
		streetAddress: optionalText(120, 'Gebruik hoogstens 120 tekens voor het adres.'),
		whenKind: z.enum(WHEN_KINDS, { error: 'Kies wanneer je hulp nodig hebt.' }).default('date'),
		startsOn: optionalDate,
		endsOn: optionalDate,
		dayPart: z.enum(DAY_PARTS, { error: 'Kies een deel van de dag.' }).default('any'),
		durationMinutes: z.coerce
			.number({ error: 'Kies hoe lang het ongeveer duurt.' })
			.int('Kies hoe lang het ongeveer duurt.')
			.min(15, 'Kies hoe lang het ongeveer duurt.')
			.max(600, 'Kies hoe lang het ongeveer duurt.')
			.default(60),
		recurrence: z.enum(RECURRENCES, { error: 'Kies of het eenmalig is of vaker.' }).default('once')
	})
	.superRefine((v, ctx) => {
		const today = todayInNl();
		if (v.forWhom === 'resident') {
			if (v.residentName === '') {
				ctx.addIssue({
					code: 'custom',
					path: ['residentName'],
					message: 'Vul de naam van de inwoner in.'
				});
			}
			if (!PHONE.test(v.residentPhone)) {
				ctx.addIssue({
					code: 'custom',
					path: ['residentPhone'],
					message: 'Vul het telefoonnummer van de inwoner in, zoals 075 123 4567.'
				});
			}
		}
		if (v.whenKind === 'flexible') return;
		if (v.startsOn === '') {
			ctx.addIssue({
				code: 'custom',
				path: ['startsOn'],
				message:
					v.whenKind === 'range'
						? 'Vul de eerste datum in.'
						: 'Vul de datum in, of kies "flexibel".'
			});
		} else if (v.startsOn < today) {
			ctx.addIssue({
				code: 'custom',
				path: ['startsOn'],
				message: 'Kies een datum vanaf vandaag.'
			});
		}
		if (v.whenKind === 'range') {
			if (v.endsOn === '') {
				ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'Vul de laatste datum in.' });
			} else if (v.startsOn !== '' && v.endsOn < v.startsOn) {
				ctx.addIssue({
					code: 'custom',
					path: ['endsOn'],
					message: 'De laatste datum moet op of na de eerste datum liggen.'
				});
			}
		}
	});

export type RequestForm = z.infer<typeof requestSchema>;

export const reactionSchema = z.object({
	message: z
		.string({ error: 'Schrijf een kort bericht.' })
		.trim()
		.min(2, 'Schrijf een kort bericht, bijvoorbeeld wanneer je kunt.')
		.max(500, 'Gebruik hoogstens 500 tekens.')
});

export const acceptSchema = z.object({
	responseId: z.uuid({ error: 'Kies een reactie.' })
});

export const cancelSchema = z.object({});

export const messageSchema = z.object({
	body: z
		.string({ error: 'Schrijf een bericht.' })
		.trim()
		.min(1, 'Schrijf een bericht.')
		.max(2000, 'Gebruik hoogstens 2000 tekens.')
});

export const completeSchema = z.object({
	thanks: optionalText(1000, 'Gebruik hoogstens 1000 tekens voor je bedankje.')
});

export const followupSchema = z.object({
	followupId: z.uuid({ error: 'Deze vraag bestaat niet (meer).' }),
	answer: z.enum(FOLLOWUP_ANSWERS, { error: 'Kies hoe het ging.' }),
	comment: optionalText(1000, 'Gebruik hoogstens 1000 tekens.')
});

/** The board's GET filters; anything malformed is dropped rather than refused (it is a link). */
export const boardFilterSchema = z.object({
	categorie: z.enum(CATEGORIES).optional().catch(undefined),
	wijk: z
		.string()
		.regex(/^[a-z0-9-]{2,60}$/)
		.optional()
		.catch(undefined),
	datum: z.string().regex(ISO_DATE).optional().catch(undefined),
	zoek: z.string().trim().max(100).optional().catch(undefined),
	pagina: z.coerce.number().int().min(1).max(500).catch(1).default(1)
});

export type BoardFilters = z.infer<typeof boardFilterSchema>;

export function parseBoardFilters(params: URLSearchParams): BoardFilters {
	const raw = Object.fromEntries(
		[...params.entries()].filter(([, value]) => value.trim() !== '')
	) as Record<string, string>;
	return boardFilterSchema.parse(raw);
}
