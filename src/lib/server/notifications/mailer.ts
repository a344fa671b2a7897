// The SMTP transport for the app's own notification mails (the local mailbox in development).
// Pure: the caller passes the SMTP settings, so tests can use it without SvelteKit's env.
import nodemailer from 'nodemailer';

export const NOTIFICATION_ADDRESS = 'noreply@buurtkracht.example';
/** Used when a mail's municipality is unknown; otherwise its sender name (tenancy/mail-sites.ts). */
export const NOTIFICATION_FROM = `Buurtkracht <${NOTIFICATION_ADDRESS}>`;

export interface OutgoingMail {
	from: string;
	to: string;
	subject: string;
	text: string;
	html: string;
	headers?: Record<string, string>;
}

/** What the worker needs from a transport; a nodemailer transporter fits. */
export interface MailTransport {
	sendMail(mail: OutgoingMail): Promise<unknown>;
}

/** A transport whose open connections must be closed when its owner stops. */
export interface PooledMailTransport extends MailTransport {
	close(): void;
}

export function createMailTransport(smtp: { host: string; port: number }): PooledMailTransport {
	return nodemailer.createTransport({
		host: smtp.host,
		port: smtp.port,
		secure: smtp.port === 465,
		// A delivery round sends its mails over connections kept open between them, not a new one
		// (and a new SMTP greeting) for each mail.
		pool: true,
		maxConnections: 2,
		// A slow or absent SMTP server must not keep a delivery round hanging.
		connectionTimeout: 10_000,
		greetingTimeout: 10_000,
		socketTimeout: 20_000
	});
}
