// The Dutch sentence an error page shows for a status, when no more specific message applies.
// Shared by the server and the client error hooks, so no page ever falls back to SvelteKit's English.
const BY_STATUS: Record<number, string> = {
	400: 'Dit verzoek klopt niet. Ga terug en probeer het opnieuw.',
	401: 'Je bent niet ingelogd. Log in en probeer het opnieuw.',
	403: 'Je hebt geen toegang tot deze pagina. Ga terug, of log in met een ander account.',
	404: 'Deze pagina bestaat niet (meer). Controleer het adres, of ga naar de startpagina.',
	405: 'Dit kan niet op deze pagina. Ga terug en probeer het opnieuw.',
	413: 'Wat je stuurde is te groot. Maak het korter en probeer het opnieuw.',
	429: 'Je hebt dit te vaak geprobeerd. Wacht een paar minuten en probeer het dan opnieuw.'
};

const SERVER_FAULT =
	'Er ging iets mis aan onze kant. Probeer het over een paar minuten opnieuw. ' +
	'Lukt het dan nog niet? Neem contact op met de gemeente en noem de foutcode.';
const CLIENT_FAULT = 'Dit lukte niet. Ga terug en probeer het opnieuw.';

export function dutchErrorMessage(status: number): string {
	return BY_STATUS[status] ?? (status >= 500 ? SERVER_FAULT : CLIENT_FAULT);
}
