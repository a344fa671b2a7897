// npm run platform:operator -- <email>            makes the account a platform operator
// npm run platform:operator -- --remove <email>   takes it away
// npm run platform:operator -- --list             lists the operators
// Maintenance, as the database owner: there is no API for this on purpose. On PostgreSQL
// (DATABASE_URL) it runs beside the app; on the embedded PGlite, stop the app first (one process
// per data folder).
import path from 'node:path';
import postgres from 'postgres';
import { ensureEnvFile } from './lib/env.ts';
import { startLite } from '../src/lib/server/embedded/lite.ts';

const args = process.argv.slice(2);
const remove = args.includes('--remove');
const list = args.includes('--list');
const email = args
	.find((a) => !a.startsWith('--'))
	?.trim()
	.toLowerCase();
if (!list && (!email || !/^[^@\s]+@[^@\s]+$/.test(email))) {
	console.error('Gebruik: npm run platform:operator -- [--remove] <e-mailadres>  (of --list)');
	process.exit(2);
}

const env = { ...ensureEnvFile(), ...process.env } as Record<string, string>;
const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

const statement = list
	? `select u.email::text as email, o.created_at from public.platform_operators o
	   join auth.users u on u.id = o.user_id order by u.email`
	: remove
		? `delete from public.platform_operators o using auth.users u
		   where u.id = o.user_id and lower(u.email) = ${quote(email as string)} returning u.email::text as email`
		: `insert into public.platform_operators (user_id)
		   select u.id from auth.users u where lower(u.email) = ${quote(email as string)}
		   on conflict (user_id) do update set updated_at = now()
		   returning user_id`;

async function run(): Promise<Record<string, unknown>[]> {
	if (env.DATABASE_URL) {
		const sql = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
		try {
			return [...(await sql.unsafe(statement))];
		} finally {
			await sql.end();
		}
	}
	const dataDir = env.SUPABASE_DATA_DIR || path.resolve('supabase/.temp/pglite');
	const lite = await startLite({ dataDir, env }).catch((error: unknown) => {
		console.error('De database is niet te openen. Draait de app nog? Stop hem eerst.');
		throw error;
	});
	try {
		return (await lite.exec(statement)).rows;
	} finally {
		await lite.close();
	}
}

const rows = await run();
if (list) {
	console.log(
		rows.length ? rows.map((r) => `  ${r.email}`).join('\n') : 'Er zijn geen platformbeheerders.'
	);
} else if (rows.length === 0) {
	console.error(
		remove
			? `${email} is geen platformbeheerder.`
			: `Er is geen account met ${email}. Laat de persoon eerst een account maken en bevestigen.`
	);
	process.exit(1);
} else {
	console.log(
		remove ? `${email} is geen platformbeheerder meer.` : `${email} is nu platformbeheerder.`
	);
}
