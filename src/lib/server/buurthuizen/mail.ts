// Buurthuizen's notification mails, one per kind registered in
// supabase/migrations/*_buurthuizen.sql (notification_kinds). The platform adds the greeting,
// the link button and the footer.
import { z } from 'zod';
import { formatDay, formatOccurrence } from '#lib/buurthuizen/dates';
import { mailKind, type MailKind } from '../notifications/mail-kind';

export const mailKinds: Record<string, MailKind> = {
	// The board cancelled the activity, or skipped the one date someone registered for.
	activity_cancelled: mailKind({
		payload: z.object({
			activity_id: z.uuid(),
			title: z.string().max(200),
			reason: z.string().max(300).optional(),
			occurs_on: z.iso.date().optional()
		}),
		content: (p) => ({
			subject: `Gaat niet door: ${p.title}`,
			paragraphs: [
				p.occurs_on
					? `“${p.title}” gaat op ${formatDay(`${p.occurs_on}T12:00:00Z`)} niet door. Je aanmelding voor die dag vervalt.`
					: `“${p.title}” gaat niet door. Je aanmelding vervalt.`,
				...(p.reason ? [`Het bestuur schrijft: ${p.reason}`] : []),
				'Kijk op de pagina van de activiteit voor andere data.'
			],
			action: {
				label: 'Bekijk de activiteit',
				path: `/buurthuizen/activiteit/${p.activity_id}`,
				public: true
			}
		})
	}),
	// The board moved one week of a weekly activity to another date or time (move_activity_date):
	// the registration moved along. activity_id is the one-off at the new time.
	activity_moved: mailKind({
		payload: z.object({
			activity_id: z.uuid(),
			title: z.string().max(200),
			occurs_on: z.iso.date(),
			starts_at: z.string().max(40),
			ends_at: z.string().max(40),
			reason: z.string().max(300).optional()
		}),
		content: (p) => ({
			subject: `Andere datum of tijd: ${p.title}`,
			paragraphs: [
				`“${p.title}” van ${formatDay(`${p.occurs_on}T12:00:00Z`)} is verplaatst naar ${formatOccurrence(p.starts_at, p.ends_at)}.`,
				'Je aanmelding geldt voor de nieuwe datum en tijd. Kun je dan niet? Meld je dan af op de pagina van de activiteit.',
				...(p.reason ? [`Het bestuur schrijft: ${p.reason}`] : [])
			],
			action: {
				label: 'Bekijk de activiteit',
				path: `/buurthuizen/activiteit/${p.activity_id}`,
				public: true
			}
		})
	}),
	// To the board: a registration for a coming date lapsed because the person deleted their
	// account (delete_my_account). Without the name: the person asked to be forgotten.
	registration_lapsed: mailKind({
		payload: z.object({
			activity_id: z.uuid(),
			title: z.string().max(200),
			occurs_on: z.iso.date()
		}),
		content: (p) => ({
			subject: `Een aanmelding vervalt: ${p.title}`,
			paragraphs: [
				`Iemand die zich had aangemeld voor “${p.title}” op ${formatDay(`${p.occurs_on}T12:00:00Z`)} heeft het account bij Buurtkracht opgeheven. Die aanmelding vervalt.`,
				'Er is dus een plek vrij.'
			],
			action: {
				label: 'Bekijk de aanmeldingen',
				path: `/buurthuizen/bestuur/activiteit/${p.activity_id}`
			}
		})
	})
};
