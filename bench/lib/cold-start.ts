// Cold start to first page: spawns the production server (node scripts/dev.ts --prod) on its own
// ports and a fresh PGlite folder, and times until GET / answers 200. Includes migrating and
// seeding the empty database, as a developer's very first start does.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export type ColdStart =
	| { skipped: string }
	| { firstPageMs: number; secondPageMs: number; status: number; extra?: unknown };

async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

async function get(url: string): Promise<number | null> {
	try {
		const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5000) });
		await res.arrayBuffer();
		return res.status;
	} catch {
		return null;
	}
}

/** `whileUp` runs against the started server (its origin) before it is stopped. */
export async function measureColdStart(
	whileUp?: (origin: string) => Promise<unknown>,
	timeoutMs = 90_000
): Promise<ColdStart> {
	if (!existsSync('build/index.js')) return { skipped: 'no production build: run npm run build' };
	const [appPort, smtpPort, mailboxPort] = [await freePort(), await freePort(), await freePort()];
	const dataDir = await mkdtemp(path.join(tmpdir(), 'buurtkracht-coldstart-'));
	const origin = `http://127.0.0.1:${appPort}`;
	const start = performance.now();
	const child = spawn(process.execPath, ['scripts/dev.ts', '--prod'], {
		// Own process group, so stopping it also stops the server it spawns.
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			...process.env,
			PUBLIC_SUPABASE_URL: origin,
			ORIGIN: origin,
			SUPABASE_DATA_DIR: dataDir,
			// Always PGlite: the cold start we care about is a developer's first `npm start`.
			DATABASE_URL: '',
			SMTP_PORT: String(smtpPort),
			MAILBOX_HTTP_PORT: String(mailboxPort)
		}
	});
	let output = '';
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	let exited = false;
	const exit = new Promise<void>((resolve) =>
		child.once('exit', () => {
			exited = true;
			resolve();
		})
	);
	try {
		const url = `http://127.0.0.1:${appPort}/`;
		let status: number | null = null;
		while (performance.now() - start < timeoutMs && !exited) {
			status = await get(url);
			if (status === 200) break;
			await new Promise((r) => setTimeout(r, 25));
		}
		const firstPageMs = performance.now() - start;
		if (status !== 200) {
			return { skipped: `no 200 on / (last status ${status}); output:\n${output.slice(-2000)}` };
		}
		const t1 = performance.now();
		await get(url);
		const secondPageMs = performance.now() - t1;
		const extra = whileUp ? await whileUp(origin) : undefined;
		return { firstPageMs, secondPageMs, status, extra };
	} finally {
		if (!exited && child.pid) process.kill(-child.pid, 'SIGTERM');
		await Promise.race([exit, new Promise((r) => setTimeout(r, 5000))]);
		if (!exited && child.pid) process.kill(-child.pid, 'SIGKILL');
		await rm(dataDir, { recursive: true, force: true });
	}
}
