// npm run db:restore -- <file>: restores a backup of npm run db:backup into an empty database.
// A .dump goes into DATABASE_URL (pg_restore; the database must hold no tables); a .tar.gz into
// the PGlite data folder (SUPABASE_DATA_DIR or supabase/.temp/pglite), which must be empty or
// absent: stop the app and move the old folder aside first. Prints every table's row count.
import path from 'node:path';
import postgres from 'postgres';
import { ensureEnvFile } from './lib/env.ts';
import { fingerprints, pgRestore, restorePglite, type Query } from './lib/backup.ts';

const env = { ...ensureEnvFile(), ...process.env } as Record<string, string>;
const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!file) {
	console.error('Usage: npm run db:restore -- <backup file>');
	process.exit(2);
}
/** A refusal (target not empty, pg_restore failed) is one line, not a stack trace. */
function stop(error: unknown): never {
	console.error(error instanceof Error ? error.message : String(error));
	process.exit(1);
}
const started = performance.now();
let query: Query;
let close: () => Promise<void>;

if (file.endsWith('.dump')) {
	if (!env.DATABASE_URL) {
		console.error('A .dump restores into PostgreSQL: set DATABASE_URL to an empty database.');
		process.exit(2);
	}
	await pgRestore(file, env.DATABASE_URL).catch(stop);
	const sql = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
	query = async (text) => ({ rows: (await sql.unsafe(text)) as Record<string, unknown>[] });
	close = () => sql.end();
} else if (file.endsWith('.tar.gz')) {
	const dataDir = env.SUPABASE_DATA_DIR || path.resolve('supabase/.temp/pglite');
	await restorePglite(file, dataDir).catch(stop);
	const { createPgliteConnection } = await import('@supabase/lite/pglite');
	const connection = await createPgliteConnection({ url: dataDir });
	query = async (text) => ({
		rows: (await connection.driver.query(text)).rows as Record<string, unknown>[]
	});
	close = () => connection.close();
} else {
	console.error('Expected a .dump (PostgreSQL) or .tar.gz (PGlite) file from npm run db:backup.');
	process.exit(2);
}
const restoredMs = Math.round(performance.now() - started);
try {
	const tables = await fingerprints(query);
	const rows = tables.reduce((sum, t) => sum + t.rows, 0);
	console.log(`Restored ${file} in ${restoredMs} ms: ${tables.length} tables, ${rows} rows.`);
} finally {
	await close();
}
