// Issue 19, point 5, as an operator runs it: `npm run db:backup` copies the running app's PGlite
// database through POST /_ops/backup (secret key only), and `npm run db:restore -- <file>` brings
// that copy back in an empty folder.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { ensureEnvFile } from '../../../scripts/lib/env.ts';
import { E2E_ORIGIN } from '../../../playwright.config.ts';
import { budget } from '../../support/budget.ts';

const run = promisify(execFile);

test('the backup endpoint answers only to the secret key', async ({ request }) => {
	expect((await request.get('/_ops/backup')).status()).toBe(405);
	const json = { 'content-type': 'application/json' };
	expect((await request.post('/_ops/backup', { headers: json })).status()).toBe(401);
	const wrong = await request.post('/_ops/backup', {
		headers: { ...json, authorization: 'Bearer sb_secret_wrong' }
	});
	expect(wrong.status()).toBe(401);
});

test('db:backup copies the running app, db:restore brings it back', async () => {
	test.setTimeout(budget(180_000));
	const work = await mkdtemp(path.join(tmpdir(), 'buurtkracht-e2e-backup-'));
	try {
		const env = { ...process.env, ...ensureEnvFile(), DATABASE_URL: '' };
		const backup = await run('node', ['scripts/db-backup.ts'], {
			env: { ...env, BACKUP_APP_URL: E2E_ORIGIN, BACKUP_DIR: work }
		});
		expect(backup.stdout).toMatch(/Backup written: .*\.tar\.gz/);
		const [file] = (await readdir(work)).filter((f) => f.endsWith('.tar.gz'));
		expect(file).toBeDefined();

		const restore = await run('node', ['scripts/db-restore.ts', path.join(work, file!)], {
			env: { ...env, SUPABASE_DATA_DIR: path.join(work, 'restored') }
		});
		const tables = /Restored .* in (\d+) ms: (\d+) tables, (\d+) rows/.exec(restore.stdout);
		expect(tables, restore.stdout).not.toBeNull();
		expect(Number(tables![2])).toBeGreaterThan(40);
		expect(Number(tables![3])).toBeGreaterThan(50);
	} finally {
		await rm(work, { recursive: true, force: true });
	}
});
