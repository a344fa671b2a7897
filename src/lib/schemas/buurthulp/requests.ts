// The hulpvraag form (posting and editing) and cancelling: Dutch messages that say what to do.
// The database checks the same limits again (CHECK constraints).
import { z } from 'zod';
import { withoutBidiControls } from '../text';
import { DAY_PARTS, HELP_CATEGORIES, RECURRENCES, WHEN_KINDS } from '#lib/buurthulp/enums';
import { postcodeArea } from '#lib/buurthulp/location';
import { ISO_DATE, optionalText, todayInNl } from './fields';

export const DURATIONS = [30, 60, 90, 120, 180, 240] as const;

const PHONE = /^\+?[0-9 ()-]{6,20}$/;

const optionalDate = z
	.string()
	.trim()
	.default('')
	.refine((v) => v === '' || (ISO_DATE.test(v) && !Number.isNaN(Date.parse(v))), {
		message: 'Vul een datum in zoals 28-11-2026.'
	});

/** The same day one year on (29 February becomes 1 March), as YYYY-MM-DD. */
export function yearFromToday(today: string): string {
	const [y, m, d] = today.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(y + 1, m - 1, d)).toISOString().slice(0, 10);
}

export const requestSchema = z
	.object({
		forWhom: z.enum(['self', 'resident']).default('self'),
		residentName: z
			.string()
			.overwrite(withoutBidiControls)
			.trim()
			.max(80, 'Gebruik hoogstens 80 tekens voor de naam.')
			.default(''),
		residentPhone: optionalText(20, 'Een telefoonnummer heeft hoogstens 20 tekens.'),
		isVulnerable: z.enum(['no', 'yes']).default('no'),
		// '' by default, so the form starts on "Kies een soort hulp" instead of the first category.
		category: z
			.union([z.literal(''), z.enum(HELP_CATEGORIES)], {
				error: 'Kies waar je hulp bij nodig hebt.'
			})
			.default('')
			.refine((v) => v !== '', 'Kies waar je hulp bij nodig hebt.'),
		title: z
			.string({ error: 'Schrijf in een paar woorden wat je vraagt.' })
			.overwrite(withoutBidiControls)
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
		// Dates more than a year ahead kept a request open for ever (a range "until 2099").
		const lastDay = v.whenKind === 'range' && v.endsOn !== '' ? v.endsOn : v.startsOn;
		if (lastDay !== '' && lastDay > yearFromToday(today)) {
			ctx.addIssue({
				code: 'custom',
				path: [v.whenKind === 'range' && v.endsOn !== '' ? 'endsOn' : 'startsOn'],
				message: 'Kies een datum binnen een jaar vanaf vandaag.'
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

/**
 * Cancelling cannot be undone, so the form asks to tick "yes" first: a second step that works
 * without JavaScript, where a confirm() dialog would not.
 */
export const cancelSchema = z.object({
	confirmed: z.literal('yes', {
		error: 'Vink aan dat je de hulpvraag echt wilt annuleren.'
	})
});
