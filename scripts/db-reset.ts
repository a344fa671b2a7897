// npm run db:reset — rebuilds the local database from supabase/migrations and the seed.
// Stop the app first: PGlite allows one process per data folder.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import postgres from 'postgres';
import { ensureEnvFile } from './lib/env.ts';
import { startLite } from '../src/lib/server/embedded/lite.ts';
import { seedIfEmpty } from '../src/lib/server/embedded/seed.ts';

const env = { ...ensureEnvFile(), ...process.env } as Record<string, string>;
const databaseUrl = env.DATABASE_URL || undefined;

if (databaseUrl) {
	// Drops what the migrations and the embedded auth server created, nothing else.
	const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
	await sql.unsafe(`
		drop schema if exists public cascade;
		drop schema if exists auth cascade;
		drop schema if exists supabase_migrations cascade;
		create schema public;
		grant usage on schema public to anon, authenticated, service_role;
	`);
	await sql.end();
} else {
	const dataDir = env.SUPABASE_DATA_DIR || path.resolve('supabase/.temp/pglite');
	await rm(dataDir, { recursive: true, force: true });
}

const lite = await startLite({
	databaseUrl,
	dataDir: env.SUPABASE_DATA_DIR || undefined,
	env,
	// No mailbox needed: demo accounts are confirmed directly.
	smtp: undefined
});
await seedIfEmpty(lite);
await lite.close();
console.log(
	`Database rebuilt (${lite.driver}): migrations applied, demo data and demo accounts seeded.`
);
