// A new, empty database on the PostgreSQL server of `baseUrl`, for one test run or stack: its
// URL, and drop() to remove it again (also while connections are still open).
import postgres from 'postgres';

export interface FreshDatabase {
	url: string;
	drop: () => Promise<void>;
}

export async function freshDatabase(
	baseUrl: string,
	label: string,
	opts: { durable?: boolean } = {}
): Promise<FreshDatabase> {
	const name = `buurtkracht_${label}_${process.pid}_${Date.now()}`;
	const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	// A test run's database is thrown away afterwards, so its commits need not wait for the WAL to
	// reach the disk: on a busy machine that wait was a large part of every writing request. What
	// a test sees is unchanged (a commit is visible at once either way); only a crash of the
	// PostgreSQL server itself could lose the last fraction of a second.
	if (opts.durable === false) {
		await admin.unsafe(`alter database ${name} set synchronous_commit = off`);
	}
	const url = new URL(baseUrl);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		drop: async () => {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	};
}
