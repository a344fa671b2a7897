// Mantelzorgwaardering's notification mails, one per kind registered in
// supabase/migrations/*_mantelzorg.sql (notification_kinds). Only carers with an account get
// mail; a carer without e-mail gets a printed letter instead (the letter queue). A mail never
// names the person cared for or the reason of a decision: it links to the carer's page.
import { z } from 'zod';
import { mailKind, type MailKind } from '../notifications/mail-kind';
import { shopMailKinds } from './shop-mail';

const CARER_PAGE = '/mantelzorg/mijn';

export const mailKinds: Record<string, MailKind> = {
	...shopMailKinds,
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
