// The Buurthulp sections of "Mijn gegevens": hulpvragen, volunteering, matches and messages,
// reports and moderation.
import {
	CATEGORY_LABELS,
	MATCH_STATUS_LABELS,
	RESPONSE_STATUS_LABELS,
	STATUS_LABELS
} from '../../buurthulp/labels';
import type { MyData, RegisterEntry } from './my-data';
import { day, field, label, moment, section, yesNo, type Section } from './section-kit';

type Buurthulp = { buurthulp: MyData['data']['buurthulp'] };

/** Hulpvragen the person placed (for themselves or for a resident). */
export function helpRequestsSection(register: RegisterEntry[], { buurthulp }: Buurthulp): Section {
	return section(register, 'buurthulp.help_requests', {
		id: 'hulpvragen',
		title: 'Je hulpvragen',
		correct: { href: '/hulp/mijn', label: 'Naar je hulpvragen' },
		empty: 'Je hebt geen hulpvragen geplaatst.',
		items: buurthulp.requests.map((r) =>
			r.onBehalfOfResident
				? {
						title: 'Hulpvraag die je plaatste voor een inwoner zonder account',
						fields: [
							field('Soort hulp', label(CATEGORY_LABELS, r.category)),
							field('Status', label(STATUS_LABELS, r.status)),
							field('Geplaatst op', moment(r.createdAt))
						]
					}
				: {
						title: r.title ?? 'Hulpvraag',
						fields: [
							field('Soort hulp', label(CATEGORY_LABELS, r.category)),
							field('Wat je schreef', r.description),
							field('Wijk', r.district),
							field('Postcode (4 cijfers)', r.postcodeArea),
							field('Adres (alleen voor je vrijwilliger)', r.streetAddress),
							field('Datum', r.startsOn ? day(r.startsOn) : 'flexibel'),
							field('Extra kwetsbaar', yesNo(r.isVulnerable)),
							field('Status', label(STATUS_LABELS, r.status)),
							field('Geplaatst op', moment(r.createdAt))
						],
						correct:
							r.status === 'open'
								? { href: `/hulp/vraag/${r.id}/wijzigen`, label: 'Verbeter deze hulpvraag' }
								: undefined
					}
		)
	});
}

/** The volunteer profile, offers, reactions and invitations. */
export function volunteeringSection(register: RegisterEntry[], { buurthulp }: Buurthulp): Section {
	return section(register, 'buurthulp.volunteering', {
		id: 'vrijwilliger',
		title: 'Je vrijwilligerswerk',
		correct: { href: '/hulp/vrijwilliger', label: 'Naar je vrijwilligersprofiel' },
		empty: 'Je bent geen vrijwilliger.',
		items: [
			...(buurthulp.volunteerProfile
				? [
						{
							title: 'Vrijwilligersprofiel',
							fields: [
								field('Woonwijk', buurthulp.volunteerProfile.homeDistrict),
								field('Ook in', buurthulp.volunteerProfile.districts.join(', ')),
								field('Afstand', `${buurthulp.volunteerProfile.radiusKm} km`),
								field(
									'Soorten hulp',
									buurthulp.volunteerProfile.categories
										.map((c) => label(CATEGORY_LABELS, c))
										.join(', ') || 'alles'
								),
								field('Afspraken tegelijk', buurthulp.volunteerProfile.maxActiveMatches),
								field('Even gepauzeerd', yesNo(buurthulp.volunteerProfile.isPaused)),
								field('Over jou', buurthulp.volunteerProfile.about),
								field('Vrijwilliger sinds', moment(buurthulp.volunteerProfile.createdAt))
							],
							correct: { href: '/hulp/vrijwilliger', label: 'Verbeter je profiel' }
						}
					]
				: []),
			...buurthulp.offers.map((o) => ({
				title: `Aanbod: ${o.title}`,
				fields: [
					field('Wat je schreef', o.description),
					field('Wijk', o.district),
					field('Wanneer', o.whenText),
					field('Geplaatst op', moment(o.createdAt))
				],
				correct: { href: '/hulp/aanbod', label: 'Naar je aanbod' }
			})),
			...buurthulp.responses.map((r) => ({
				title: `Je reactie op “${r.requestTitle}”`,
				fields: [
					field('Wat je schreef', r.message),
					field('Status', label(RESPONSE_STATUS_LABELS, r.status)),
					field('Op', moment(r.createdAt))
				]
			})),
			...buurthulp.invitations.map((i) => ({
				title: `Uitnodiging voor “${i.requestTitle}”`,
				fields: [field('Op', moment(i.createdAt))]
			}))
		]
	});
}

/** Matches with their own messages, thanks and follow-up answers. */
export function matchesSection(register: RegisterEntry[], { buurthulp }: Buurthulp): Section {
	return section(register, 'buurthulp.matching', {
		id: 'afspraken',
		title: 'Je afspraken en berichten',
		correct: { href: '/hulp/mijn', label: 'Naar je afspraken' },
		empty: 'Je hebt nog geen afspraken.',
		items: [
			...buurthulp.matches.map((m) => ({
				title: `${m.role === 'volunteer' ? 'Je hielp' : 'Je werd geholpen door'} ${m.otherFirstName}${m.requestTitle ? `: “${m.requestTitle}”` : ''}`,
				fields: [
					field('Status', label(MATCH_STATUS_LABELS, m.status)),
					field('Begonnen op', moment(m.createdAt)),
					field('Klaar op', moment(m.doneAt)),
					field('Jouw berichten', m.myMessages.length),
					field(`Berichten van ${m.otherFirstName}`, m.messagesFromOtherSide),
					...m.myMessages.map((msg) => field(`Jouw bericht van ${moment(msg.createdAt)}`, msg.body))
				]
			})),
			...buurthulp.thanksReceived.map((t) => ({
				title: 'Bedankje dat je kreeg',
				fields: [field('Tekst', t.message), field('Op', moment(t.createdAt))]
			})),
			...buurthulp.thanksGiven.map((t) => ({
				title: 'Bedankje dat je gaf',
				fields: [field('Tekst', t.message), field('Op', moment(t.createdAt))]
			})),
			...buurthulp.followups.map((f) => ({
				title: 'Je antwoord op “Hoe ging het?”',
				fields: [
					field('Antwoord', f.answer),
					field('Toelichting', f.comment),
					field('Op', moment(f.answeredAt))
				]
			}))
		]
	});
}

/** Reports made and moderation of the person's own content. */
export function moderationSection(register: RegisterEntry[], { buurthulp }: Buurthulp): Section {
	return section(register, 'buurthulp.moderation', {
		id: 'meldingen',
		title: 'Meldingen en moderatie',
		correct: null,
		empty: 'Je hebt niets gemeld, en er is niets van jou verborgen.',
		items: [
			...buurthulp.reports.map((r) => ({
				title: 'Melding die je deed',
				fields: [field('Reden', r.reason), field('Op', moment(r.createdAt))]
			})),
			...buurthulp.moderation.map((a) => ({
				title:
					a.action === 'block'
						? 'Je account is geblokkeerd'
						: 'Een buurtcoördinator veranderde iets van jou',
				fields: [field('Wat', a.action), field('Reden', a.reason), field('Op', moment(a.createdAt))]
			}))
		]
	});
}
