// Tenancy's notification mails, one per kind registered in supabase/schemas/11_platform_invitations.sql.
import { z } from 'zod';
import { roleLabel } from '#lib/roles';
import { mailKind, type MailKind } from '../notifications/mail-kind';

export const mailKinds: Record<string, MailKind> = {
	role_invited: mailKind({
		payload: z.object({
			invitation_id: z.uuid(),
			role: z.string().max(40),
			centre_name: z.string().max(100).nullable().optional(),
			municipality_name: z.string().max(80)
		}),
		content: (p) => ({
			subject: `Je bent uitgenodigd voor Buurtkracht ${p.municipality_name}`,
			paragraphs: [
				`Je bent uitgenodigd als ${roleLabel(p.role).toLowerCase()}${p.centre_name ? ` van ${p.centre_name}` : ''} bij Buurtkracht ${p.municipality_name}.`,
				'Heb je nog geen account? Maak er dan eerst een met dit e-mailadres. Open daarna deze link opnieuw en neem de uitnodiging aan.',
				'De uitnodiging is 14 dagen geldig. Verwachtte je deze e-mail niet? Dan kun je hem negeren.'
			],
			action: { label: 'Uitnodiging bekijken', path: `/uitnodiging/${p.invitation_id}` }
		})
	})
};
