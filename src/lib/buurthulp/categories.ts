// Help categories: identifiers as stored, Dutch labels as shown.
export const CATEGORIES = [
	'groceries',
	'transport',
	'odd_jobs',
	'garden',
	'company',
	'computer_help',
	'paperwork',
	'other'
] as const;

export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
	groceries: 'Boodschappen',
	transport: 'Vervoer',
	odd_jobs: 'Klussen',
	garden: 'Tuin',
	company: 'Gezelschap',
	computer_help: 'Computerhulp',
	paperwork: 'Administratie',
	other: 'Overig'
};

export const categoryLabel = (c: string) => CATEGORY_LABELS[c as Category] ?? c;

export const DAY_PART_LABELS = {
	morning: 'ochtend',
	afternoon: 'middag',
	evening: 'avond',
	any: 'hele dag'
} as const;

export const RECURRENCE_LABELS = {
	once: 'eenmalig',
	weekly: 'elke week',
	every_two_weeks: 'om de week',
	monthly: 'elke maand'
} as const;

export const STATUS_LABELS = {
	open: 'Open',
	matched: 'Gekoppeld',
	done: 'Geholpen',
	cancelled: 'Geannuleerd',
	expired: 'Verlopen'
} as const;
