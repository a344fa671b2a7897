// Why the sign-in (or sign-up) page is asked for, in one sentence: someone who tapped "Vraag om
// hulp" or a link in a mail should see why she has to log in first, and that she will come back.

const GOALS: [RegExp, string][] = [
	[/^\/hulp\/vraag\/nieuw/, 'hulp te vragen'],
	[/^\/hulp\/vraag\/[^/?#]+/, 'deze hulpvraag te bekijken'],
	[/^\/hulp\/vrijwilliger/, 'vrijwilliger te worden'],
	[/^\/hulp\/voor-jou/, 'de hulpvragen voor jou te zien'],
	[/^\/hulp\/(mijn|match)/, 'je buurthulp te zien'],
	[/^\/mantelzorg\/aanvragen/, 'mantelzorgwaardering aan te vragen'],
	[/^\/mantelzorg\/mijn/, 'je aanvraag en je cheque te zien'],
	[/^\/buurthuizen\/activiteit\/[^/]+\/aanmelden/, 'je aan te melden'],
	[/^\/winkel/, 'een cheque aan te nemen'],
	[/^\/buurthuizen\/bestuur/, 'de activiteiten van je buurthuis bij te houden']
];

/** The sentence above the form, or null when nobody asked for a page. */
export function signInReason(
	next: string | null,
	fromMail: boolean,
	form: 'sign_in' | 'sign_up' = 'sign_in'
): string | null {
	if (!next || next === '/') return null;
	const goal = GOALS.find(([pattern]) => pattern.test(next))?.[1];
	const why =
		form === 'sign_up'
			? `Maak een account om ${goal ?? 'verder te gaan'}.`
			: goal
				? `Log in om ${goal}.`
				: 'Voor deze pagina moet je ingelogd zijn.';
	const mail = fromMail ? 'Je opende een link uit een e-mail van Buurtkracht. ' : '';
	return `${mail}${why} Daarna ga je meteen verder waar je was.`;
}
