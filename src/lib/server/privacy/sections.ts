// "Mijn gegevens" in plain Dutch (B1): everything held about a person, grouped by purpose, each
// group with why we keep it and until when (from the processing register) and where to correct
// it. The page and the PDF both render these sections, so they never tell different stories.
import {
	CATEGORY_LABELS,
	MATCH_STATUS_LABELS,
	RESPONSE_STATUS_LABELS,
	STATUS_LABELS
} from '../../buurthulp/labels';
import {
	APPLICATION_STATUS_LABELS,
	CALLBACK_OUTCOME_LABELS,
	CARE_RELATION_LABELS,
	CHEQUE_KIND_LABELS,
	CHEQUE_STATUS_LABELS
} from '../../mantelzorg/labels';
import { formatCents, formatDay, formatMomentDay } from '../../mantelzorg/display';
import { roleLabel } from '../../roles';
import type { MyData, RegisterEntry } from './my-data';

export interface Field {
	label: string;
	value: string;
}

export interface Item {
	title: string;
	fields: Field[];
	/** Where this item is corrected, when it can be. */
	correct?: { href: string; label: string };
}

export interface Section {
	id: string;
	title: string;
	/** From the register: why we keep it, the legal ground, until when. */
	why: string;
	basis: string;
	until: string;
	/** What to do to correct it (a link, or whom to ask). */
	correct: { href?: string; label: string } | null;
	items: Item[];
	/** Said when there are no items. */
	empty: string;
}

const label = <T extends string>(labels: Record<T, string>, value: string | null | undefined) =>
	value ? (labels[value as T] ?? value) : '–';
const day = (value: string | null | undefined) => (value ? formatDay(value) : '–');
const moment = (value: string | null | undefined) => (value ? formatMomentDay(value) : '–');
const yesNo = (value: boolean | undefined) => (value ? 'ja' : 'nee');
const field = (l: string, value: string | number | null | undefined): Field => ({
	label: l,
	value: value === null || value === undefined || value === '' ? '–' : String(value)
});

const BASIS: Record<string, string> = {
	consent: 'Toestemming: je hebt er zelf voor gekozen',
	contract: 'Een afspraak (overeenkomst) met de gemeente',
	legal_obligation: 'De wet verplicht ons',
	vital_interests: 'Om iemands leven of gezondheid te beschermen',
	public_task: 'Een taak van de gemeente',
	legitimate_interests: 'Een gerechtvaardigd belang'
};

/** The counts under "Je werk als medewerker", in words; an unknown key is shown as it is. */
const STAFF_LABELS: Record<string, string> = {
	processing_log: 'Keren dat je gegevens van iemand anders bekeek of veranderde',
	applications_entered: 'Aanvragen die je voor een mantelzorger invoerde',
	applications_decided: 'Aanvragen waarover je besliste',
	questions_asked: 'Vragen die je stelde bij een aanvraag',
	callback_checks: 'Controles door terug te bellen',
	cheques_blocked: 'Cheques die je blokkeerde',
	shops_decided: 'Winkels waarover je besliste',
	redemptions: 'Cheques die je in een winkel aannam',
	redemptions_undone: 'Aangenomen cheques die je terugdraaide',
	invitations_sent: 'Uitnodigingen die je stuurde',
	moderation_actions: 'Keren dat je iets verborg of iemand blokkeerde',
	reports_handled: 'Meldingen die je afhandelde',
	points_periods_closed: 'Puntenperiodes die je afsloot',
	role_invitations_sent: 'Uitnodigingen voor een rol die je stuurde',
	security_txt_renewed: 'Keren dat je security.txt vernieuwde',
	district_imports_staged: 'Wijkindelingen die je uploadde'
};
const staffField = (key: string, n: number) => field(STAFF_LABELS[key] ?? key, n);

export const OPERATION_LABELS = { read: 'bekeken', change: 'veranderd' } as const;

const MAIL_LABELS: Record<string, string> = {
	account_exists: 'Je hebt al een account',
	response_received: 'Iemand wil je helpen',
	response_accepted: 'Je hulp is aangenomen',
	message_received: 'Nieuw bericht',
	invitation: 'Uitnodiging voor een hulpvraag',
	followup: 'Hoe ging het?',
	escalation: 'Een hulpafspraak heeft aandacht nodig',
	thanks_received: 'Bedankje',
	content_hidden: 'Iets van jou is verborgen',
	application_received: 'Aanvraag ontvangen',
	application_decided: 'Besluit over je aanvraag',
	application_question: 'Vraag over je aanvraag',
	cheque_expiry_reminder: 'Herinnering: cheque verloopt',
	shop_approved: 'Winkel goedgekeurd',
	shop_suspended: 'Winkel gestopt',
	shop_code_lockout: 'Codes geblokkeerd bij een winkel',
	shop_staff_invited: 'Uitnodiging om cheques aan te nemen bij een winkel',
	activity_cancelled: 'Activiteit gaat niet door',
	activity_moved: 'Activiteit op een andere datum of tijd'
};

const KIND_LABELS: Record<string, string> = {
	page: 'bekeken op de website',
	json: 'gedownload (JSON)',
	pdf: 'gedownload (PDF)'
};

function fromRegister(register: RegisterEntry[], code: string) {
	const entry = register.find((r) => r.code === code);
	return {
		why: entry?.purpose ?? '',
		basis: entry
			? [BASIS[entry.legalBasis] ?? entry.legalBasis, entry.legalBasisDetail]
					.filter(Boolean)
					.join('. ')
			: '',
		until: entry?.retention ?? ''
	};
}

function section(
	register: RegisterEntry[],
	code: string,
	s: Omit<Section, 'why' | 'basis' | 'until'>
): Section {
	return { ...s, ...fromRegister(register, code) };
}

/** The activity's name for a log line, from the register. */
const activityName = (register: RegisterEntry[], code: string) =>
	register.find((r) => r.code === code)?.name ?? code;

export function describeMyData({ data, register }: Pick<MyData, 'data' | 'register'>): Section[] {
	const { platform, buurthulp, mantelzorg, buurthuizen } = data;
	const sections: Section[] = [];

	sections.push(
		section(register, 'platform.account', {
			id: 'account',
			title: 'Je account',
			correct: { href: '/profiel', label: 'Naam, wijk of contactgegevens veranderen' },
			empty: 'We hebben geen account van je.',
			items: [
				{
					title: 'Inloggen',
					fields: [
						field('E-mailadres', platform.account?.email),
						field('Account gemaakt op', moment(platform.account?.createdAt)),
						field('Laatst ingelogd', moment(platform.account?.lastSignInAt))
					]
				},
				{
					title: 'Profiel en contactgegevens',
					fields: [
						field('Naam', platform.profile?.displayName),
						field('Gemeente', platform.profile?.municipality),
						field('Wijk', platform.profile?.district),
						field('Telefoonnummer', platform.contact?.phone),
						field(
							'Adres',
							[platform.contact?.streetAddress, platform.contact?.postcode, platform.contact?.city]
								.filter(Boolean)
								.join(', ')
						)
					],
					correct: { href: '/profiel', label: 'Verbeter je profiel' }
				},
				...platform.roles
					.filter((r) => r.role !== 'shop_staff')
					.map((r) => ({
						title: `Rol: ${roleLabel(r.role)}`,
						fields: [
							field('Voor', r.communityCentre ?? platform.profile?.municipality),
							field('Sinds', moment(r.since))
						]
					})),
				...platform.roleInvitations.map((i) => ({
					title: `Uitnodiging voor de rol ${roleLabel(i.role)}`,
					fields: [
						field('Gestuurd op', moment(i.createdAt)),
						field(
							'Status',
							i.acceptedAt
								? 'aangenomen'
								: i.withdrawnAt
									? 'ingetrokken'
									: `open tot ${moment(i.expiresAt)}`
						)
					]
				})),
				...mantelzorg.shopInvitations.map((i) => ({
					title: `Uitnodiging om mee te werken bij ${i.shop}`,
					fields: [
						field('Gestuurd op', moment(i.createdAt)),
						field(
							'Status',
							i.acceptedAt ? 'aangenomen' : i.withdrawnAt ? 'ingetrokken' : 'nog open of verlopen'
						)
					]
				})),
				...mantelzorg.shopMemberships.map((s) => ({
					title: `Rol: ${roleLabel('shop_staff')}`,
					fields: [field('Voor', s.shop), field('Sinds', moment(s.since))]
				})),
				...(platform.block
					? [
							{
								title: 'Je account is geblokkeerd',
								fields: [
									field('Sinds', moment(platform.block.since)),
									field('Reden', platform.block.reason)
								]
							}
						]
					: [])
			]
		})
	);

	sections.push(
		section(register, 'buurthulp.help_requests', {
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
		})
	);

	sections.push(
		section(register, 'buurthulp.volunteering', {
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
		})
	);

	sections.push(
		section(register, 'buurthulp.matching', {
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
						...m.myMessages.map((msg) =>
							field(`Jouw bericht van ${moment(msg.createdAt)}`, msg.body)
						)
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
		})
	);

	sections.push(
		section(register, 'buurthulp.moderation', {
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
					fields: [
						field('Wat', a.action),
						field('Reden', a.reason),
						field('Op', moment(a.createdAt))
					]
				}))
			]
		})
	);

	sections.push(
		section(register, 'mantelzorg.application_review', {
			id: 'mantelzorg',
			title: 'Je aanvragen en cheques (mantelzorgwaardering)',
			correct: {
				href: '/mantelzorg/mijn',
				label: 'Klopt er iets niet? Neem contact op met het sociaal wijkteam van je wijk'
			},
			empty: 'Je hebt geen mantelzorgwaardering aangevraagd.',
			items: [
				...mantelzorg.applications.map((a) => ({
					title: `Aanvraag ${a.schemeYear} voor ${a.careRecipientName}`,
					fields: [
						field('Status', label(APPLICATION_STATUS_LABELS, a.status)),
						field('Naam', `${a.carerFirstName} ${a.carerLastName}`),
						field('Geboortedatum', day(a.carerBirthDate)),
						field('Adres', `${a.carerPostcode} ${a.carerHouseNumber}`),
						field('E-mailadres', a.carerEmail),
						field('Telefoonnummer', a.carerPhone),
						field('Je zorgt voor', `${a.careRecipientName} (${a.careRecipientPostcode})`),
						field('Relatie', label(CARE_RELATION_LABELS, a.careRelation)),
						field('Uren per week', a.hoursPerWeek),
						field('Mantelzorger sinds', day(a.caringSince)),
						field('Vraag van de consulent', a.question),
						field('Jouw antwoord', a.answer),
						field('Besluit op', moment(a.decidedAt)),
						field('Reden van afwijzing', a.rejectionReason),
						field('Wijk', a.district),
						field('We bewaren deze aanvraag tot', day(a.keptUntil)),
						...a.callbackChecks.map((c) =>
							field(
								`Nagebeld (${moment(c.drawnAt)})`,
								[label(CALLBACK_OUTCOME_LABELS, c.outcome), c.note]
									.filter((x) => x && x !== '–')
									.join(': ')
							)
						)
					]
				})),
				...mantelzorg.cheques.map((c) => ({
					title: `${label(CHEQUE_KIND_LABELS, c.kind)} (code eindigt op ${c.codeEndsWith})`,
					fields: [
						field('Waarde', formatCents(c.valueCents)),
						field('Nog te besteden', formatCents(c.remainingCents)),
						field('Geldig tot en met', day(c.expiresOn)),
						field('Status', label(CHEQUE_STATUS_LABELS, c.status)),
						...c.redemptions.map((r) =>
							field(
								`Besteed op ${moment(r.createdAt)}`,
								`${formatCents(r.amountCents)} bij ${r.shop}${r.undoneAt ? ' (teruggedraaid)' : ''}`
							)
						)
					]
				})),
				...mantelzorg.shopsOwned.map((s) => ({
					title: `Winkel: ${s.name}`,
					fields: [
						field('KvK-nummer', s.kvkNumber),
						field('Adres', `${s.streetAddress}, ${s.postcode} ${s.city}`),
						field('IBAN', s.iban),
						field(
							'Contactpersoon',
							[s.contactName, s.contactEmail, s.contactPhone].filter(Boolean).join(', ')
						)
					]
				}))
			]
		})
	);

	sections.push(
		section(register, 'buurthuizen.registration', {
			id: 'activiteiten',
			title: 'Je aanmeldingen voor activiteiten',
			correct: null,
			empty: 'Je hebt je niet aangemeld voor activiteiten.',
			items: buurthuizen.registrations.map((r) => ({
				title: `${r.activity} in ${r.communityCentre}`,
				fields: [field('Op', day(r.occursOn)), field('Aangemeld op', moment(r.createdAt))],
				correct: { href: `/buurthuizen/activiteit/${r.activityId}`, label: 'Afmelden of bekijken' }
			}))
		})
	);

	sections.push(
		section(register, 'platform.notifications', {
			id: 'mails',
			title: 'E-mails die we je stuurden',
			correct: null,
			empty: 'We hebben je nog geen e-mails gestuurd.',
			items: platform.mails.map((m) => ({
				title: MAIL_LABELS[m.kind] ?? m.kind,
				fields: [
					field('Gemaakt op', moment(m.createdAt)),
					field('Verstuurd', m.failedAt ? 'niet gelukt' : m.sentAt ? moment(m.sentAt) : 'nog niet')
				]
			}))
		})
	);

	sections.push(
		section(register, 'platform.processing_log', {
			id: 'wie-bekeek',
			title: 'Wie heeft mijn gegevens bekeken',
			correct: null,
			empty: 'Geen medewerker heeft je gegevens bekeken of veranderd.',
			items: platform.processingLog.map((l) => ({
				title: `${moment(l.createdAt)}: ${activityName(register, l.activity)}`,
				fields: [
					field('Wat', `Je gegevens zijn ${OPERATION_LABELS[l.operation]}`),
					field(
						'Door',
						`${l.actorRole ? roleLabel(l.actorRole) : 'Medewerker'} (${l.actorOrganisation})`
					)
				]
			}))
		})
	);

	sections.push(
		section(register, 'platform.privacy_rights', {
			id: 'verzoeken',
			title: 'Wanneer je je gegevens bekeek of downloadde',
			correct: null,
			empty: 'Nog nooit.',
			items: platform.dataRequests.map((r) => ({
				title: `${moment(r.createdAt)}: ${KIND_LABELS[r.kind] ?? r.kind}`,
				fields: []
			}))
		})
	);

	const staffCounts = [
		...platform.staffActions.map((a) => field(a.action, a.count)),
		...Object.entries(mantelzorg.staffWork)
			.filter(([, n]) => n > 0)
			.map(([k, n]) => staffField(k, n)),
		...Object.entries(buurthulp.coordinatorWork)
			.filter(([, n]) => n > 0)
			.map(([k, n]) => staffField(k, n)),
		...(platform.staffLogLines > 0 ? [staffField('processing_log', platform.staffLogLines)] : []),
		...Object.entries(platform.staffWork)
			.filter(([, n]) => n > 0)
			.map(([k, n]) => staffField(k, n)),
		...Object.entries(buurthuizen.staffWork)
			.filter(([, n]) => n > 0)
			.map(([k, n]) => staffField(k, n)),
		...(platform.platformOperator ? [field('Platformbeheerder', 'ja')] : []),
		...(mantelzorg.caseworkerDistricts.length
			? [field('Wijken als consulent', mantelzorg.caseworkerDistricts.join(', '))]
			: [])
	];
	if (staffCounts.length) {
		sections.push(
			section(register, 'platform.audit', {
				id: 'werk',
				title: 'Je werk als medewerker',
				correct: null,
				empty: '',
				items: [
					{
						title:
							'Wat je als medewerker deed (alleen aantallen: de gegevens zelf gaan over anderen)',
						fields: staffCounts
					}
				]
			})
		);
	}
	return sections;
}
