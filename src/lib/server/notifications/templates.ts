// The layout every notification mail shares: Dutch (B1), a greeting, the area's paragraphs, one
// link and the footer. A mail never contains a message text, contact details or any token: it
// says that something happened and links to the page where the recipient, signed in, sees what
// they may see. The words per kind come from the areas (src/lib/server/<area>/mail.ts).
import type { MailContent } from './mail-kind';
import { MAIL_KINDS } from './registry';
import { FROM_MAIL } from './mail-link';

export interface RenderedMail {
	subject: string;
	text: string;
	html: string;
	/** Extra mail headers: the one-click unsubscribe of a mail the recipient asked for. */
	headers?: Record<string, string>;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const footer = (site: string) =>
	`Je krijgt deze e-mail omdat je meedoet met ${site}. Dit bericht is automatisch verstuurd. Je kunt er niet op antwoorden.`;

/** The one layout of every notification mail, as plain text and simple HTML. */
function layout(
	content: MailContent,
	displayName: string | null,
	origin: string,
	site: string
): RenderedMail {
	const greeting = displayName ? `Beste ${displayName},` : 'Hallo,';
	const FOOTER = footer(site);
	const link = new URL(content.action.path, origin);
	if (!content.action.public) link.searchParams.set(FROM_MAIL.param, FROM_MAIL.value);
	const url = link.toString();
	const unsubscribe = content.unsubscribe ? new URL(content.unsubscribe, origin).toString() : null;
	const STOP = unsubscribe
		? `Wil je deze e-mails niet meer krijgen? Meld je af: ${unsubscribe}`
		: null;
	const text = [
		greeting,
		...content.paragraphs,
		`${content.action.label}: ${url}`,
		`Groet,\n${site}`,
		`--\n${FOOTER}${STOP ? `\n${STOP}` : ''}`
	].join('\n\n');
	const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;
	const html = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>
<body style="font-family:Arial,sans-serif;font-size:18px;line-height:1.5;color:#1a1a1a;max-width:36rem;margin:0 auto;padding:16px">
${p(greeting)}
${content.paragraphs.map(p).join('\n')}
<p style="margin:24px 0"><a href="${escapeHtml(url)}" style="display:inline-block;background:#00529c;color:#ffffff;padding:12px 20px;text-decoration:none;border-radius:4px">${escapeHtml(content.action.label)}</a></p>
${p('Groet,')}${p(site)}
<p style="margin:32px 0 0;font-size:14px;color:#4d4d4d">${escapeHtml(FOOTER)}</p>
${unsubscribe ? `<p style="margin:8px 0 0;font-size:14px;color:#4d4d4d">Wil je deze e-mails niet meer krijgen? <a href="${escapeHtml(unsubscribe)}" style="color:#00529c">Meld je af</a>.</p>\n` : ''}</body></html>`;
	if (!unsubscribe) return { subject: content.subject, text, html };
	return {
		subject: content.subject,
		text,
		html,
		headers: {
			'List-Unsubscribe': `<${unsubscribe}>`,
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
		}
	};
}

/** Null when the kind is unknown or the payload lacks what the mail needs. */
export function renderNotification(
	notification: {
		kind: string;
		payload: unknown;
		displayName: string | null;
		/** The municipality the mail is from; "Buurtkracht" alone when unknown. */
		municipalityName?: string | null;
	},
	origin: string
): RenderedMail | null {
	const kind = MAIL_KINDS.get(notification.kind);
	if (!kind) return null;
	const payload = kind.payload.safeParse(notification.payload ?? {});
	if (!payload.success) return null;
	const content = kind.content(payload.data);
	const site = notification.municipalityName
		? `Buurtkracht ${notification.municipalityName}`
		: 'Buurtkracht';
	return content ? layout(content, notification.displayName, origin, site) : null;
}
