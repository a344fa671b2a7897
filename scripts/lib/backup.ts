// Backups of the database the app uses, and restoring them into an empty one (issue 19, point 5).
// PostgreSQL: pg_dump in custom format (one snapshot, so consistent while the app writes) and
// pg_restore. PGlite: a gzipped tar of the data folder, taken by the running app itself
// (POST /_ops/backup) because only one process may open the folder; restored by PGlite, which
// unpacks it into an empty folder and runs WAL recovery on first open.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import postgres from 'postgres';

export type Query = (sql: string) => Promise<{ rows: Record<string, unknown>[] }>;

function run(command: string, args: string[]): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${stderr.trim()}`))
		);
	});
}

/** pg_dump -Fc of the whole database (public, auth, the migration history): one snapshot. */
export async function pgDump(databaseUrl: string, file: string): Promise<void> {
	await run('pg_dump', ['--format=custom', '--file', file, '--dbname', databaseUrl]);
}

const ROLES = ['anon', 'authenticated', 'service_role'];

/**
 * Restores a pg_dump file into an empty database. The API roles are per cluster, not per
 * database, so they are created first when this cluster lacks them.
 */
export async function pgRestore(file: string, databaseUrl: string): Promise<void> {
	const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
	try {
		const [row] = await sql<{ tables: number }[]>`
			select count(*)::int as tables from pg_tables
			where schemaname not in ('pg_catalog', 'information_schema')`;
		const tables = row?.tables ?? 0;
		if (tables > 0) {
			throw new Error(
				`The target database is not empty (${tables} tables): restore into an empty one.`
			);
		}
		for (const role of ROLES) {
			await sql.unsafe(`do $$ begin
				if not exists (select from pg_roles where rolname = '${role}') then
					create role ${role} nologin${role === 'service_role' ? ' bypassrls' : ''};
				end if;
			end $$`);
		}
	} finally {
		await sql.end();
	}
	// --clean --if-exists: the dump may create schema public itself (db:reset recreates it).
	await run('pg_restore', [
		'--exit-on-error',
		'--single-transaction',
		'--clean',
		'--if-exists',
		'--dbname',
		databaseUrl,
		file
	]);
}

/** A data folder that does not exist or holds nothing. */
export function isEmptyFolder(dataDir: string): boolean {
	return !existsSync(dataDir) || readdirSync(dataDir).length === 0;
}

/** Unpacks a PGlite backup into an empty data folder and opens it once (WAL recovery). */
export async function restorePglite(file: string, dataDir: string): Promise<void> {
	if (!isEmptyFolder(dataDir)) {
		throw new Error(`${dataDir} is not empty: restore into an empty folder (stop the app first).`);
	}
	await mkdir(dataDir, { recursive: true });
	const { createPgliteConnection } = await import('@supabase/lite/pglite');
	const archive = new Blob([await readFile(file)], { type: 'application/x-gzip' });
	const connection = await createPgliteConnection({
		url: dataDir,
		pgliteOptions: { loadDataDir: archive }
	});
	try {
		await connection.exec('checkpoint');
	} finally {
		await connection.close();
	}
}

/** Copies a PGlite data folder that no process has open (the app is stopped). */
export async function dumpClosedPglite(dataDir: string, file: string): Promise<void> {
	const { createPgliteConnection } = await import('@supabase/lite/pglite');
	const connection = await createPgliteConnection({ url: dataDir });
	try {
		await connection.driver.exec('checkpoint');
		const archive = await connection.driver.dumpDataDir('gzip');
		await writeFile(file, Buffer.from(await archive.arrayBuffer()));
	} finally {
		await connection.close();
	}
}

export interface TableFingerprint {
	table: string;
	rows: number;
	/** md5 over the sorted md5s of the rows' text: equal when the rows are equal, in any order. */
	checksum: string;
}

/** Row count and checksum of every table outside the system catalogs, by name. */
export async function fingerprints(query: Query): Promise<TableFingerprint[]> {
	const { rows: tables } = await query(
		`select quote_ident(schemaname) || '.' || quote_ident(tablename) as name from pg_tables
		 where schemaname not in ('pg_catalog', 'information_schema') order by 1`
	);
	const out: TableFingerprint[] = [];
	for (const { name } of tables as { name: string }[]) {
		const { rows } = await query(
			`select count(*)::int as rows,
			        md5(coalesce(string_agg(h, ',' order by h), '')) as checksum
			 from (select md5(t::text) as h from ${name} t) r`
		);
		const row = rows[0] as { rows: number; checksum: string };
		out.push({ table: name, rows: Number(row.rows), checksum: row.checksum });
	}
	return out;
}
