// npm run db:compare -- [REF] [--postgres]
// Builds the schema twice on throwaway databases, once from supabase/migrations as committed at
// REF (default HEAD) and once from the working tree, dumps both (scripts/lib/schema-dump.ts) and
// prints every difference. Exit code 0 means the two migration sets build the same schema: the
// proof that a squash or a reordering of migrations changed nothing. (That the migrations build
// what supabase/schemas declares is the schema equality test's job:
// tests/integration/platform/schema-state.test.ts.)
//   npm run db:compare -- ca8a3db      the 18 pre-baseline migrations against today's files
//   --postgres                          build on the PostgreSQL in DATABASE_URL instead of PGlite
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
	buildAndDump,
	compareDumps,
	countByKind,
	formatDifferences,
	readMigrations
} from './lib/schema-build.ts';

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
const options = { databaseUrl: usePostgres ? process.env.DATABASE_URL : undefined };

/** supabase/ as committed at a git ref, in a temporary folder. */
async function checkout(source: string): Promise<string> {
	const root = await mkdtemp(path.join(tmpdir(), 'buurtkracht-ref-'));
	const tar = execFileSync('git', ['archive', source, 'supabase'], { maxBuffer: 64 << 20 });
	execFileSync('tar', ['-x', '-C', root], { input: tar });
	return root;
}

const refRoot = await checkout(ref);
const before = await buildAndDump(refRoot, await readMigrations(refRoot), options).finally(() =>
	rm(refRoot, { recursive: true, force: true })
);
const after = await buildAndDump('.', await readMigrations('.'), options);
const differences = compareDumps(before, after);

console.log(
	`Compared ${before.length} objects at ${ref} with ${after.length} in the working tree.`
);
console.log(`  at ${ref}: ${countByKind(before.map((line) => ({ kind: line.split(' | ')[0]! })))}`);
if (!differences.length) {
	console.log('No difference: both migration sets build the same schema.');
	process.exit(0);
}
console.log(formatDifferences(differences, { left: ref, right: 'the working tree' }));
console.log(`${differences.length} differences: ${countByKind(differences)}.`);
process.exit(1);
