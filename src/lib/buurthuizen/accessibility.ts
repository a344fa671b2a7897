// A buurthuis's accessibility in OpenStreetMap's terms, in Dutch. Each line names the OSM tag, so
// a visitor who knows OSM (or a mapper) reads the same facts; null means nobody checked yet.
export type OsmAccess = 'yes' | 'limited' | 'no';

export interface CentreAccess {
	wheelchair: string | null;
	toiletsWheelchair: string | null;
	hearingLoop: string | null;
	parking: string | null;
}

export interface AccessLine {
	tag: string;
	label: string;
	value: string | null;
	text: string;
}

const UNKNOWN = 'Nog niet bekend';

const TEXTS: Record<string, Record<OsmAccess, string>> = {
	wheelchair: {
		yes: 'Ja, helemaal toegankelijk met een rolstoel',
		limited: 'Deels: met hulp of niet in alle ruimtes',
		no: 'Nee, niet toegankelijk met een rolstoel'
	},
	'toilets:wheelchair': {
		yes: 'Ja, er is een toilet voor rolstoelgebruikers',
		limited: 'Deels: het toilet is krap',
		no: 'Nee, geen toilet voor rolstoelgebruikers'
	},
	hearing_loop: {
		yes: 'Ja, er is een ringleiding',
		limited: 'In een deel van de ruimtes',
		no: 'Nee, geen ringleiding'
	},
	parking: {
		yes: 'Ja, parkeren bij de deur',
		limited: 'Weinig plaatsen',
		no: 'Nee, geen parkeerplaats bij het gebouw'
	}
};

const LABELS: Record<string, string> = {
	wheelchair: 'Rolstoel',
	'toilets:wheelchair': 'Toilet voor rolstoelgebruikers',
	hearing_loop: 'Ringleiding',
	parking: 'Parkeren'
};

const isAccess = (v: string | null): v is OsmAccess => v === 'yes' || v === 'limited' || v === 'no';

function line(tag: string, value: string | null): AccessLine {
	return {
		tag,
		label: LABELS[tag] ?? tag,
		value,
		text: isAccess(value) ? (TEXTS[tag]?.[value] ?? value) : UNKNOWN
	};
}

/** The four OSM facts, in a fixed order, each with its tag, a Dutch label and a Dutch sentence. */
export function accessLines(c: CentreAccess): AccessLine[] {
	return [
		line('wheelchair', c.wheelchair),
		line('toilets:wheelchair', c.toiletsWheelchair),
		line('hearing_loop', c.hearingLoop),
		line('parking', c.parking)
	];
}

/** One short line for a popup or a list item: "Rolstoel: ja · ringleiding: nee". */
export function accessSummary(c: CentreAccess): string {
	const word = (v: string | null) =>
		v === 'yes' ? 'ja' : v === 'limited' ? 'deels' : v === 'no' ? 'nee' : 'onbekend';
	return `Rolstoel: ${word(c.wheelchair)} · toilet rolstoel: ${word(c.toiletsWheelchair)} · ringleiding: ${word(c.hearingLoop)}`;
}
