// The Mantelzorg sections of "Mijn gegevens": applications, cheques and redemptions, shops owned.
import {
	APPLICATION_STATUS_LABELS,
	CALLBACK_OUTCOME_LABELS,
	CARE_RELATION_LABELS,
	CHEQUE_KIND_LABELS,
	CHEQUE_STATUS_LABELS
} from '../../mantelzorg/labels';
import { formatCents } from '../../mantelzorg/display';
import type { MyData, RegisterEntry } from './my-data';
import { day, field, label, moment, section, type Section } from './section-kit';

/** Applications with their call-back checks, cheques with their redemptions, shops owned. */
export function mantelzorgSection(
	register: RegisterEntry[],
	{ mantelzorg }: MyData['data']
): Section {
	return section(register, 'mantelzorg.application_review', {
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
	});
}
