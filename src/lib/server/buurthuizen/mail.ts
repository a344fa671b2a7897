// Buurthuizen's notification mails, one per kind registered in
// supabase/migrations/*_buurthuizen.sql (notification_kinds). The platform adds the greeting,
// the link button and the footer.
import { z } from 'zod';
import { formatDay } from '#lib/buurthuizen/dates';
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
	})
};
