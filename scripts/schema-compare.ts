// npm run db:compare -- [REF] [--postgres]
// Builds the schema twice on throwaway databases, once from supabase/ as committed at REF (default
// HEAD) and once from the working tree, dumps both (scripts/lib/schema-dump.ts) and prints every
// difference. Exit code 0 means the two migration sets build the same schema: the proof that a
// squash or a reordering of migrations changed nothing.
//   npm run db:compare -- ca8a3db      the 18 pre-baseline migrations against today's files
//   --postgres                          build on the PostgreSQL in DATABASE_URL instead of PGlite
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { startLite } from '../src/lib/server/embedded/lite.ts';
import { newKeys } from './lib/env.ts';
import { dumpSchema } from './lib/schema-dump.ts';

process.env.LITE_TELEMETRY = '0';
process.env.DO_NOT_TRACK = '1';

const args = process.argv.slice(2);
const usePostgres = args.includes('--postgres');
const ref = args.find((a) => !a.startsWith('--')) ?? 'HEAD';
if (usePostgres && !process.env.DATABASE_URL) {
	console.error(
		'--postgres needs DATABASE_URL (a PostgreSQL server where we may create databases).'
	);
	process.exit(2);
}

/** A project root holding only supabase/, taken from a git ref or from the working tree. */
async function projectRoot(source: string | null): Promise<string> {
	const root = await mkdtemp(path.join(tmpdir(), 'buurtkracht-schema-'));
	if (source === null) {
		await cp('supabase', path.join(root, 'supabase'), {
			recursive: true,
			filter: (src) => !src.includes(`${path.sep}.temp`)
		});
	} else {
		await mkdir(root, { recursive: true });
		const tar = execFileSync('git', ['archive', source, 'supabase'], { maxBuffer: 64 << 20 });
		execFileSync('tar', ['-x', '-C', root], { input: tar });
	}
	return root;
}

async function build(label: string, source: string | null): Promise<string[]> {
	const root = await projectRoot(source);
	let databaseUrl: string | undefined;
	let dropDatabase = async () => {};
	if (usePostgres) {
		const admin = postgres(process.env.DATABASE_URL as string, { max: 1, onnotice: () => {} });
		const name = `schema_compare_${label}_${process.pid}`;
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.unsafe(`create database ${name}`);
		const url = new URL(process.env.DATABASE_URL as string);
		url.pathname = `/${name}`;
		databaseUrl = url.toString();
		dropDatabase = async () => {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		};
	}
	// lite reads supabase/migrations from the working directory, whatever root it is given.
	const cwd = process.cwd();
	process.chdir(root);
	const lite = await startLite({
		root,
		databaseUrl,
		dataDir: usePostgres ? undefined : path.join(root, 'pglite'),
		env: { ...newKeys(), PUBLIC_SUPABASE_URL: 'http://localhost' }
	}).finally(() => process.chdir(cwd));
	try {
		return await dumpSchema(lite);
	} finally {
		await lite.close();
		await dropDatabase();
		await rm(root, { recursive: true, force: true });
	}
}

const before = await build('ref', ref);
const after = await build('tree', null);
const beforeSet = new Set(before);
const afterSet = new Set(after);
const removed = before.filter((line) => !afterSet.has(line));
const added = after.filter((line) => !beforeSet.has(line));

const count = (lines: string[]) => {
	const kinds = new Map<string, number>();
	for (const line of lines) {
		const kind = line.slice(0, line.indexOf(' |'));
		kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
	}
	return [...kinds].map(([k, n]) => `${n} ${k}`).join(', ');
};
console.log(
	`Compared ${before.length} objects at ${ref} with ${after.length} in the working tree.`
);
console.log(`  at ${ref}: ${count(before)}`);
if (!removed.length && !added.length) {
	console.log('No difference: both migration sets build the same schema.');
	process.exit(0);
}
for (const line of removed) console.log(`- ${line}`);
for (const line of added) console.log(`+ ${line}`);
console.log(`${removed.length} only at ${ref}, ${added.length} only in the working tree.`);
process.exit(1);
