// The schema as state and the history must agree: supabase/schemas/*.sql (read in lexical order)
// and supabase/migrations/*.sql (applied as the app applies them) build two throwaway databases
// whose schema dumps must be identical: tables, columns and their order, constraints, indexes,
// policies, types, functions with their bodies, triggers, grants and the registries' rows. On a
// difference the test prints it object by object. Runs in both passes: PGlite, and with
// TEST_DB=postgres on the PostgreSQL in DATABASE_URL.
//
// Each build's temporary project also holds supabase/schemas and config.toml's schema_paths, as
// the real project does: if the app's boot (startLite) ever applied the schema files on top of
// the migrations, as lite dev does, the migrations' build would fail on objects that exist.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import {
	buildAndDump,
	compareDumps,
	countByKind,
	formatDifferences,
	readMigrations,
	readSchemaFiles
} from '../../../scripts/lib/schema-build.ts';
import { flattenBooleans } from '../../../scripts/lib/schema-dump.ts';
import { sql } from '../../support/factories.ts';
import { budget } from '../../support/budget.ts';

const SCHEMAS = 'supabase/schemas';
const MAX_LINES = 600;

describe('supabase/schemas', () => {
	it('builds exactly the database the migrations build', { timeout: budget(240_000) }, async () => {
		const options = {
			databaseUrl: process.env.TEST_DB === 'postgres' ? process.env.DATABASE_URL : undefined
		};
		const fromMigrations = await buildAndDump('.', await readMigrations('.'), options);
		const fromSchemas = await buildAndDump('.', await readSchemaFiles('.'), options);
		const differences = compareDumps(fromMigrations, fromSchemas);
		const report = differences.length
			? [
					`supabase/migrations and supabase/schemas build different databases ` +
						`(${differences.length}: ${countByKind(differences)}). Change the schema file, ` +
						`or write the missing migration (npm run db:diff -- <name>):`,
					formatDifferences(differences, { left: 'migrations', right: 'schemas' })
				].join('\n')
			: '';
		expect(differences.length, report).toBe(0);
		// Guards against comparing two empty builds.
		expect(fromSchemas.filter((line) => line.startsWith('table | ')).length).toBeGreaterThan(30);
	});

	it('defines each function, table and type once, in files of at most ~600 lines', async () => {
		const files = (await readdir(SCHEMAS)).filter((f) => f.endsWith('.sql')).sort();
		const seen = new Map<string, string[]>();
		const problems: string[] = [];
		for (const file of files) {
			if (!/^\d\d_[a-z0-9]+(_[a-z0-9]+)*\.sql$/.test(file)) {
				problems.push(`${file}: name it NN_area_concern.sql`);
			}
			const sql = await readFile(path.join(SCHEMAS, file), 'utf8');
			const lines = sql.split('\n').length;
			if (lines > MAX_LINES) problems.push(`${file}: ${lines} lines; split it by concern`);
			// Each table with updated_at declares its trigger; the helper is for old migrations only.
			if (/^\s*select\s+public\.add_timestamp_triggers\s*\(/im.test(sql)) {
				problems.push(`${file}: write create trigger <table>_set_timestamps instead`);
			}
			const definitions = sql.matchAll(
				/^\s*create\s+(?:or\s+replace\s+)?(function|table|type)\s+public\.([a-z0-9_]+)/gim
			);
			for (const [, kind, name] of definitions) {
				const id = `${kind!.toLowerCase()} ${name}`;
				seen.set(id, [...(seen.get(id) ?? []), file]);
			}
		}
		for (const [id, where] of seen) {
			if (where.length > 1) problems.push(`${id} is defined ${where.length} times: ${where}`);
		}
		// supabase db diff and lite db diff read the files config.toml names, in that order.
		const config = parseToml(await readFile('supabase/config.toml', 'utf8')) as {
			db?: { migrations?: { schema_paths?: string[] } };
		};
		const named = config.db?.migrations?.schema_paths ?? [];
		if (named.join() !== files.map((f) => `./schemas/${f}`).join()) {
			problems.push(
				'supabase/config.toml [db.migrations] schema_paths must name every schema file, in order'
			);
		}
		expect(files.length).toBeGreaterThan(10);
		expect(problems).toEqual([]);
	});

	it('gives every table with updated_at its set_timestamps trigger', async () => {
		// On the migrated database of this run; the equality test carries it over to the schema files.
		const missing = await sql<{ relname: string }>(
			`select c.relname from pg_class c
			 where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
				and exists (select 1 from pg_attribute a
					where a.attrelid = c.oid and a.attname = 'updated_at' and not a.attisdropped)
				and not exists (select 1 from pg_trigger t
					where t.tgrelid = c.oid and t.tgname = c.relname || '_set_timestamps')
			 order by 1`
		);
		expect(
			missing.map((m) => m.relname),
			'create trigger <table>_set_timestamps … execute function public.set_timestamps()'
		).toEqual([]);
	});
});

describe('the schema dump', () => {
	it('shows a chain of AND or OR flat, however the catalog nests it', () => {
		// `a between 3 and 320 and b` is stored nested; the same text read back is stored flat.
		const nested = `CHECK ((((char_length(email) >= 3) AND (char_length(email) <= 320)) AND (email ~ '^[^@ (]+$'::text)))`;
		const flat = `CHECK (((char_length(email) >= 3) AND (char_length(email) <= 320) AND (email ~ '^[^@ (]+$'::text)))`;
		expect(flattenBooleans(nested)).toBe(flat);
		expect(flattenBooleans(flat)).toBe(flat);
		// Different operators are not merged, and text in quotes is left alone.
		expect(flattenBooleans('CHECK ((((a) OR (b)) AND (c)))')).toBe(
			'CHECK ((((a) OR (b)) AND (c)))'
		);
		expect(flattenBooleans("CHECK ((x = 'a AND (b'::text))")).toBe(
			"CHECK ((x = 'a AND (b'::text))"
		);
	});
});
