// "Feiten & Cijfers": the year's key figures as sentences for the annual report, in the style
// of the municipality's own ("1.583 mantelzorgers bereikt met de mantelzorgwaardering").
import { formatCents, formatCount } from './format';

export interface FactSection {
	area: string;
	title: string;
	sentences: string[];
}

const plural = (n: number, one: string, many: string) =>
	`${formatCount(n)} ${n === 1 ? one : many}`;

/** get(metric) gives the year's value for the whole municipality. */
export function factSections(
	get: (metric: string) => number,
	extra: { centres: number; districts: number }
): FactSection[] {
	const posted = get('bh_requests_posted');
	const matched = get('bh_requests_matched');
	const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);
	return [
		{
			area: 'mantelzorg',
			title: 'Mantelzorgwaardering',
			sentences: [
				`${plural(get('mz_carers_reached'), 'mantelzorger', 'mantelzorgers')} bereikt met de mantelzorgwaardering.`,
				`${plural(get('mz_young_carers_reached'), 'jonge mantelzorger', 'jonge mantelzorgers')} bereikt met een Pluim.`,
				`${plural(get('mz_shops_taking_part'), 'lokale winkel', 'lokale winkels')} waar cheques zijn verzilverd (${formatCount(get('mz_shops_approved'))} doen nu mee).`,
				`Budget ${formatCents(get('mz_budget_cents'))}; ${formatCents(get('mz_budget_used_cents'))} toegekend, ${formatCents(get('mz_redeemed_cents'))} verzilverd en ${formatCents(get('mz_paid_out_cents'))} uitbetaald aan winkels.`
			]
		},
		{
			area: 'buurthulp',
			title: 'Buurthulp',
			sentences: [
				`${plural(posted, 'hulpvraag', 'hulpvragen')} geplaatst; bij ${plural(matched, 'hulpvraag', 'hulpvragen')} is een vrijwilliger gekozen.`,
				`${plural(get('bh_active_volunteers'), 'vrijwilliger', 'vrijwilligers')} reageerden op hulpvragen.`,
				`${plural(get('bh_requests_via_coordinator'), 'hulpvraag', 'hulpvragen')} (${share(get('bh_requests_via_coordinator'), posted)}%) via de buurtcoördinator, voor inwoners zonder internet.`,
				`${plural(get('bh_followups_good'), 'keer', 'keer')} "goed" op de vraag "Hoe ging het?", van ${formatCount(get('bh_followups_answered'))} antwoorden.`
			]
		},
		{
			area: 'buurthuizen',
			title: 'Buurthuizen',
			sentences: [
				`${plural(extra.centres, 'buurthuis', 'buurthuizen')} in ${plural(extra.districts, 'wijk', 'wijken')}, gerund door vrijwilligers.`,
				`${plural(get('bz_occurrences_held'), 'activiteit', 'activiteiten')} gehouden, met ${plural(get('bz_registrations'), 'aanmelding', 'aanmeldingen')}.`,
				`${plural(get('bz_occurrences_cancelled'), 'activiteit', 'activiteiten')} afgelast of overgeslagen.`
			]
		}
	];
}
