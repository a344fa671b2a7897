// Mantelzorgwaardering's notification mails, one per kind registered in
// supabase/schemas/3*_mantelzorg_*.sql (notification_kinds). Carers with an account get mail; a
// carer without one hears only that the application arrived (at an address the consulent typed)
// and gets the decision as a printed letter (the letter queue). A mail never
// names the person cared for or the reason of a decision: it links to the carer's page.
import { z } from 'zod';
import { mailKind, type MailKind } from '../notifications/mail-kind';
import { shopMailKinds } from './shop-mail';

const CARER_PAGE = '/mantelzorg/mijn';

export const mailKinds: Record<string, MailKind> = {
	...shopMailKinds,
	// To the carer's account, or for a carer without one to the address the consulent typed: then
	// the decision and the cheque come by post, and the link is only to what the scheme is.
	application_received: mailKind({
		payload: z.object({
			application_id: z.uuid(),
			year: z.number().int().min(2000).max(2100),
			has_account: z.boolean(),
			entered_by_caseworker: z.boolean()
		}),
		content: (p) => ({
			subject: `We hebben je aanvraag voor de mantelzorgwaardering ${p.year} ontvangen`,
			paragraphs: [
				p.entered_by_caseworker
					? `Een consulent van het sociaal wijkteam heeft je aanvraag voor de mantelzorgwaardering ${p.year} ingevoerd. Hij wordt nu beoordeeld.`
					: `Bedankt voor je aanvraag voor de mantelzorgwaardering ${p.year}. Een consulent van het sociaal wijkteam beoordeelt hem.`,
				p.has_account
					? 'Heeft de consulent een vraag, of is er een besluit, dan krijg je een e-mail. Je ziet je aanvraag ook op Buurtkracht.'
					: 'Het besluit krijg je per post. Wordt je aanvraag goedgekeurd, dan zit je cheque bij de brief.',
				'Heb je deze aanvraag niet gedaan? Neem dan contact op met het sociaal wijkteam.'
			],
			action: p.has_account
				? { label: 'Bekijk je aanvraag', path: CARER_PAGE }
				: { label: 'Lees over de mantelzorgwaardering', path: '/mantelzorg' }
		})
	}),
	application_decided: mailKind({
		payload: z.object({
			application_id: z.uuid(),
			decision: z.enum(['approved', 'rejected'])
		}),
		content: (p) => ({
			subject:
				p.decision === 'approved'
					? 'Je mantelzorgwaardering is toegekend'
					: 'Besluit over je aanvraag mantelzorgwaardering',
			paragraphs:
				p.decision === 'approved'
					? [
							'Goed nieuws: je aanvraag voor de mantelzorgwaardering is goedgekeurd.',
							'Je ziet je cheque en de code op Buurtkracht. Daar kun je ook een brief met de code printen.'
						]
					: [
							'Je aanvraag voor de mantelzorgwaardering is niet goedgekeurd.',
							'Op Buurtkracht lees je waarom. Heb je vragen? Neem contact op met het sociaal wijkteam.'
						],
			action: { label: 'Bekijk je aanvraag', path: CARER_PAGE }
		})
	}),
	application_question: mailKind({
		payload: z.object({ application_id: z.uuid() }),
		content: () => ({
			subject: 'Een vraag over je aanvraag mantelzorgwaardering',
			paragraphs: [
				'De consulent heeft een vraag over je aanvraag voor de mantelzorgwaardering.',
				'Je aanvraag wacht tot je de vraag beantwoordt.'
			],
			action: { label: 'Beantwoord de vraag', path: CARER_PAGE }
		})
	}),
	cheque_expiry_reminder: mailKind({
		payload: z.object({
			cheque_id: z.uuid(),
			expires_on: z.iso.date(),
			kind: z.enum(['cheque', 'pluim']).optional()
		}),
		content: (p) => ({
			subject: `Je ${p.kind === 'pluim' ? 'Pluim' : 'cheque'} is bijna verlopen`,
			paragraphs: [
				`Je ${p.kind === 'pluim' ? 'Pluim' : 'mantelzorgcheque'} is geldig tot en met ${new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${p.expires_on}T00:00:00Z`))}.`,
				'Er staat nog geld op. Gebruik het op tijd bij een van de deelnemende winkels.'
			],
			action: { label: 'Bekijk je cheque', path: CARER_PAGE }
		})
	})
};
