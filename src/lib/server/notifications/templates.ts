// The notification mails: Dutch (B1), one short message and one link per kind, all in one layout.
// A mail never contains a message text, contact details or any token: it says that something
// happened and links to the page where the recipient, signed in, sees what they may see.
import { z } from 'zod';

export const NOTIFICATION_KINDS = [
	'response_received',
	'response_accepted',
	'message_received',
	'invitation',
	'followup',
	'escalation'
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface RenderedMail {
	subject: string;
	text: string;
	html: string;
}

// What the SQL puts in notification_outbox.payload. Ids must be uuids: they go into links.
const payloadSchema = z.object({
	request_id: z.uuid().optional(),
	match_id: z.uuid().optional(),
	title: z.string().max(200).optional(),
	reason: z.enum(['bad_answer', 'no_answer']).optional()
});
type Payload = z.infer<typeof payloadSchema>;

interface Content {
	subject: string;
	paragraphs: string[];
	action: { label: string; path: string };
}

const quoted = (title: string | undefined) => (title ? `“${title}”` : 'je hulpvraag');

const contents: Record<NotificationKind, (p: Payload) => Content | null> = {
	response_received: (p) =>
		p.request_id
			? {
					subject: 'Iemand wil je helpen',
					paragraphs: [
						`Een vrijwilliger heeft gereageerd op ${quoted(p.title)}.`,
						'Lees de reactie. Daarna kies je zelf of je de hulp aanneemt.'
					],
					action: { label: 'Bekijk de reactie', path: `/hulp/vraag/${p.request_id}` }
				}
			: null,
	response_accepted: (p) => ({
		subject: 'Je hulp is aangenomen',
		paragraphs: [
			`Goed nieuws: je reactie op ${quoted(p.title)} is aangenomen.`,
			'Je ziet nu hoe je elkaar kunt bereiken. Spreek samen af wanneer je helpt.'
		],
		action: p.match_id
			? { label: 'Bekijk jullie afspraak', path: `/hulp/match/${p.match_id}` }
			: { label: 'Bekijk je afspraken', path: '/hulp/mijn' }
	}),
	message_received: (p) =>
		p.match_id
			? {
					subject: 'Je hebt een nieuw bericht',
					paragraphs: [
						'Er is een nieuw bericht over jullie afspraak.',
						'Lees het bericht op Buurtkracht.'
					],
					action: { label: 'Lees het bericht', path: `/hulp/match/${p.match_id}` }
				}
			: null,
	invitation: (p) =>
		p.request_id
			? {
					subject: 'Wil je iemand helpen?',
					paragraphs: [
						`Een buurtcoördinator denkt dat jij kunt helpen bij ${quoted(p.title)}.`,
						'Kijk of het je past. Je kiest zelf of je reageert.'
					],
					action: { label: 'Bekijk de hulpvraag', path: `/hulp/vraag/${p.request_id}` }
				}
			: null,
	followup: (p) =>
		p.match_id
			? {
					subject: 'Hoe ging het?',
					paragraphs: [
						'Een paar dagen geleden was er hulp via Buurtkracht.',
						'Wij willen graag weten hoe het ging. Het kost je maar een minuut.'
					],
					action: { label: 'Vertel hoe het ging', path: `/hulp/match/${p.match_id}` }
				}
			: null,
	escalation: (p) => ({
		subject: 'Een hulpafspraak heeft aandacht nodig',
		paragraphs: [
			p.reason === 'no_answer'
				? `Een kwetsbare inwoner heeft niet laten weten hoe de hulp bij ${quoted(p.title)} ging.`
				: `Bij de hulp ${quoted(p.title)} ging het niet goed, volgens het antwoord op "Hoe ging het?".`,
			'Neem contact op en kijk wat er nodig is.'
		],
		action: { label: 'Naar coördinatie', path: '/hulp/coordinatie' }
	})
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const FOOTER =
	'Je krijgt deze e-mail omdat je meedoet met Buurtkracht Zaanstad. Dit bericht is automatisch verstuurd. Je kunt er niet op antwoorden.';

/** The one layout of every notification mail, as plain text and simple HTML. */
function layout(content: Content, displayName: string | null, origin: string): RenderedMail {
	const greeting = displayName ? `Beste ${displayName},` : 'Hallo,';
	const url = new URL(content.action.path, origin).toString();
	const text = [
		greeting,
		...content.paragraphs,
		`${content.action.label}: ${url}`,
		'Groet,\nBuurtkracht Zaanstad',
		`--\n${FOOTER}`
	].join('\n\n');
	const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;
	const html = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>
<body style="font-family:Arial,sans-serif;font-size:18px;line-height:1.5;color:#1a1a1a;max-width:36rem;margin:0 auto;padding:16px">
${p(greeting)}
${content.paragraphs.map(p).join('\n')}
<p style="margin:24px 0"><a href="${escapeHtml(url)}" style="display:inline-block;background:#00529c;color:#ffffff;padding:12px 20px;text-decoration:none;border-radius:4px">${escapeHtml(content.action.label)}</a></p>
${p('Groet,')}${p('Buurtkracht Zaanstad')}
<p style="margin:32px 0 0;font-size:14px;color:#4d4d4d">${escapeHtml(FOOTER)}</p>
</body></html>`;
	return { subject: content.subject, text, html };
}

const isKind = (kind: string): kind is NotificationKind =>
	(NOTIFICATION_KINDS as readonly string[]).includes(kind);

/** Null when the kind is unknown or the payload lacks what the mail needs. */
export function renderNotification(
	notification: { kind: string; payload: unknown; displayName: string | null },
	origin: string
): RenderedMail | null {
	if (!isKind(notification.kind)) return null;
	const payload = payloadSchema.safeParse(notification.payload ?? {});
	if (!payload.success) return null;
	const content = contents[notification.kind](payload.data);
	return content ? layout(content, notification.displayName, origin) : null;
}
