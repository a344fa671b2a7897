// Dutch words for the shops' closed value lists, and money as people read it.
import type { Database } from '#lib/database.types';

type Category = Database['public']['Enums']['shop_category'];

export const SHOP_CATEGORY_LABELS: Record<Category, string> = {
	groceries: 'Boodschappen',
	bakery_butcher: 'Bakker en slager',
	flowers_garden: 'Bloemen en tuin',
	books_gifts: 'Boeken en cadeaus',
	clothing_shoes: 'Kleding en schoenen',
	food_drink: 'Eten en drinken',
	care_wellness: 'Verzorging en ontspanning',
	hobby_sport: 'Hobby en sport',
	household: 'Huishouden',
	other: 'Overig'
};

export const shopCategoryLabel = (c: string) => SHOP_CATEGORY_LABELS[c as Category] ?? c;

export const SHOP_STATUS_LABELS: Record<string, string> = {
	pending: 'Wacht op goedkeuring',
	approved: 'Goedgekeurd',
	suspended: 'Gestopt'
};

export const BATCH_STATUS_LABELS: Record<string, string> = {
	draft: 'Klaargezet',
	approved: 'Goedgekeurd',
	exported: 'Betaalbestand gemaakt'
};

const eur = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
export const formatCents = (cents: number) => eur.format(cents / 100);

const day = new Intl.DateTimeFormat('nl-NL', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'Europe/Amsterdam'
});
export const formatDate = (iso: string) =>
	day.format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));

const moment = new Intl.DateTimeFormat('nl-NL', {
	day: 'numeric',
	month: 'short',
	hour: '2-digit',
	minute: '2-digit',
	timeZone: 'Europe/Amsterdam'
});
export const formatMoment = (iso: string) => moment.format(new Date(iso));

const clock = new Intl.DateTimeFormat('nl-NL', {
	hour: '2-digit',
	minute: '2-digit',
	timeZone: 'Europe/Amsterdam'
});
/** A time of day today, as on a receipt: "14:05". */
export const formatClock = (iso: string) => clock.format(new Date(iso));

/** A code as printed: four groups of four. */
export const groupCode = (code: string) => code.match(/.{1,4}/g)?.join(' ') ?? code;
