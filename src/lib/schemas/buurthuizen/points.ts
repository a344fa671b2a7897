// The municipality's forms for Buurthuizen points: a social goal of a wijk, and the report period.
import { z } from 'zod';
import { withoutBidiControls } from '../text';
import { ISO_DATE } from './registration';

export const socialGoalSchema = z.object({
	districtId: z.uuid({ error: 'Kies een wijk.' }),
	title: z
		.string({ error: 'Geef de opgave een naam.' })
		.overwrite(withoutBidiControls)
		.trim()
		.min(3, 'Geef de opgave een naam van minstens 3 tekens.')
		.max(120, 'Gebruik hoogstens 120 tekens voor de naam.'),
	description: z
		.string()
		.overwrite(withoutBidiControls)
		.trim()
		.max(1000, 'Gebruik hoogstens 1000 tekens voor de uitleg.')
		.default(''),
	points: z.coerce
		.number({ error: 'Vul een aantal punten in tussen 1 en 100.' })
		.int('Vul een heel aantal punten in.')
		.min(1, 'Vul een aantal punten in tussen 1 en 100.')
		.max(100, 'Vul een aantal punten in tussen 1 en 100.'),
	active: z.boolean().default(true)
});

export type SocialGoalForm = z.infer<typeof socialGoalSchema>;

export const SOCIAL_GOAL_LABELS: Record<keyof SocialGoalForm, string> = {
	districtId: 'Wijk',
	title: 'Maatschappelijke opgave',
	description: 'Uitleg',
	points: 'Punten per keer dat een activiteit plaatsvindt',
	active: 'Buurthuizen kunnen deze opgave kiezen'
};

/** The report period from the query string (?van=…&tot=…), at most two years. */
export const periodSchema = z
	.object({
		van: z.string().regex(ISO_DATE, 'Vul een begindatum in, zoals 01-01-2027.'),
		tot: z.string().regex(ISO_DATE, 'Vul een einddatum in, zoals 31-12-2027.')
	})
	.refine((p) => p.tot >= p.van, { path: ['tot'], message: 'Kies een einddatum na de begindatum.' })
	.refine((p) => (Date.parse(p.tot) - Date.parse(p.van)) / 86_400_000 <= 731, {
		path: ['tot'],
		message: 'Kies een periode van hoogstens twee jaar.'
	});

/** A period to close: over, at most two years (the database checks overlap and "over" again). */
export const closePeriodSchema = z
	.object({
		periodStart: z.string().regex(ISO_DATE, 'Vul een begindatum in, zoals 01-01-2027.'),
		periodEnd: z.string().regex(ISO_DATE, 'Vul een einddatum in, zoals 31-03-2027.')
	})
	.refine((p) => p.periodEnd >= p.periodStart, {
		path: ['periodEnd'],
		message: 'Kies een einddatum na de begindatum.'
	})
	.refine((p) => (Date.parse(p.periodEnd) - Date.parse(p.periodStart)) / 86_400_000 <= 731, {
		path: ['periodEnd'],
		message: 'Kies een periode van hoogstens twee jaar.'
	});
