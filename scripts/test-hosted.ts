// npm run test:hosted — the hosted-mode stack (scripts/lib/hosted-stack.ts: PostgreSQL, the
// Supabase API in its own process, two app servers from the production build behind a
// round-robin proxy), a chosen set of browser tests against it (playwright.hosted.config.ts),
// then a check that no log line of the app servers holds personal data. Needs DATABASE_URL, a
// production build (`npx vite build`) and Chromium. Ports: HOSTED_PORT (proxy; the API server,
// the two app servers and the control endpoint use the next four), HOSTED_SMTP_PORT,
// HOSTED_MAILBOX_PORT.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { startHostedStack } from './lib/hosted-stack.ts';
import { findPersonalData } from './lib/log-check.ts';

if (!process.env.DATABASE_URL) {
	console.error('test:hosted needs DATABASE_URL (a PostgreSQL 15 where it may create a database).');
	process.exit(1);
}
if (!existsSync('build/index.js')) {
	console.error('test:hosted needs the production build: run `npx vite build` first.');
	process.exit(1);
}

const base = Number(process.env.HOSTED_PORT ?? 4231);
const ports = {
	proxy: base,
	api: base + 1,
	apps: [base + 2, base + 3],
	smtp: Number(process.env.HOSTED_SMTP_PORT ?? 2631),
	mailbox: Number(process.env.HOSTED_MAILBOX_PORT ?? 2731)
};
const controlPort = base + 4;

const started = performance.now();
const stack = await startHostedStack({ baseDatabaseUrl: process.env.DATABASE_URL, ports });
console.log(
	`hosted stack ready in ${((performance.now() - started) / 1000).toFixed(1)} s: proxy ${stack.proxy.url}, API ${stack.apiUrl}, logs in ${stack.dir}`
);

// Lets the tests stop and start app servers (SIGTERM during a redemption).
const control = http.createServer(async (req, res) => {
	const match = /^\/apps\/(\d)\/(stop|start)/.exec(req.url ?? '');
	const app = match ? stack.apps[Number(match[1])] : undefined;
	if (!match || !app || req.method !== 'POST') return void res.writeHead(404).end();
	try {
		if (match[2] === 'stop') {
			const signal = new URL(req.url ?? '', 'http://x').searchParams.get('signal') ?? 'SIGTERM';
			const code = await app.stop(signal as NodeJS.Signals);
			res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ code }));
		} else {
			await app.start();
			res.writeHead(200).end('{}');
		}
	} catch (error) {
		res.writeHead(500).end(String(error));
	}
});
await new Promise<void>((resolve) => control.listen(controlPort, '127.0.0.1', resolve));

let exitCode: number;
try {
	exitCode = await new Promise<number>((resolve) => {
		const child = spawn(
			process.execPath,
			[
				'node_modules/@playwright/test/cli.js',
				'test',
				'-c',
				'playwright.hosted.config.ts',
				// Extra arguments go to Playwright (a file, --grep …).
				...process.argv.slice(2)
			],
			{
				stdio: 'inherit',
				env: {
					...process.env,
					E2E_ORIGIN: stack.proxy.url,
					E2E_MAILBOX: stack.mailbox.url,
					E2E_SUPABASE_URL: stack.apiUrl,
					E2E_PUBLISHABLE_KEY: stack.keys.PUBLIC_SUPABASE_PUBLISHABLE_KEY,
					HOSTED_CONTROL_URL: `http://127.0.0.1:${controlPort}`,
					HOSTED_DATABASE_URL: stack.databaseUrl
				}
			}
		);
		child.on('exit', (code) => resolve(code ?? 1));
	});
	console.log(`requests per app server through the proxy: ${stack.proxy.served.join(' / ')}`);

	// No personal data in any app server's log lines over the whole run.
	const text = (await Promise.all(stack.logFiles.map((f) => readFile(f, 'utf8')))).join('\n');
	const found = findPersonalData(text);
	if (found.length > 0) {
		console.error(`Personal data in the app servers' logs:\n${found.slice(0, 10).join('\n')}`);
		exitCode = 1;
	} else {
		console.log(`log check: ${text.split('\n').length} lines, no e-mail address or cheque code`);
	}
} finally {
	control.close();
	await stack.stop();
}
process.exit(exitCode);
