// Backups that restore, on PostgreSQL (issue 19, point 5): pg_dump in custom format while the
// database is in use, restored by pg_restore into an empty database, holds exactly the rows of the
// moment of the backup, in every table.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprints, pgDump, pgRestore } from '../../../scripts/lib/backup.ts';
import { freshDatabase, type FreshDatabase } from '../../../scripts/lib/fresh-database.ts';
import {
	EMPTY_BY_DESIGN,
	fillEveryTable,
	filled,
	leftEmpty,
	open,
	writeSome
} from '../../support/backup-drill.ts';
import { startHarness } from '../../support/harness.ts';
import { budget } from '../../support/budget.ts';

const base = process.env.DATABASE_URL as string;
const made: FreshDatabase[] = [];
async function newDatabase(label: string) {
	const db = await freshDatabase(base, `backup_${label}`);
	made.push(db);
	return db.url;
}
let work = '';
afterAll(async () => {
	for (const db of made) await db.drop();
	if (work) await rm(work, { recursive: true, force: true });
});

describe('npm run db:backup on PostgreSQL', () => {
	it('restores every table as it was at backup time', { timeout: budget(480_000) }, async () => {
		work = await mkdtemp(path.join(tmpdir(), 'buurtkracht-backup-'));
		const file = path.join(work, 'backup.dump');
		const harness = await startHarness({ driver: 'postgres' });
		const lite = harness.lite;
		const live = harness.databaseUrl as string;
		let atBackup;
		try {
			await fillEveryTable(harness);
			atBackup = await fingerprints(lite.exec);
			// A new table no flow fills fails here (see backup.test.ts).
			expect(leftEmpty(atBackup)).toEqual([]);
			expect(filled(atBackup)).toBe(atBackup.length - Object.keys(EMPTY_BY_DESIGN).length);
			// pg_dump reads one snapshot while the database keeps being used.
			await Promise.all([
				pgDump(live, file),
				...[1, 2, 3].map(() => lite.exec('select count(*) from auth.users'))
			]);
			await writeSome(lite, 'na');
			expect(await fingerprints(lite.exec)).not.toEqual(atBackup);
		} finally {
			await harness.stop();
		}

		const target = await newDatabase('restored');
		const started = performance.now();
		await pgRestore(file, target);
		const restoreMs = Math.round(performance.now() - started);
		await expect(pgRestore(file, target)).rejects.toThrow(/not empty/);

		const sql = postgres(target, { max: 1, onnotice: () => {} });
		try {
			const query = async (text: string) => ({
				rows: (await sql.unsafe(text)) as Record<string, unknown>[]
			});
			const now = await fingerprints(query);
			expect(now).toEqual(atBackup);
			console.log(
				`PostgreSQL restore: ${restoreMs} ms, ${now.length} tables (${filled(now)} with rows), ` +
					`${now.reduce((s, t) => s + t.rows, 0)} rows`
			);
		} finally {
			await sql.end();
		}
		// The app starts on the restored database: its migrations are current.
		const restored = await open({ databaseUrl: target });
		await restored.close();
	});
});
