// Buurthulp's notification mails, one per kind registered in supabase/migrations/*_buurthulp.sql
// (notification_kinds). The platform adds the greeting, the link button and the footer.
import { z } from 'zod';
import { categoryLabel } from '#lib/buurthulp/labels';
import { mailKind, type MailKind } from '../notifications/mail-kind';

const requestPayload = z.object({ request_id: z.uuid(), title: z.string().max(200).optional() });
const matchPayload = z.object({ match_id: z.uuid() });

const dutchDate = (iso: string) =>
	new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' }).format(
		new Date(`${iso}T00:00:00Z`)
	);

const quoted = (title: string | undefined) => (title ? `“${title}”` : 'je hulpvraag');

/** A request as the alert mails name it: what, where and when; never an address. */
const alertItem = z.object({
	title: z.string().max(200),
	category: z.string().max(40),
	district_name: z.string().max(200),
	when_kind: z.string().max(20),
	starts_on: z.string().max(10).nullable()
});
const alertWhen = (i: z.infer<typeof alertItem>) =>
	!i.starts_on
		? 'wanneer het jou uitkomt'
		: `${i.when_kind === 'range' ? 'vanaf' : 'op'} ${dutchDate(i.starts_on)}`;
const alertLine = (i: z.infer<typeof alertItem>) =>
	`“${i.title}”: ${categoryLabel(i.category).toLowerCase()} in ${i.district_name}, ${alertWhen(i)}.`;
/** The path of the one-click unsubscribe page for this volunteer's token. */
export const unsubscribePath = (token: string) => `/hulp/meldingen/afmelden/${token}`;

export const mailKinds: Record<string, MailKind> = {
	// The volunteer asked for a mail at once when a request is needed today or tomorrow
	// (send_urgent_request_alerts).
	request_urgent: mailKind({
		payload: alertItem.extend({ request_id: z.uuid(), unsubscribe: z.uuid() }),
		content: (p) => ({
			subject: `Snel hulp nodig in ${p.district_name}`,
			paragraphs: [
				'Er is een nieuwe hulpvraag die bij je past, en de hulp is snel nodig:',
				alertLine(p),
				'Kun je helpen? Reageer dan op de hulpvraag.'
			],
			action: { label: 'Bekijk de hulpvraag', path: `/hulp/vraag/${p.request_id}` },
			unsubscribe: unsubscribePath(p.unsubscribe)
		})
	}),
	// The volunteer's daily or weekly digest of new "Voor jou" requests (send_request_digests).
	request_digest: mailKind({
		payload: z.object({
			digest: z.enum(['daily', 'weekly']),
			items: z
				.array(alertItem.extend({ id: z.uuid() }))
				.min(1)
				.max(5),
			unsubscribe: z.uuid()
		}),
		content: (p) => ({
			subject:
				p.items.length === 1
					? 'Een nieuwe hulpvraag voor jou'
					: `${p.items.length} nieuwe hulpvragen voor jou`,
			paragraphs: [
				`Sinds ${p.digest === 'daily' ? 'gisteren' : 'vorige week'} ${
					p.items.length === 1 ? 'is er een nieuwe hulpvraag' : 'zijn er nieuwe hulpvragen'
				} die bij je ${p.items.length === 1 ? 'past' : 'passen'}:`,
				...p.items.map(alertLine),
				'Bij Voor jou zie je ze allemaal, met waarom ze bij je passen.'
			],
			action: { label: 'Bekijk Voor jou', path: '/hulp/voor-jou' },
			unsubscribe: unsubscribePath(p.unsubscribe)
		})
	}),
	response_received: mailKind({
		payload: requestPayload,
		content: (p) => ({
			subject: 'Iemand wil je helpen',
			paragraphs: [
				`Een vrijwilliger heeft gereageerd op ${quoted(p.title)}.`,
				'Lees de reactie. Daarna kies je zelf of je de hulp aanneemt.'
			],
			action: { label: 'Bekijk de reactie', path: `/hulp/vraag/${p.request_id}#reacties` }
		})
	}),
	response_accepted: mailKind({
		payload: z.object({
			request_id: z.uuid().optional(),
			match_id: z.uuid().optional(),
			title: z.string().max(200).optional()
		}),
		content: (p) => ({
			subject: 'Je hulp is aangenomen',
			paragraphs: [
				`Goed nieuws: je reactie op ${quoted(p.title)} is aangenomen.`,
				'Je ziet nu hoe je elkaar kunt bereiken. Spreek samen af wanneer je helpt.'
			],
			action: p.match_id
				? { label: 'Bekijk jullie afspraak', path: `/hulp/match/${p.match_id}` }
				: { label: 'Bekijk je afspraken', path: '/hulp/mijn' }
		})
	}),
	message_received: mailKind({
		payload: matchPayload,
		content: (p) => ({
			subject: 'Je hebt een nieuw bericht',
			paragraphs: [
				'Er is een nieuw bericht over jullie afspraak.',
				'Lees het bericht op Buurtkracht.'
			],
			action: { label: 'Lees het bericht', path: `/hulp/match/${p.match_id}` }
		})
	}),
	invitation: mailKind({
		payload: requestPayload,
		content: (p) => ({
			subject: 'Wil je iemand helpen?',
			paragraphs: [
				`Een buurtcoördinator denkt dat jij kunt helpen bij ${quoted(p.title)}.`,
				'Kijk of het je past. Je kiest zelf of je reageert.'
			],
			action: { label: 'Bekijk de hulpvraag', path: `/hulp/vraag/${p.request_id}` }
		})
	}),
	followup: mailKind({
		payload: matchPayload,
		content: (p) => ({
			subject: 'Hoe ging het?',
			paragraphs: [
				'Een paar dagen geleden was er hulp via Buurtkracht.',
				'Wij willen graag weten hoe het ging. Het kost je maar een minuut.'
			],
			action: { label: 'Vertel hoe het ging', path: `/hulp/match/${p.match_id}` }
		})
	}),
	thanks_received: mailKind({
		payload: matchPayload,
		content: (p) => ({
			subject: 'Je hebt een bedankje gekregen',
			paragraphs: [
				'Iemand die je hebt geholpen, heeft je een bedankje gestuurd.',
				'Lees het op Buurtkracht. Dank je wel voor je hulp!'
			],
			action: { label: 'Lees het bedankje', path: `/hulp/match/${p.match_id}` }
		})
	}),
	content_hidden: mailKind({
		payload: z.object({
			target_type: z.enum(['help_request', 'help_offer']),
			title: z.string().max(200).optional()
		}),
		content: (p) => ({
			subject:
				p.target_type === 'help_request' ? 'Je hulpvraag is verborgen' : 'Je aanbod is verborgen',
			paragraphs: [
				`Een buurtcoördinator heeft ${p.target_type === 'help_request' ? 'je hulpvraag' : 'je aanbod'}${p.title ? ` “${p.title}”` : ''} verborgen. Anderen zien het niet meer.`,
				p.target_type === 'help_request'
					? 'Open je hulpvraag in het overzicht: daar staat waarom hij verborgen is.'
					: 'Bij je aanbod staat waarom het verborgen is.',
				'Heb je vragen? Neem contact op met een buurtcoördinator.'
			],
			action:
				p.target_type === 'help_request'
					? { label: 'Bekijk je hulpvragen', path: '/hulp/mijn' }
					: { label: 'Bekijk je aanbod', path: '/hulp/aanbod' }
		})
	}),
	escalation: mailKind({
		payload: z.object({
			match_id: z.uuid().optional(),
			title: z.string().max(200).optional(),
			reason: z.enum(['bad_answer', 'no_answer']).optional()
		}),
		content: (p) => ({
			subject: 'Een hulpafspraak heeft aandacht nodig',
			paragraphs: [
				p.reason === 'no_answer'
					? `Een kwetsbare inwoner heeft niet laten weten hoe de hulp bij ${quoted(p.title)} ging.`
					: `Bij de hulp ${quoted(p.title)} ging het niet goed, volgens het antwoord op "Hoe ging het?".`,
				'Neem contact op en kijk wat er nodig is.'
			],
			action: { label: 'Naar coördinatie', path: '/hulp/coordinatie' }
		})
	}),
	volunteer_verified: mailKind({
		payload: z.object({ expires_on: z.string().max(10) }),
		content: (p) => ({
			subject: 'Je bent gecontroleerd',
			paragraphs: [
				`De buurtcoördinator heeft je gecontroleerd. Dat geldt tot en met ${dutchDate(p.expires_on)}.`,
				'Je kunt nu ook helpen bij hulpvragen voor inwoners die extra kwetsbaar zijn. Inwoners zien bij je reactie dat je gecontroleerd bent.'
			],
			action: { label: 'Bekijk hulpvragen voor jou', path: '/hulp/voor-jou' }
		})
	}),
	verification_lapsing: mailKind({
		payload: z.object({ expires_on: z.string().max(10) }),
		content: (p) => ({
			subject: 'Je controle loopt bijna af',
			paragraphs: [
				`Je controle als vrijwilliger loopt af op ${dutchDate(p.expires_on)}.`,
				'Wil je blijven helpen bij hulpvragen voor kwetsbare inwoners? Vraag dan om een nieuwe controle. Neem een nieuwe VOG mee naar het gesprek.'
			],
			action: { label: 'Vraag om een nieuwe controle', path: '/hulp/vrijwilliger/controle' }
		})
	}),
	// The requester deleted their account (delete_my_account): the request is withdrawn.
	request_withdrawn: mailKind({
		payload: requestPayload,
		content: (p) => ({
			subject: 'Een hulpvraag is ingetrokken',
			paragraphs: [
				`De hulpvraag ${p.title ? `“${p.title}”` : 'waarop je reageerde'} is ingetrokken. Je hoeft niets te doen.`,
				'Bedankt dat je wilde helpen. Kijk bij Voor jou of er iets anders is dat bij je past.'
			],
			action: { label: 'Bekijk Voor jou', path: '/hulp/voor-jou' }
		})
	}),
	// The matched volunteer deleted their account: the match ends and the request is closed.
	volunteer_left: mailKind({
		payload: requestPayload,
		content: (p) => ({
			subject: 'Je vrijwilliger kan niet meer helpen',
			paragraphs: [
				`De vrijwilliger die je zou helpen bij ${quoted(p.title)} doet niet meer mee met Buurtkracht. Jullie afspraak gaat daarom niet door.`,
				'Heb je nog hulp nodig? Vraag het dan opnieuw. Dan zien andere vrijwilligers je vraag.'
			],
			action: { label: 'Vraag opnieuw om hulp', path: '/hulp/vraag/nieuw' }
		})
	})
};
