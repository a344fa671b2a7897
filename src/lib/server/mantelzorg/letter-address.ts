// The address on a printed letter, as it shows in the envelope window.

export interface CarerAddress {
	firstName: string;
	lastName: string;
	postcode: string;
	houseNumber: string;
	street: string | null;
	town: string | null;
}

/** "1506AB" → "1506 AB". */
export const formatPostcode = (postcode: string) =>
	postcode.length === 6 ? `${postcode.slice(0, 4)} ${postcode.slice(4)}` : postcode;

/**
 * The Dutch address block in the envelope window: name; street and house number; postcode, two
 * spaces and the town in capitals (as PostNL asks). An application from before street and town
 * were asked prints postcode and house number, with the municipality's name as the town.
 */
export function addressBlock(a: CarerAddress, municipalityName: string): string[] {
	const name = `${a.firstName} ${a.lastName}`.trim();
	if (a.street && a.town) {
		return [
			name,
			`${a.street} ${a.houseNumber}`,
			`${formatPostcode(a.postcode)}  ${a.town.toLocaleUpperCase('nl-NL')}`
		];
	}
	return [
		name,
		`${formatPostcode(a.postcode)} ${a.houseNumber}`,
		municipalityName.toLocaleUpperCase('nl-NL')
	];
}
