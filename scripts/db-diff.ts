// npm run db:diff -- <name>
// Writes the next migration, supabase/migrations/<timestamp>_<name>.sql, from the difference
// between the database the migrations build and the one supabase/schemas/*.sql declares.
//
// The engine is the embedded Supabase's own `lite db diff -f <name>` (pg-delta underneath), run
// in a temporary project on throwaway databases: never on the developer's supabase/.temp. Around
// it, what lite cannot do by itself (docs/architecture.md, "Changing the schema"):
//   * lite drops comment and blank lines from the schema files before diffing (not from the
//     migrations), so every function with a comment in its body would look changed. The
//     temporary project gets the migrations with those lines dropped the same way, and each
//     function lite writes is replaced by its definition as the schema files have it, comments
//     included; a function whose only change is a comment is found by the check below.
//   * lite's grants on functions are relative to this database's default privileges; hosted
//     Supabase grants new functions to anon and authenticated by default. Each function the
//     migration creates or re-grants therefore gets the schema file's own revoke/grant lines.
//   * rows of the platform's registries (notification kinds, scheduled jobs) are data, which no
//     schema diff writes: they are added as insert/update/delete.
// Then it checks: migrations + the new file must build exactly the declared schema. Whatever
// still differs is printed for you to write by hand (exit code 1, the file is kept).
//
// Destructive changes (a dropped or renamed column or table) make lite refuse the whole diff:
// write that part by hand as a migration first (`alter table … rename column …`), then run
// db:diff again for the rest.
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse as parseToml, stringify as stringifyToml } from 'smol-toml';
import { newKeys } from './lib/env.ts';
import {
	buildCatalog,
	compareDumps,
	countByKind,
	describeBuildError,
	formatDifferences,
	readMigrations,
	readSchemaFiles,
	tempProject,
	type Catalog,
	type SqlFile
} from './lib/schema-build.ts';
import { REGISTRIES } from './lib/schema-dump.ts';
import { splitStatements } from './lib/sql-statements.ts';

process.env.LITE_TELEMETRY = '0';
process.env.DO_NOT_TRACK = '1';

const name = process.argv[2] ?? '';
if (!/^[a-z][a-z0-9_]{2,80}$/.test(name)) {
	console.error('Usage: npm run db:diff -- <area>_<what>   (lower case, digits and _)');
	process.exit(2);
}
const root = process.cwd();
const say = (line = '') => console.log(line);

async function build(label: string, files: SqlFile[]): Promise<Catalog> {
	try {
		return await buildCatalog(root, files);
	} catch (error) {
		console.error(`The ${label} do not build:\n${describeBuildError(error, files)}`);
		process.exit(1);
	}
}

// 1. Both sides, built the way the equality test builds them.
say('Building the schema files and the migrations on throwaway databases…');
const schemaFiles = await readSchemaFiles(root);
const migrations = await readMigrations(root);
const declared = await build('schema files (supabase/schemas)', schemaFiles);
const current = await build('migrations (supabase/migrations)', migrations);
if (!compareDumps(current.dump, declared.dump).length) {
	say('Schema in sync: the migrations already build supabase/schemas. No migration written.');
	process.exit(0);
}

// 2. lite db diff in a temporary project.
const withoutCommentLines = (sql: string) =>
	sql
		.split('\n')
		.filter((line) => line.trim() && !line.trim().startsWith('--'))
		.join('\n');
const project = await tempProject(
	root,
	migrations.map((file) => ({ ...file, sql: withoutCommentLines(file.sql) }))
);
// lite reads the files config.toml's schema_paths names; the builds above read the folder. The
// temporary project names the folder's files, so both sides mean the same schema.
const inFolder = schemaFiles.map((file) => `./schemas/${path.basename(file.source ?? file.name)}`);
const configFile = path.join(project, 'supabase', 'config.toml');
const config = parseToml(await readFile(configFile, 'utf8')) as {
	db?: { migrations?: { schema_paths?: string[] } } & Record<string, unknown>;
};
const named = config.db?.migrations?.schema_paths ?? [];
if (named.join() !== inFolder.join()) {
	say(
		'Note: supabase/config.toml [db.migrations] schema_paths does not name the files of ' +
			'supabase/schemas in order; add the new file there (the schema test checks it).'
	);
}
config.db = { ...config.db, migrations: { ...config.db?.migrations, schema_paths: inFolder } };
await writeFile(configFile, stringifyToml(config));
say('Running lite db diff…');
const before = new Set(await readdir(path.join(project, 'supabase', 'migrations')));
const lite = path.join(root, 'node_modules', '.bin', 'lite');
let liteStatements: string[][] = [];
try {
	await promisify(execFile)(lite, ['db', 'diff', '-f', name], {
		cwd: project,
		env: {
			...process.env,
			...newKeys(),
			PUBLIC_SUPABASE_URL: 'http://localhost',
			SMTP_HOST: '127.0.0.1',
			NO_COLOR: '1'
		},
		maxBuffer: 256 << 20
	});
	const written = (await readdir(path.join(project, 'supabase', 'migrations')))
		.filter((file) => !before.has(file))
		.sort();
	for (const file of written) {
		const sql = await readFile(path.join(project, 'supabase', 'migrations', file), 'utf8');
		liteStatements.push(splitStatements(sql).map((s) => s.sql));
	}
} catch (error) {
	const output = `${(error as { stdout?: string }).stdout ?? ''}\n${(error as { stderr?: string }).stderr ?? ''}`;
	if (/destructive/i.test(output)) {
		console.error(
			[
				'lite db diff refuses destructive changes (a dropped or renamed column or table, an',
				'incompatible type change) and then writes nothing at all. Write that part by hand as',
				`supabase/migrations/<timestamp>_${name}.sql (for a rename: alter table … rename column …;`,
				'for a drop: say in a comment why the data may go), then run db:diff again for the rest.'
			].join('\n')
		);
	} else {
		// lite prints the whole schema on some errors; its own lines start with "│".
		const lines = output.split('\n').filter((line) => line.trim() && !line.startsWith('│'));
		console.error(`lite db diff failed:\n${lines.slice(-20).join('\n')}`);
	}
	await rm(project, { recursive: true, force: true });
	process.exit(1);
}
await rm(project, { recursive: true, force: true });

// 3. Functions as the schema files write them, with the schema files' grants.
const definitions = new Map(declared.functions.map((f) => [f.name, f]));
const grantsInSchema = new Map<string, string[]>();
for (const file of schemaFiles) {
	for (const { sql } of splitStatements(file.sql)) {
		const fn = /^(?:revoke|grant)\b[\s\S]*?\bon\s+function\s+public\.(\w+)\s*\(/i.exec(sql)?.[1];
		if (fn) grantsInSchema.set(fn, [...(grantsInSchema.get(fn) ?? []), sql]);
	}
}
// A function's grants as the schema file writes them, after taking away every grant it may have:
// from an earlier version, or from hosted Supabase's default privileges for new functions.
const granted = new Set<string>();
const withGrants = (fn: string) => {
	granted.add(fn);
	const statements = grantsInSchema.get(fn) ?? [];
	if (!statements.length) return [];
	const identity = definitions.get(fn)?.identity ?? '';
	return [
		`revoke all on function public.${fn}(${identity}) from public, anon, authenticated, service_role;`,
		...statements
	];
};
const existing = new Map(current.functions.map((f) => [f.name, f.identity]));
const isNew = (fn: string) => existing.get(fn) !== definitions.get(fn)?.identity;
const createFunction = (fn: string) => `${definitions.get(fn)!.definition};`;

liteStatements = liteStatements.map((statements) => {
	const out: string[] = [];
	const regrant: string[] = [];
	for (const sql of statements) {
		if (/^CREATE SCHEMA IF NOT EXISTS "auth"/i.test(sql)) continue;
		const created = /^CREATE OR REPLACE FUNCTION public\.(\w+)\(/i.exec(sql)?.[1];
		if (created && definitions.has(created)) {
			out.push(createFunction(created), ...(isNew(created) ? withGrants(created) : []));
			continue;
		}
		const acl = /^(?:GRANT|REVOKE)\b[\s\S]*?\bON FUNCTION "public"\."(\w+)"/i.exec(sql)?.[1];
		if (acl && definitions.has(acl)) {
			if (!granted.has(acl) && !regrant.includes(acl)) regrant.push(acl);
			continue;
		}
		out.push(sql);
	}
	for (const fn of regrant) if (!granted.has(fn)) out.push(...withGrants(fn));
	return out;
});
if (!liteStatements.length) liteStatements = [["SET LOCAL check_function_bodies = 'off';"]];

// 4. Check, and add what lite could not write.
const header = `-- Generated by \`npm run db:diff -- ${name}\` from the difference between supabase/migrations and supabase/schemas.`;
const version = (() => {
	const latest =
		migrations
			.map((m) => m.name.slice(0, 14))
			.sort()
			.at(-1) ?? '0';
	const now = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
	return now > latest ? now : String(BigInt(latest) + 1n);
})();
const fileNames = liteStatements.map((_, n) =>
	liteStatements.length > 1
		? `${String(BigInt(version) + BigInt(n))}_${name}_${n + 1}.sql`
		: `${version}_${name}.sql`
);
const render = () =>
	liteStatements.map((statements, n) => ({
		name: fileNames[n]!,
		sql: `${header}\n\n${statements.join('\n\n')}\n`
	}));

async function check(): Promise<{ built: Catalog | null; error: string | null }> {
	const files = [...migrations, ...render()];
	try {
		return { built: await buildCatalog(root, files), error: null };
	} catch (error) {
		return { built: null, error: describeBuildError(error, files) };
	}
}

say('Checking that the migrations plus the new one build the schema files…');
let { built, error } = await check();
const fallback: string[] = [];
if (built) {
	const now = new Map(built.functions.map((f) => [f.name, f]));
	for (const d of compareDumps(built.dump, declared.dump)) {
		if (d.kind !== 'function') continue;
		const fn = d.key.slice(0, d.key.indexOf('('));
		const inSchema = definitions.get(fn);
		if (!d.right) {
			if (!inSchema) fallback.push(`drop function public.${fn}(${now.get(fn)?.identity ?? ''});`);
		} else if (inSchema && now.get(fn)?.definition !== inSchema.definition) {
			// Most often a change in a comment inside the body, which lite does not see.
			fallback.push(createFunction(fn), ...(isNew(fn) ? withGrants(fn) : []));
		} else if (inSchema) {
			fallback.push(...withGrants(fn));
		}
	}
	const rowId = (r: { table: string; key: string }) => `${r.table}.${r.key}`;
	const have = new Map(built.registryRows.map((r) => [rowId(r), r]));
	const want = new Map(declared.registryRows.map((r) => [rowId(r), r]));
	const quote = (v: string | null) => (v === null ? 'null' : `'${v.replace(/'/g, "''")}'`);
	for (const [table, key, columns] of REGISTRIES) {
		const cols = [key, ...columns];
		const add = [...want.values()].filter((r) => r.table === table && !have.has(rowId(r)));
		if (add.length) {
			fallback.push(
				`insert into public.${table} (${cols.join(', ')}) values\n` +
					add
						.map((r) => `\t(${cols.map((c) => quote(r.values[c] ?? null)).join(', ')})`)
						.join(',\n') +
					';'
			);
		}
		for (const r of want.values()) {
			const old = have.get(rowId(r));
			if (r.table !== table || !old || cols.every((c) => old.values[c] === r.values[c])) continue;
			fallback.push(
				`update public.${table} set ${columns.map((c) => `${c} = ${quote(r.values[c] ?? null)}`).join(', ')} where ${key} = ${quote(r.key)};`
			);
		}
		for (const r of have.values()) {
			if (r.table === table && !want.has(rowId(r))) {
				fallback.push(`delete from public.${table} where ${key} = ${quote(r.key)};`);
			}
		}
	}
	if (fallback.length) {
		liteStatements.at(-1)!.push(...fallback);
		({ built, error } = await check());
	}
}

// 5. Write, and say what is left.
await mkdir(path.join(root, 'supabase', 'migrations'), { recursive: true });
for (const file of render()) {
	await writeFile(path.join(root, 'supabase', 'migrations', file.name), file.sql, { flag: 'wx' });
	say(`Wrote supabase/migrations/${file.name}`);
}
if (fallback.length) {
	say(`  (${fallback.length} statements added after lite's: functions, grants or registry rows)`);
}
if (liteStatements.length > 1) {
	say('  Split in files: a new enum value cannot be used in the transaction that adds it.');
}
const remaining = built ? compareDumps(built.dump, declared.dump) : [];
if (error || remaining.length) {
	console.error(
		error
			? `\nThe new migration does not apply:\n${error}\nFix it by hand.`
			: `\nThe migrations plus the new one still differ from supabase/schemas ` +
					`(${countByKind(remaining)}); add these by hand:\n` +
					formatDifferences(remaining, { left: 'migrations', right: 'schemas' })
	);
	process.exit(1);
}
say(
	'Checked: the migrations plus the new one build exactly supabase/schemas. Review the file, then\n' +
		'npm run db:reset, npm run gen:types, and commit the schema change and the migration together.'
);
