// `npm run mailbox` starts the SMTP sink and its web page on the ports it is given, keeps a mail
// it receives, and stops cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';

const child = spawn(process.execPath, ['scripts/mailbox.ts'], {
	stdio: ['ignore', 'pipe', 'pipe'],
	env: { ...process.env, SMTP_PORT: '0', MAILBOX_HTTP_PORT: '0' }
});

async function startedAt(): Promise<{ url: string; smtpPort: number }> {
	let output = '';
	for await (const chunk of child.stdout) {
		output += String(chunk);
		const m = /(http:\/\/127\.0\.0\.1:\d+) \(SMTP op 127\.0\.0\.1:(\d+)\)/.exec(output);
		if (m) return { url: m[1] as string, smtpPort: Number(m[2]) };
	}
	throw new Error(`mailbox did not start: ${output}`);
}

afterAll(async () => {
	if (child.exitCode === null) {
		child.kill('SIGTERM');
		await once(child, 'exit');
	}
});

describe('npm run mailbox', () => {
	it('serves its page and keeps mail sent to it', async () => {
		const { url, smtpPort } = await startedAt();
		const page = await fetch(url);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Lokale mailbox');

		await nodemailer
			.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true })
			.sendMail({
				from: 'app@buurtkracht.example',
				to: 'iemand@buurtkracht.example',
				subject: 'Test',
				text: 'Hallo'
			});
		const res = await fetch(`${url}/api/messages?to=iemand@buurtkracht.example`);
		const messages = (await res.json()) as { subject: string }[];
		expect(messages.map((m) => m.subject)).toEqual(['Test']);
	});

	it('stops on SIGTERM', async () => {
		child.kill('SIGTERM');
		const [code] = await once(child, 'exit');
		expect(code).toBe(0);
	});
});
