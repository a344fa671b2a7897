// "Vervoer nodig? Vraag hulp": the link from an activity to a new Buurthulp request, pre-filled
// with the date, the place and the category transport, and the reading of that link on the
// request form (/hulp/vraag/nieuw). Both sides of the contract live here.

export interface TransportFor {
	title: string;
	centreName: string;
	/** "Lorzie 1, 1521 AA Wormerveer" */
	address: string;
	districtId: string;
	/** The Amsterdam date of the occurrence, "2027-03-16". */
	occursOn: string;
	/** "10:00" */
	startTime: string;
}

/** /hulp/vraag/nieuw?categorie=vervoer&datum=…&wijk=…&titel=…&uitleg=… */
export function transportHelpLink(a: TransportFor): string {
	const params = new URLSearchParams({
		categorie: 'vervoer',
		datum: a.occursOn,
		wijk: a.districtId,
		titel: `Vervoer naar ${a.title}`.slice(0, 100),
		uitleg:
			`Ik zoek vervoer naar de activiteit "${a.title}" in ${a.centreName}, ${a.address}. De activiteit begint om ${a.startTime}. Wie kan mij brengen en weer ophalen?`.slice(
				0,
				2000
			)
	});
	return `/hulp/vraag/nieuw?${params}`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface HelpPrefill {
	category?: 'transport';
	whenKind?: 'date';
	startsOn?: string;
	districtId?: string;
	title?: string;
	description?: string;
}

/**
 * The starting values a request form takes from such a link. Anything odd is left out (the form
 * validates what is finally sent anyway); a date must not lie before `today`.
 */
export function readHelpPrefill(params: URLSearchParams, today: string): HelpPrefill {
	const out: HelpPrefill = {};
	if (params.get('categorie') === 'vervoer') out.category = 'transport';
	const date = params.get('datum') ?? '';
	if (ISO_DATE.test(date) && !Number.isNaN(Date.parse(date)) && date >= today) {
		out.whenKind = 'date';
		out.startsOn = date;
	}
	const district = params.get('wijk') ?? '';
	if (UUID.test(district)) out.districtId = district.toLowerCase();
	const title = params.get('titel')?.trim();
	if (title) out.title = title.slice(0, 100);
	const description = params.get('uitleg')?.trim();
	if (description) out.description = description.slice(0, 2000);
	return out;
}
