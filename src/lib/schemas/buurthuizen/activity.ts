// The board's activity form (new and edit), copying, cancelling and skipping a week, with Dutch
// messages that say what to do. The SQL functions check the same limits again.
import { z } from 'zod';
import { withoutBidiControls } from '../text';
import { ACTIVITY_AUDIENCES, ACTIVITY_CATEGORIES } from '#lib/buurthuizen/enums';
import { ISO_DATE } from './registration';
import { todayInNl } from '../buurthulp/fields';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const EURO = /^\d{1,4}([.,]\d{1,2})?$/;

const date = (message: string) =>
	z
		.string({ error: message })
		.trim()
		.refine((v) => ISO_DATE.test(v) && !Number.isNaN(Date.parse(v)), message);

/** "2,50" or "2.5" in euros to cents; '' is free. */
export const euroToCents = (v: string) =>
	v === '' ? 0 : Math.round(Number.parseFloat(v.replace(',', '.')) * 100);

/** Days between two YYYY-MM-DD dates. */
const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

export const activitySchema = z
	.object({
		title: z
			.string({ error: 'Geef de activiteit een naam.' })
			.overwrite(withoutBidiControls)
			.trim()
			.min(3, 'Geef de activiteit een naam van minstens 3 tekens.')
			.max(100, 'Gebruik hoogstens 100 tekens voor de naam.'),
		description: z
			.string()
			.overwrite(withoutBidiControls)
			.trim()
			.max(2000, 'Gebruik hoogstens 2000 tekens voor de uitleg.')
			.default(''),
		category: z
			.union([z.literal(''), z.enum(ACTIVITY_CATEGORIES)], { error: 'Kies een soort activiteit.' })
			.default('')
			.refine((v) => v !== '', 'Kies een soort activiteit.'),
		audience: z
			.enum(ACTIVITY_AUDIENCES, { error: 'Kies voor wie de activiteit is.' })
			.default('everyone'),
		date: date('Vul de datum in, zoals 16-03-2027.'),
		startTime: z
			.string({ error: 'Vul de begintijd in, zoals 10:00.' })
			.trim()
			.regex(TIME, 'Vul de begintijd in, zoals 10:00.'),
		endTime: z
			.string({ error: 'Vul de eindtijd in, zoals 12:00.' })
			.trim()
			.regex(TIME, 'Vul de eindtijd in, zoals 12:00.'),
		recurrence: z
			.enum(['once', 'weekly'], { error: 'Kies of de activiteit één keer is of elke week.' })
			.default('once'),
		repeatUntil: z.string().trim().default(''),
		cost: z
			.string()
			.trim()
			.default('')
			.refine(
				(v) => v === '' || (EURO.test(v) && euroToCents(v) <= 100000),
				'Vul een bedrag in euro in, zoals 2,50. Laat leeg als het gratis is.'
			),
		needsRegistration: z.boolean().default(false),
		maxParticipants: z
			.string()
			.trim()
			.default('')
			.refine(
				(v) => v === '' || (/^\d{1,4}$/.test(v) && Number(v) >= 1 && Number(v) <= 1000),
				'Vul een aantal in tussen 1 en 1000, of laat leeg.'
			),
		socialGoalId: z.union([z.literal(''), z.uuid()]).default(''),
		published: z.boolean().default(true)
	})
	.superRefine((v, ctx) => {
		// Without registration nobody counts who comes: a maximum would be dropped (issue 16.5).
		if (v.maxParticipants !== '' && !v.needsRegistration) {
			ctx.addIssue({
				code: 'custom',
				path: ['maxParticipants'],
				message:
					'Zet "Aanmelden is nodig" aan, of laat het maximum leeg. Zonder aanmelden telt niemand hoeveel mensen er komen.'
			});
		}
		if (TIME.test(v.startTime) && TIME.test(v.endTime) && v.endTime <= v.startTime) {
			ctx.addIssue({
				code: 'custom',
				path: ['endTime'],
				message: 'Kies een eindtijd na de begintijd.'
			});
		}
		if (v.recurrence === 'weekly') {
			if (!ISO_DATE.test(v.repeatUntil) || Number.isNaN(Date.parse(v.repeatUntil))) {
				ctx.addIssue({
					code: 'custom',
					path: ['repeatUntil'],
					message: 'Vul in tot wanneer de activiteit elke week is.'
				});
			} else if (
				ISO_DATE.test(v.date) &&
				(daysBetween(v.date, v.repeatUntil) < 0 || daysBetween(v.date, v.repeatUntil) > 1830)
			) {
				ctx.addIssue({
					code: 'custom',
					path: ['repeatUntil'],
					message: 'Kies een einddatum na de eerste datum, hoogstens 5 jaar later.'
				});
			}
		}
	});

export type ActivityForm = z.infer<typeof activitySchema>;

/**
 * A new activity starts today or later (issue 16.2). An edit is checked by the database, which
 * knows whether the series has begun (then its first date stays as it was, in the past).
 */
export const newActivitySchema = activitySchema.refine(
	(v) => !ISO_DATE.test(v.date) || v.date >= todayInNl(),
	{
		path: ['date'],
		message: 'Kies een datum vanaf vandaag. Een activiteit in het verleden kun je niet plaatsen.'
	}
);

export const ACTIVITY_FIELD_LABELS: Record<keyof ActivityForm, string> = {
	title: 'Naam van de activiteit',
	description: 'Uitleg',
	category: 'Soort activiteit',
	audience: 'Voor wie',
	date: 'Datum (de eerste keer)',
	startTime: 'Begintijd',
	endTime: 'Eindtijd',
	recurrence: 'Herhaling',
	repeatUntil: 'Elke week tot en met',
	cost: 'Kosten in euro',
	needsRegistration: 'Aanmelden is nodig',
	maxParticipants: 'Maximum aantal deelnemers',
	socialGoalId: 'Doel van de wijk (maatschappelijke opgave)',
	published: 'Zichtbaar voor iedereen'
};

export const copySchema = z.object({
	startsOn: date('Vul de nieuwe datum in, zoals 23-03-2027.').refine(
		(v) => v >= todayInNl(),
		'Kies een datum vanaf vandaag.'
	)
});

export const cancelSchema = z.object({
	reason: z
		.string()
		.overwrite(withoutBidiControls)
		.trim()
		.max(300, 'Gebruik hoogstens 300 tekens.')
		.default('')
});

/** "Andere datum of tijd voor deze keer": one week of a weekly activity, at a new date and time. */
export const moveSchema = z.object({
	date: date('Vul de nieuwe datum in, zoals 23-03-2027.').refine(
		(v) => v >= todayInNl(),
		'Kies een datum vanaf vandaag.'
	),
	startTime: z
		.string({ error: 'Vul de begintijd in, zoals 10:00.' })
		.trim()
		.regex(TIME, 'Vul de begintijd in, zoals 10:00.'),
	endTime: z
		.string({ error: 'Vul de eindtijd in, zoals 12:00.' })
		.trim()
		.regex(TIME, 'Vul de eindtijd in, zoals 12:00.'),
	reason: z
		.string()
		.overwrite(withoutBidiControls)
		.trim()
		.max(300, 'Gebruik hoogstens 300 tekens voor het bericht.')
		.default('')
});
export type MoveForm = z.infer<typeof moveSchema>;

export const MOVE_FIELD_LABELS: Record<keyof MoveForm, string> = {
	date: 'Nieuwe datum',
	startTime: 'Begintijd',
	endTime: 'Eindtijd',
	reason: 'Bericht aan wie zich heeft aangemeld'
};

/** Skipping a week, confirmed with a tick: the registrations for it lapse. */
export const confirmedSkipSchema = z.object({
	reason: z
		.string()
		.overwrite(withoutBidiControls)
		.trim()
		.max(300, 'Gebruik hoogstens 300 tekens voor de reden.')
		.default(''),
	sure: z
		.boolean()
		.default(false)
		.refine((v) => v, 'Vink aan dat deze week niet doorgaat. Pas dan wordt hij overgeslagen.')
});
export type ConfirmedSkipForm = z.infer<typeof confirmedSkipSchema>;

export const SKIP_FIELD_LABELS: Record<keyof ConfirmedSkipForm, string> = {
	reason: 'Reden',
	sure: 'Zeker weten'
};
