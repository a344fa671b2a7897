// Starts the whole app locally: the mailbox (SMTP sink), and the SvelteKit server with the
// embedded Supabase inside it, seeded with demo data on first start.
//   node scripts/dev.ts           development server (vite dev) on :5173
//   node scripts/dev.ts --prod    the production build (node build) on :5173
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { startMailbox } from './lib/mailbox.ts';
import { ensureEnvFile } from './lib/env.ts';
import {
	DEMO_ACCOUNTS,
	DEMO_MUNICIPALITIES,
	DEMO_PASSWORD,
	demoAccountsOf
} from '../src/lib/server/embedded/seed.ts';

process.env.LITE_TELEMETRY = '0';
const prod = process.argv.includes('--prod');
const env = { ...ensureEnvFile(), ...process.env } as Record<string, string>;
const port = Number(new URL(env.PUBLIC_SUPABASE_URL as string).port || 5173);

const mailbox = await startMailbox({
	smtpPort: Number(env.SMTP_PORT),
	httpPort: Number(env.MAILBOX_HTTP_PORT)
});

if (prod && !existsSync('build/index.js')) {
	console.error('No production build found: run `npm run build` first.');
	process.exit(1);
}
// The browser tests keep the app server's own output in a file (E2E_LOG_FILE) and check it for
// personal data afterwards (tests/support/log-check-teardown.ts).
const logFile = process.env.E2E_LOG_FILE ? createWriteStream(process.env.E2E_LOG_FILE) : null;
const child = prod
	? spawn(process.execPath, ['scripts/serve.ts'], {
			stdio: logFile ? ['ignore', 'pipe', 'pipe'] : 'inherit',
			env: { ...env, PORT: String(port), HOST: '127.0.0.1', SUPABASE_SEED_DEMO: 'true' }
		})
	: spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'dev', '--port', String(port)], {
			// Vite stops when its stdin ends; a pipe we hold open keeps it running in the background too.
			stdio: ['pipe', 'inherit', 'inherit'],
			env: { ...env, SUPABASE_SEED_DEMO: 'true' }
		});

for (const stream of [child.stdout, child.stderr]) {
	stream?.on('data', (chunk: Buffer) => {
		logFile?.write(chunk);
		(stream === child.stderr ? process.stderr : process.stdout).write(chunk);
	});
}

console.log(`
Buurtkracht start op ${env.PUBLIC_SUPABASE_URL}
Lokale mailbox:      ${mailbox.url}
Demo-accounts (wachtwoord voor allemaal: ${DEMO_PASSWORD}):
${DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(34)} ${a.description}`).join('\n')}

Drie gemeenten, elk op een eigen adres (Chromium en curl kennen *.localhost):
  http://zaanstad.localhost:${port}/   Zaanstad (ook op localhost en 127.0.0.1)
${DEMO_MUNICIPALITIES.map((m) => `  http://${m.host}:${port}/   ${m.name} (demo)`).join('\n')}
Demo-accounts van de demogemeenten (zelfde wachtwoord):
${DEMO_MUNICIPALITIES.flatMap((m) => demoAccountsOf(m.slug, m.name))
	.map((a) => `  ${a.email.padEnd(38)} ${a.description}`)
	.join('\n')}
`);

const stop = async () => {
	child.kill('SIGTERM');
	await mailbox.close();
	process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code) => {
	void mailbox.close().then(() => process.exit(code ?? 0));
});
