// The mails of the shops and the counter, registered in *_mantelzorg_shops.sql and
// *_mantelzorg_redemptions.sql. Spread into mailKinds in mail.ts.
import { z } from 'zod';
import { mailKind, type MailKind } from '../notifications/mail-kind';

const shopPayload = z.object({ shop_name: z.string().max(100) });

export const shopMailKinds: Record<string, MailKind> = {
	shop_approved: mailKind({
		payload: shopPayload,
		content: (p) => ({
			subject: 'Je winkel doet mee met de mantelzorgwaardering',
			paragraphs: [
				`De gemeente heeft ${p.shop_name} goedgekeurd. Vanaf nu kun je cheques en Pluimen aannemen.`,
				'Voeg je medewerkers toe, dan kunnen zij ook cheques aannemen aan de kassa.'
			],
			action: { label: 'Naar de kassa', path: '/winkel' }
		})
	}),
	shop_suspended: mailKind({
		payload: shopPayload,
		content: (p) => ({
			subject: 'Je winkel doet niet meer mee met de mantelzorgwaardering',
			paragraphs: [
				`${p.shop_name} kan geen cheques meer aannemen. Heb je vragen? Neem contact op met de gemeente.`
			],
			action: { label: 'Bekijk de betalingen met cheques', path: '/winkel/verzilveringen' }
		})
	}),
	// To an address, not an account: the invitee may not have an account yet.
	shop_staff_invited: mailKind({
		payload: z.object({ invitation_id: z.uuid(), shop_name: z.string().max(100) }),
		content: (p) => ({
			subject: `Uitnodiging: cheques aannemen bij ${p.shop_name}`,
			paragraphs: [
				`${p.shop_name} nodigt u uit om als medewerker mantelzorgcheques en Pluimen aan te nemen aan de kassa.`,
				'Log in op Buurtkracht met dit e-mailadres en accepteer de uitnodiging. Heeft u nog geen account? Maak er dan eerst een met dit e-mailadres. De uitnodiging is 14 dagen geldig.',
				'Kent u deze winkel niet? Dan kunt u deze e-mail negeren.'
			],
			action: {
				label: 'Bekijk de uitnodiging',
				path: `/mantelzorg/winkel-uitnodiging/${p.invitation_id}`
			}
		})
	}),
	shop_code_lockout: mailKind({
		payload: z.object({ shop_id: z.uuid(), shop_name: z.string().max(100) }),
		content: (p) => ({
			subject: 'Veel verkeerde chequecodes bij een winkel',
			paragraphs: [
				`Bij ${p.shop_name} zijn in korte tijd veel verkeerde codes ingevoerd. Het invoeren van codes is daar een kwartier geblokkeerd.`,
				'Misschien probeert iemand codes te raden. Neem zo nodig contact op met de winkel.'
			],
			action: { label: 'Bekijk de winkels', path: '/beheer/winkels' }
		})
	})
};
