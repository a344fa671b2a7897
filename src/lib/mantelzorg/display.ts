// How Mantelzorgwaardering shows money, days and cheque codes to people (pages and letters alike).
const euros = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

/** 5000 -> "€ 50,00" (with a normal space, so a PDF or a screen reader reads it plainly). */
export const formatCents = (cents: number) => euros.format(cents / 100).replace(/\u00a0/g, ' ');

const dayFormat = new Intl.DateTimeFormat('nl-NL', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC'
});

/** A calendar day '2026-12-31' -> "31 december 2026"; a day has no time zone, so it never shifts. */
export const formatDay = (day: string) =>
	dayFormat.format(new Date(`${day.slice(0, 10)}T12:00:00Z`));

/** A stored (normalised) code in groups of four, as printed and shown: "ABCD EFGH JKMN PQR5". */
export const groupCode = (code: string) => (code.match(/.{1,4}/g) ?? []).join(' ');

const momentFormat = new Intl.DateTimeFormat('nl-NL', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'Europe/Amsterdam'
});

/** The day of a moment (timestamptz) as people in the Netherlands saw it. */
export const formatMomentDay = (at: string) => momentFormat.format(new Date(at));
