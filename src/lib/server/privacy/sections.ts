// "Mijn gegevens" in plain Dutch (B1): everything held about a person, grouped by purpose, each
// group with why we keep it and until when (from the processing register) and where to correct
// it. The page and the PDF both render these sections, so they never tell different stories.
import { accountSection } from './sections-account';
import {
	helpRequestsSection,
	matchesSection,
	moderationSection,
	volunteeringSection
} from './sections-buurthulp';
import { mantelzorgSection } from './sections-mantelzorg';
import {
	dataRequestsSection,
	mailsSection,
	processingLogSection,
	staffWorkSection
} from './sections-records';
import type { MyData, RegisterEntry } from './my-data';
import { day, field, moment, section, type Section } from './section-kit';

export type { Field, Item, Section } from './section-kit';

export function describeMyData({ data, register }: Pick<MyData, 'data' | 'register'>): Section[] {
	const staff = staffWorkSection(register, data);
	return [
		accountSection(register, data),
		helpRequestsSection(register, data),
		volunteeringSection(register, data),
		matchesSection(register, data),
		moderationSection(register, data),
		mantelzorgSection(register, data),
		registrationsSection(register, data),
		mailsSection(register, data),
		processingLogSection(register, data),
		dataRequestsSection(register, data),
		...(staff ? [staff] : [])
	];
}

/** Activity registrations (Buurthuizen). */
export function registrationsSection(
	register: RegisterEntry[],
	{ buurthuizen }: MyData['data']
): Section {
	return section(register, 'buurthuizen.registration', {
		id: 'activiteiten',
		title: 'Je aanmeldingen voor activiteiten',
		correct: null,
		empty: 'Je hebt je niet aangemeld voor activiteiten.',
		items: buurthuizen.registrations.map((r) => ({
			title: `${r.activity} in ${r.communityCentre}`,
			fields: [field('Op', day(r.occursOn)), field('Aangemeld op', moment(r.createdAt))],
			correct: { href: `/buurthuizen/activiteit/${r.activityId}`, label: 'Afmelden of bekijken' }
		}))
	});
}
