// The local mailbox: an SMTP sink that keeps every mail in memory, with a small web page for
// developers and a JSON API that tests read confirmation and login mails from.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export interface StoredMail {
	id: number;
	to: string[];
	from: string;
	subject: string;
	text: string;
	html: string;
	/** The List-* headers (List-Unsubscribe, List-Unsubscribe-Post), as sent. */
	listHeaders: Record<string, string>;
	receivedAt: string;
}

export interface Mailbox {
	smtpPort: number;
	httpPort: number;
	url: string;
	messages: StoredMail[];
	close: () => Promise<void>;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(messages: StoredMail[]): string {
	const rows = messages
		.slice()
		.reverse()
		.map(
			(m) =>
				`<article><h2>${escapeHtml(m.subject)}</h2><p>Aan: ${escapeHtml(m.to.join(', '))} · ${m.receivedAt}</p><iframe title="${escapeHtml(m.subject)}" sandbox srcdoc="${escapeHtml(m.html || `<pre>${escapeHtml(m.text)}</pre>`)}"></iframe></article>`
		)
		.join('');
	return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Buurtkracht – lokale mailbox</title>
<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto}iframe{width:100%;height:22rem;border:1px solid #999}</style>
</head><body><h1>Lokale mailbox (${messages.length})</h1>${rows || '<p>Nog geen berichten.</p>'}</body></html>`;
}

export interface MailboxOptions {
	smtpPort?: number;
	httpPort?: number;
	/**
	 * Speak STARTTLS with this certificate and accept any login: what a mail relay in production
	 * asks, and what the Supabase auth server's SMTP settings demand (the hosted-mode test stack).
	 */
	tls?: { key: string | Buffer; cert: string | Buffer };
}

export async function startMailbox(opts: MailboxOptions = {}) {
	const messages: StoredMail[] = [];
	let nextId = 1;
	const security = opts.tls
		? {
				key: opts.tls.key,
				cert: opts.tls.cert,
				onAuth: (
					auth: { username?: string },
					_session: unknown,
					done: (error: Error | null, response?: { user: string }) => void
				) => done(null, { user: auth.username ?? 'sink' })
			}
		: { disabledCommands: ['STARTTLS', 'AUTH'] };
	const smtp = new SMTPServer({
		authOptional: true,
		...security,
		logger: false,
		onData(stream, session, callback) {
			simpleParser(stream)
				.then((parsed) => {
					messages.push({
						id: nextId++,
						to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
						from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
						subject: parsed.subject ?? '',
						text: parsed.text ?? '',
						html: typeof parsed.html === 'string' ? parsed.html : '',
						listHeaders: Object.fromEntries(
							parsed.headerLines
								.filter((h) => h.key.startsWith('list-'))
								.map((h) => [h.key, h.line.slice(h.line.indexOf(':') + 1).trim()])
						),
						receivedAt: new Date().toISOString()
					});
					callback();
				})
				.catch(callback);
		}
	});
	await new Promise<void>((resolve, reject) => {
		smtp.once('error', reject);
		smtp.listen(opts.smtpPort ?? 0, '127.0.0.1', () => resolve());
	});

	const web = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		if (url.pathname === '/api/messages' && req.method === 'DELETE') {
			messages.length = 0;
			res.writeHead(204).end();
			return;
		}
		if (url.pathname === '/api/messages') {
			const to = url.searchParams.get('to')?.toLowerCase();
			const found = to ? messages.filter((m) => m.to.includes(to)) : messages;
			res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(found));
			return;
		}
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(messages));
	});
	await new Promise<void>((resolve) => web.listen(opts.httpPort ?? 0, '127.0.0.1', resolve));

	const smtpPort = (smtp.server.address() as AddressInfo).port;
	const httpPort = (web.address() as AddressInfo).port;
	const mailbox: Mailbox = {
		smtpPort,
		httpPort,
		url: `http://127.0.0.1:${httpPort}`,
		messages,
		close: async () => {
			await new Promise<void>((resolve) => smtp.close(() => resolve()));
			await new Promise<void>((resolve) => web.close(() => resolve()));
		}
	};
	return mailbox;
}
