// Account mails, one per kind registered in supabase/migrations/*_platform_sign_in_limits.sql
// (notification_kinds). The platform adds the greeting, the link button and the footer.
import { z } from 'zod';
import { mailKind, type MailKind } from '../notifications/mail-kind';

export const mailKinds: Record<string, MailKind> = {
	account_exists: mailKind({
		payload: z.object({}),
		content: () => ({
			subject: 'Je hebt al een account bij Buurtkracht',
			paragraphs: [
				'Iemand wilde met dit e-mailadres een account maken bij Buurtkracht. Je hebt al een account.',
				'Log in met je wachtwoord of met een inlogmail. Weet je je wachtwoord niet meer? Kies dan op de inlogpagina "Wachtwoord vergeten?".',
				'Heb je dit niet zelf gedaan? Dan kun je deze e-mail negeren.'
			],
			action: { label: 'Inloggen', path: '/inloggen', public: true }
		})
	})
};
