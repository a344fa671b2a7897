// npm run db:backup [-- --offline]: writes a backup of the database the app uses into backups/
// (BACKUP_DIR). On PostgreSQL (DATABASE_URL): pg_dump in custom format, while the app runs.
// On PGlite: asks the running app for a copy of its data folder (POST /_ops/backup with the secret
// key, at BACKUP_APP_URL or ORIGIN); `--offline` copies the folder itself, only when the app is
// stopped (two processes on one PGlite folder would damage it).
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ensureEnvFile } from './lib/env.ts';
import { dumpClosedPglite, pgDump } from './lib/backup.ts';

const env = { ...ensureEnvFile(), ...process.env } as Record<string, string>;
const offline = process.argv.includes('--offline');
const dir = path.resolve(env.BACKUP_DIR || 'backups');
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, 'Z');
await mkdir(dir, { recursive: true });
const started = performance.now();
let file: string;

if (env.DATABASE_URL) {
	file = path.join(dir, `buurtkracht-${stamp}.dump`);
	await pgDump(env.DATABASE_URL, file);
} else if (offline) {
	file = path.join(dir, `buurtkracht-${stamp}.tar.gz`);
	await dumpClosedPglite(env.SUPABASE_DATA_DIR || path.resolve('supabase/.temp/pglite'), file);
} else {
	file = path.join(dir, `buurtkracht-${stamp}.tar.gz`);
	const app = env.BACKUP_APP_URL || env.ORIGIN || 'http://localhost:5173';
	let response: Response;
	try {
		response = await fetch(new URL('/_ops/backup', app), {
			method: 'POST',
			// Not a form content type: SvelteKit refuses cross-site form posts before any hook runs.
			headers: {
				authorization: `Bearer ${env.SUPABASE_SECRET_KEY}`,
				'content-type': 'application/json'
			}
		});
	} catch {
		console.error(
			`The app does not answer at ${app}. Start it (or set BACKUP_APP_URL), or stop it and run ` +
				'`npm run db:backup -- --offline`.'
		);
		process.exit(1);
	}
	if (!response.ok) {
		console.error(
			`The app refused the backup: ${response.status} ${(await response.text()).trim()}`
		);
		process.exit(1);
	}
	await writeFile(file, Buffer.from(await response.arrayBuffer()));
}

const { size } = await stat(file);
console.log(
	`Backup written: ${file} (${(size / 1e6).toFixed(1)} MB, ${Math.round(performance.now() - started)} ms)`
);
