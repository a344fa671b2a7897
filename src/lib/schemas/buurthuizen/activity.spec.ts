import { describe, expect, it } from 'vitest';
import { todayInNl } from '../buurthulp/fields';
import { activitySchema, newActivitySchema } from './activity';

const day = (offset: number) => {
	const d = new Date(`${todayInNl()}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + offset);
	return d.toISOString().slice(0, 10);
};
const form = (o: Record<string, unknown> = {}) => ({
	title: 'Breicafé',
	category: 'cultuur',
	date: day(3),
	startTime: '14:00',
	endTime: '16:00',
	...o
});
const problems = (result: {
	success: boolean;
	error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe('the activity form', () => {
	it('refuses a new activity before today, next to the date (issue 16.2)', () => {
		expect(problems(newActivitySchema.safeParse(form({ date: day(-1) })))).toEqual({
			date: 'Kies een datum vanaf vandaag. Een activiteit in het verleden kun je niet plaatsen.'
		});
		expect(newActivitySchema.safeParse(form({ date: day(0) })).success).toBe(true);
		// An edit keeps a series' first date, which may lie in the past: the database decides.
		expect(activitySchema.safeParse(form({ date: day(-30) })).success).toBe(true);
	});

	it('refuses a maximum without registration, next to the maximum (issue 16.5)', () => {
		expect(problems(activitySchema.safeParse(form({ maxParticipants: '20' })))).toEqual({
			maxParticipants:
				'Zet "Aanmelden is nodig" aan, of laat het maximum leeg. Zonder aanmelden telt niemand hoeveel mensen er komen.'
		});
		expect(
			activitySchema.safeParse(form({ maxParticipants: '20', needsRegistration: true })).success
		).toBe(true);
	});

	// "Elke week tot en met" is shown only for a weekly activity; a page without JavaScript sends
	// "Elke week" without it, and the answer asks for it at its field (issue 17).
	it('asks for "Elke week tot en met" at its field only for a weekly activity', () => {
		expect(problems(activitySchema.safeParse(form({ recurrence: 'weekly' })))).toEqual({
			repeatUntil: 'Vul in tot wanneer de activiteit elke week is.'
		});
		expect(
			activitySchema.safeParse(form({ recurrence: 'weekly', repeatUntil: day(31) })).success
		).toBe(true);
		expect(activitySchema.safeParse(form({ recurrence: 'once' })).success).toBe(true);
	});
});
