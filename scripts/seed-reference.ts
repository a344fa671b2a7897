// npm run db:seed — Zaanstad's reference data into the database at DATABASE_URL, after the
// migrations: its folder under supabase/seed/ (row, host names, wijken, postcode areas, through
// the same import as an admin's upload), then supabase/seed.sql (the buurthuizen). No accounts.
import postgres from 'postgres';
import { seedReferenceData } from '../src/lib/server/embedded/seed.ts';
import type { Lite } from '../src/lib/server/embedded/lite.ts';
import { execOver } from './lib/sql-exec.ts';

const url = process.env.DATABASE_URL;
if (!url) {
	console.error(
		'Set DATABASE_URL to the project database (Settings → Database → Connection string).'
	);
	process.exit(1);
}
const sql = postgres(url, { max: 1, onnotice: () => {} });
try {
	await seedReferenceData(execOver(sql) as Lite);
	console.log('Reference data loaded.');
} finally {
	await sql.end();
}
