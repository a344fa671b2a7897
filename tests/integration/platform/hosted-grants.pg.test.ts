// Hosted Supabase grants every new function in `public` to anon and authenticated by default
// (its default privileges for the role that runs migrations); the embedded Supabase grants
// nothing. A function whose SQL only revokes from PUBLIC would stay callable by anyone there:
// `notify` would queue a mail to anyone, `block_account` would be one call away. So the
// migrations, applied under hosted defaults, must leave exactly the function privileges they
// leave without them (this run's own database).
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDatabase } from '../../../scripts/lib/fresh-database.ts';
import { open } from '../../support/backup-drill.ts';
import { sql } from '../../support/factories.ts';
import { budget } from '../../support/budget.ts';

let db: FreshDatabase | undefined;
afterAll(async () => {
	await db?.drop();
});

// What `supabase start` and a hosted project set up before the first migration.
const HOSTED_DEFAULTS = ['tables', 'functions', 'sequences'].map(
	(kind) =>
		`alter default privileges in schema public grant all on ${kind} to anon, authenticated, service_role`
);

const CALLABLE = `
	select p.oid::regprocedure::text as fn, r.role
	from pg_proc p
	cross join (values ('anon'), ('authenticated')) as r(role)
	where p.pronamespace = 'public'::regnamespace
		and has_function_privilege(r.role, p.oid, 'execute')
	order by 1, 2`;

describe('functions under hosted Supabase’s default privileges', () => {
	it(
		'are callable by exactly the roles they are callable by without them',
		{ timeout: budget(240_000) },
		async () => {
			db = await freshDatabase(process.env.DATABASE_URL as string, 'hosted_grants');
			const owner = postgres(db.url, { max: 1, onnotice: () => {} });
			try {
				for (const statement of HOSTED_DEFAULTS) await owner.unsafe(statement);
			} finally {
				await owner.end();
			}
			const lite = await open({ databaseUrl: db.url });
			let hosted: { fn: string; role: string }[];
			try {
				hosted = (await lite.exec(CALLABLE)).rows as { fn: string; role: string }[];
			} finally {
				await lite.close();
			}
			const embedded = await sql<{ fn: string; role: string }>(CALLABLE);
			const key = (r: { fn: string; role: string }) => `${r.role} may call ${r.fn}`;
			const intended = new Set(embedded.map(key));
			const extra = hosted.map(key).filter((k) => !intended.has(k));
			expect(extra).toEqual([]);
			expect(hosted.length).toBe(embedded.length);
		}
	);
});
