// The licence line, shared by the open-data page (which may not import server modules' data) and the files.
export const LICENCE_LINE =
	'Deze gegevens zijn vrijgegeven onder CC0 1.0 (publiek domein): gebruik ze vrij, ook zonder bronvermelding.';
