// A new, empty database on the PostgreSQL server of `baseUrl`, for one test run or stack: its
// URL, and drop() to remove it again (also while connections are still open).
import postgres from 'postgres';

export interface FreshDatabase {
	url: string;
	drop: () => Promise<void>;
}

export async function freshDatabase(baseUrl: string, label: string): Promise<FreshDatabase> {
	const name = `buurtkracht_${label}_${process.pid}_${Date.now()}`;
	const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
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
