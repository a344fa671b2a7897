// How Buurthuizen's stored values read on screen, in Dutch.
import type { ActivityAudience, ActivityCategory, ActivityRecurrence } from './enums';
import { ACTIVITY_AUDIENCES, ACTIVITY_CATEGORIES } from './enums';

export const ACTIVITY_CATEGORY_LABELS: Record<ActivityCategory, string> = {
	koffieochtend: 'Koffieochtend',
	bewegen: 'Bewegen',
	cursus: 'Cursus',
	kinderen: 'Kinderen',
	ouderen: 'Ouderen',
	taal: 'Taal',
	cultuur: 'Cultuur',
	spreekuur: 'Spreekuur',
	overig: 'Overig'
};

export const ACTIVITY_AUDIENCE_LABELS: Record<ActivityAudience, string> = {
	everyone: 'Voor iedereen',
	adults: 'Volwassenen',
	seniors: 'Ouderen',
	youth: 'Jongeren',
	children: 'Kinderen',
	families: 'Gezinnen',
	carers: 'Mantelzorgers'
};

export const ACTIVITY_RECURRENCE_LABELS: Record<ActivityRecurrence, string> = {
	once: 'Eén keer',
	weekly: 'Elke week'
};

/** Every category as an option of a select, in the stored order. */
export const ACTIVITY_CATEGORY_OPTIONS = ACTIVITY_CATEGORIES.map((c) => ({
	value: c,
	label: ACTIVITY_CATEGORY_LABELS[c]
}));

export const ACTIVITY_AUDIENCE_OPTIONS = ACTIVITY_AUDIENCES.map((a) => ({
	value: a,
	label: ACTIVITY_AUDIENCE_LABELS[a]
}));

export const activityCategoryLabel = (c: string) =>
	ACTIVITY_CATEGORY_LABELS[c as ActivityCategory] ?? c;

export const activityAudienceLabel = (a: string) =>
	ACTIVITY_AUDIENCE_LABELS[a as ActivityAudience] ?? a;

const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

/** "Gratis" or "€ 2,50". */
export const costLabel = (cents: number) => (cents === 0 ? 'Gratis' : euro.format(cents / 100));

/** Why the board of an archived buurthuis sees its activities but cannot add or change them. */
export const CENTRE_ARCHIVED =
	'De gemeente heeft dit buurthuis gearchiveerd. Je kunt de activiteiten nog bekijken, maar niet meer toevoegen of wijzigen. Klopt dit niet? Neem contact op met de gemeente.';
