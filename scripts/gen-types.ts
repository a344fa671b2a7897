// npm run gen:types — regenerates src/lib/database.types.ts from supabase/migrations.
//   node scripts/gen-types.ts              on a throwaway PGlite (no PostgreSQL needed)
//   node scripts/gen-types.ts --postgres   on a throwaway database on the server in DATABASE_URL
import { readFile, writeFile } from 'node:fs/promises';
import { generateDatabaseTypes, TYPES_FILE } from './lib/typegen.ts';

const usePostgres = process.argv.includes('--postgres');
if (usePostgres && !process.env.DATABASE_URL) {
	console.error(
		'--postgres needs DATABASE_URL (a PostgreSQL server where we may create a database).'
	);
	process.exit(1);
}

const text = await generateDatabaseTypes({
	databaseUrl: usePostgres ? process.env.DATABASE_URL : undefined
});
const current = await readFile(TYPES_FILE, 'utf8').catch(() => null);
if (current === text) {
	console.log(`${TYPES_FILE} is up to date.`);
} else {
	await writeFile(TYPES_FILE, text);
	console.log(`Wrote ${TYPES_FILE}.`);
}
