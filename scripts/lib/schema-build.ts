// Builds throwaway databases from SQL files the way the app builds its own, dumps their schema
// (./schema-dump.ts) and describes the differences. Shared by the schema equality test
// (tests/integration/platform/schema-state.test.ts), `npm run db:compare` and `npm run db:diff`.
//
// Both kinds of input go through the same door: a temporary project whose supabase/migrations
// holds the files, applied by lite's applyPendingMigrations (src/lib/server/embedded/lite.ts) on
// a fresh PGlite folder or a fresh database on a PostgreSQL server. The declarative schema files
// (supabase/schemas/*.sql, lexical order) are handed over as migrations named in that order, so
// a difference between the two builds is a difference in the SQL, never in how it was applied.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { startLite, type Lite } from '../../src/lib/server/embedded/lite.ts';
import { newKeys } from './env.ts';
import {
	dumpSchema,
	readFunctions,
	readRegistryRows,
	type FunctionDefinition
} from './schema-dump.ts';

export interface SqlFile {
	/** The file name as lite sees it: `<14 digits>_<name>.sql`. */
	name: string;
	sql: string;
	/** Where it was read from, for messages. */
	source?: string;
}

export interface BuildOptions {
	/** A PostgreSQL server where throwaway databases may be created; PGlite in a temp folder otherwise. */
	databaseUrl?: string;
}

/** supabase/migrations/*.sql of a project, in the order lite applies them. */
export async function readMigrations(root: string): Promise<SqlFile[]> {
	return readSqlFolder(path.join(root, 'supabase', 'migrations'), (file) => file);
}

/**
 * supabase/schemas/*.sql in lexical order, each renamed to a migration of that rank
 * (`00000000000001_00_platform_helpers.sql`, …), so lite applies them in the same order.
 */
export async function readSchemaFiles(root: string): Promise<SqlFile[]> {
	let rank = 0;
	return readSqlFolder(path.join(root, 'supabase', 'schemas'), (file) => {
		rank += 1;
		return `${String(rank).padStart(14, '0')}_${file.replace(/\.sql$/, '').replace(/[^a-z0-9]+/gi, '_')}.sql`;
	});
}

async function readSqlFolder(dir: string, rename: (file: string) => string): Promise<SqlFile[]> {
	const files = (await readdir(dir).catch(() => [] as string[]))
		.filter((file) => file.endsWith('.sql'))
		.sort();
	return Promise.all(
		files.map(async (file) => ({
			name: rename(file),
			sql: await readFile(path.join(dir, file), 'utf8'),
			source: path.join(path.basename(path.dirname(dir)), path.basename(dir), file)
		}))
	);
}

/**
 * A temporary project root: supabase/config.toml, supabase/templates and supabase/schemas from
 * `root`, and `migrations` as its supabase/migrations. The schema files are there as in the real
 * project, so a build would fail if startLite ever applied them on boot (it must not: the local
 * database is built from the migrations). Remove it with `rm(dir, { recursive: true })`.
 */
export async function tempProject(root: string, migrations: SqlFile[]): Promise<string> {
	const dir = await mkdtemp(path.join(tmpdir(), 'buurtkracht-schema-'));
	await mkdir(path.join(dir, 'supabase', 'migrations'), { recursive: true });
	await cp(path.join(root, 'supabase', 'config.toml'), path.join(dir, 'supabase', 'config.toml'));
	await cp(path.join(root, 'supabase', 'templates'), path.join(dir, 'supabase', 'templates'), {
		recursive: true
	}).catch(() => {});
	await cp(path.join(root, 'supabase', 'schemas'), path.join(dir, 'supabase', 'schemas'), {
		recursive: true
	}).catch(() => {});
	for (const file of migrations) {
		await writeFile(path.join(dir, 'supabase', 'migrations', file.name), file.sql);
	}
	return dir;
}

let builds = 0;

/**
 * Starts the embedded Supabase on a throwaway database built from `project`'s migrations, runs
 * `use` with it, and removes the database again (the project folder is the caller's).
 */
export async function withBuiltDatabase<T>(
	project: string,
	options: BuildOptions,
	use: (lite: Lite) => Promise<T>
): Promise<T> {
	let databaseUrl: string | undefined;
	let dropDatabase = async () => {};
	if (options.databaseUrl) {
		builds += 1;
		const name = `buurtkracht_schema_${process.pid}_${Date.now()}_${builds}`;
		const admin = postgres(options.databaseUrl, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${name}`);
		const url = new URL(options.databaseUrl);
		url.pathname = `/${name}`;
		databaseUrl = url.toString();
		dropDatabase = async () => {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		};
	}
	// lite reads supabase/migrations from the working directory, whatever root it is given
	// (README, Known differences), so the build runs in the project folder.
	const cwd = process.cwd();
	let lite: Lite;
	try {
		process.chdir(project);
		lite = await startLite({
			root: project,
			databaseUrl,
			dataDir: databaseUrl ? undefined : path.join(project, 'pglite'),
			env: { ...newKeys(), PUBLIC_SUPABASE_URL: 'http://localhost' }
		});
	} catch (error) {
		await dropDatabase();
		throw error;
	} finally {
		process.chdir(cwd);
	}
	try {
		return await use(lite);
	} finally {
		await lite.close();
		await dropDatabase();
	}
}

/** Builds `files` as migrations on a throwaway database and returns the schema dump. */
export async function buildAndDump(
	root: string,
	files: SqlFile[],
	options: BuildOptions = {}
): Promise<string[]> {
	const project = await tempProject(root, files);
	try {
		return await withBuiltDatabase(project, options, (lite) => dumpSchema(lite));
	} finally {
		await rm(project, { recursive: true, force: true });
	}
}

export interface Catalog {
	dump: string[];
	functions: FunctionDefinition[];
	registryRows: Awaited<ReturnType<typeof readRegistryRows>>;
}

/** Like buildAndDump, and also every function's definition and the registries' rows. */
export async function buildCatalog(
	root: string,
	files: SqlFile[],
	options: BuildOptions = {}
): Promise<Catalog> {
	const project = await tempProject(root, files);
	try {
		return await withBuiltDatabase(project, options, async (lite) => ({
			dump: await dumpSchema(lite),
			functions: await readFunctions(lite),
			registryRows: await readRegistryRows(lite)
		}));
	} finally {
		await rm(project, { recursive: true, force: true });
	}
}

/**
 * What went wrong while building `files`, in a few lines: the database's message and the file
 * whose statement failed (lite's own error carries the whole statement).
 */
export function describeBuildError(error: unknown, files: SqlFile[]): string {
	const chain: unknown[] = [];
	for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) chain.push(e);
	const database = chain.find((e) => (e as { severity?: string }).severity) as
		{ message: string; code?: string; hint?: string; query?: string } | undefined;
	const message = database?.message ?? String((chain.at(-1) as Error)?.message ?? error);
	const query = database?.query ?? '';
	const probe = query.trim().slice(0, 120);
	const found = probe ? files.find((f) => f.sql.includes(probe)) : undefined;
	const file = found ? (found.source ?? found.name) : undefined;
	return [
		`${database?.code ? `${database.code}: ` : ''}${message}`,
		database?.hint ? `hint: ${database.hint}` : '',
		file ? `in ${file}` : '',
		probe ? `statement: ${probe.split('\n')[0]}…` : ''
	]
		.filter(Boolean)
		.join('\n');
}

export interface SchemaDifference {
	kind: string;
	key: string;
	/** The definition on each side; null where the object does not exist. */
	left: string | null;
	right: string | null;
}

function splitLine(line: string): { kind: string; key: string; def: string } {
	const first = line.indexOf(' | ');
	const second = line.indexOf(' | ', first + 3);
	return {
		kind: line.slice(0, first),
		key: line.slice(first + 3, second),
		def: line.slice(second + 3)
	};
}

/** Every object whose definition differs between two dumps, or that exists on one side only. */
export function compareDumps(left: string[], right: string[]): SchemaDifference[] {
	const index = (lines: string[]) => {
		const map = new Map<string, { kind: string; key: string; def: string }>();
		for (const line of lines) {
			const entry = splitLine(line);
			map.set(`${entry.kind} | ${entry.key}`, entry);
		}
		return map;
	};
	const a = index(left);
	const b = index(right);
	const differences: SchemaDifference[] = [];
	for (const id of [...new Set([...a.keys(), ...b.keys()])].sort()) {
		const x = a.get(id);
		const y = b.get(id);
		if (x?.def === y?.def) continue;
		const { kind, key } = (x ?? y) as { kind: string; key: string };
		differences.push({ kind, key, left: x?.def ?? null, right: y?.def ?? null });
	}
	return differences;
}

/** A line diff with a little context: "  same", "- left only", "+ right only". */
export function lineDiff(left: string, right: string, context = 2): string[] {
	const a = left.split('\n');
	const b = right.split('\n');
	// Longest common subsequence table; definitions are a few hundred lines at most.
	const lcs: number[][] = Array.from({ length: a.length + 1 }, () =>
		new Array<number>(b.length + 1).fill(0)
	);
	for (let i = a.length - 1; i >= 0; i--) {
		for (let j = b.length - 1; j >= 0; j--) {
			lcs[i]![j] =
				a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
		}
	}
	const ops: string[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		if (i < a.length && j < b.length && a[i] === b[j]) {
			ops.push(`  ${a[i]}`);
			i++;
			j++;
		} else if (j < b.length && (i === a.length || lcs[i]![j + 1]! > lcs[i + 1]![j]!)) {
			ops.push(`+ ${b[j]}`);
			j++;
		} else {
			ops.push(`- ${a[i]}`);
			i++;
		}
	}
	// Keep changed lines and `context` lines around them; mark skipped stretches with "…".
	const keep = ops.map((op, n) =>
		ops.slice(Math.max(0, n - context), n + context + 1).some((o) => !o.startsWith('  '))
	);
	const out: string[] = [];
	ops.forEach((op, n) => {
		if (keep[n]) out.push(op);
		else if (keep[n - 1] || n === 0) out.push('  …');
	});
	return out;
}

/**
 * The differences as readable text: one block per object, saying which side has it, and for an
 * object on both sides a line diff of its definitions (`-` left, `+` right).
 */
export function formatDifferences(
	differences: SchemaDifference[],
	labels: { left: string; right: string }
): string {
	const out: string[] = [];
	const indent = (text: string) =>
		text
			.split('\n')
			.map((line) => `      ${line}`)
			.join('\n');
	for (const d of differences) {
		if (d.right === null) {
			out.push(`  ${d.kind} ${d.key}: only in ${labels.left}`, indent(d.left ?? ''));
		} else if (d.left === null) {
			out.push(`  ${d.kind} ${d.key}: only in ${labels.right}`, indent(d.right));
		} else if (!d.left.includes('\n') && !d.right.includes('\n')) {
			out.push(
				`  ${d.kind} ${d.key}: differs`,
				`    - ${labels.left}: ${d.left}`,
				`    + ${labels.right}: ${d.right}`
			);
		} else {
			out.push(
				`  ${d.kind} ${d.key}: differs (- ${labels.left}, + ${labels.right})`,
				...lineDiff(d.left, d.right).map((line) => `    ${line}`)
			);
		}
	}
	return out.join('\n');
}

/** "3 function, 1 policy": how many differences of each kind. */
export function countByKind(differences: { kind: string }[]): string {
	const kinds = new Map<string, number>();
	for (const d of differences) kinds.set(d.kind, (kinds.get(d.kind) ?? 0) + 1);
	return [...kinds].map(([kind, n]) => `${n} ${kind}`).join(', ');
}
