// How Buurthulp's stored values read on screen, in Dutch.
import type {
	DayPart,
	HelpCategory,
	HelpRequestStatus,
	MatchStatus,
	Recurrence,
	ResponseStatus
} from './values';
import { HELP_CATEGORIES } from './values';

export const CATEGORY_LABELS: Record<HelpCategory, string> = {
	groceries: 'Boodschappen',
	transport: 'Vervoer',
	odd_jobs: 'Klussen',
	garden: 'Tuin',
	company: 'Gezelschap',
	computer_help: 'Computerhulp',
	paperwork: 'Administratie',
	other: 'Overig'
};

/** Every category as an option of a select or checkbox group, in the stored order. */
export const CATEGORY_OPTIONS = HELP_CATEGORIES.map((c) => ({
	value: c,
	label: CATEGORY_LABELS[c]
}));

export const categoryLabel = (c: string) => CATEGORY_LABELS[c as HelpCategory] ?? c;

/** The line under an offer's title: "Boodschappen · Centrum · zaterdagochtend". */
export const offerLine = (o: {
	category: string;
	districtName: string;
	whenText?: string | null;
}) => [categoryLabel(o.category), o.districtName, o.whenText].filter(Boolean).join(' · ');

export const DAY_PART_LABELS: Record<DayPart, string> = {
	morning: 'ochtend',
	afternoon: 'middag',
	evening: 'avond',
	any: 'tijd maakt niet uit'
};

export const RECURRENCE_LABELS: Record<Recurrence, string> = {
	once: 'eenmalig',
	weekly: 'elke week',
	every_two_weeks: 'om de week',
	monthly: 'elke maand'
};

export const STATUS_LABELS: Record<HelpRequestStatus, string> = {
	open: 'Open',
	matched: 'Gekoppeld',
	done: 'Geholpen',
	cancelled: 'Geannuleerd',
	expired: 'Verlopen'
};

export const RESPONSE_STATUS_LABELS: Record<ResponseStatus, string> = {
	pending: 'Wacht op antwoord',
	accepted: 'Gekozen',
	declined: 'Niet gekozen',
	withdrawn: 'Ingetrokken'
};

export const MATCH_STATUS_LABELS: Record<MatchStatus, string> = {
	active: 'Bezig',
	done: 'Geholpen',
	cancelled: 'Geannuleerd'
};
