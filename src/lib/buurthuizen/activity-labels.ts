// Dutch names of the activity categories, for the map's filter and popups.
import { ACTIVITY_CATEGORY_VALUES } from './map-filters';

type Category = (typeof ACTIVITY_CATEGORY_VALUES)[number];

const LABELS: Record<Category, string> = {
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

export const activityCategoryLabel = (c: string) => LABELS[c as Category] ?? c;

export const ACTIVITY_CATEGORY_OPTIONS = ACTIVITY_CATEGORY_VALUES.map((value) => ({
	value,
	label: LABELS[value]
}));
