// Runs only the local mailbox (`npm run mailbox`), for when the app runs elsewhere, e.g. under a
// debugger. Ports come from the environment or .env (SMTP_PORT, MAILBOX_HTTP_PORT).
import { startMailbox } from './lib/mailbox.ts';
import { ensureEnvFile } from './lib/env.ts';

const env = { ...ensureEnvFile(), ...process.env };

const mailbox = await startMailbox({
	smtpPort: Number(env.SMTP_PORT ?? 1025),
	httpPort: Number(env.MAILBOX_HTTP_PORT ?? 1080)
});
console.log(`Lokale mailbox: ${mailbox.url} (SMTP op 127.0.0.1:${mailbox.smtpPort})`);

const stop = async () => {
	await mailbox.close();
	process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
