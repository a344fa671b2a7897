// A frozen copy of a bench database, to measure a later state of the original against it in the
// same minutes (a baseline in the same run, not one taken while the machine was busier or quieter).
// CREATE DATABASE … TEMPLATE copies the files, so it is fast; PostgreSQL refuses while anyone is
// connected to the original. The bench's own pools reconnect on their next query, so their idle
// connections are closed first; an app server on the original must be stopped by the caller.
import postgres from 'postgres';

export interface DatabaseCopy {
	url: string;
	drop: () => Promise<void>;
}

export async function copyDatabase(url: string, name: string): Promise<DatabaseCopy> {
	const from = new URL(url).pathname.slice(1);
	const admin = maintenance(url);
	try {
		for (let attempt = 1; ; attempt++) {
			await admin`select pg_terminate_backend(pid) from pg_stat_activity
				where datname = ${from} and pid <> pg_backend_pid()`;
			try {
				await admin.unsafe(`create database ${name} template ${from}`);
				break;
			} catch (error) {
				// A pool that reconnected between the two statements: close it again.
				if (attempt >= 5 || !String(error).includes('being accessed by other users')) throw error;
				await new Promise((r) => setTimeout(r, 200));
			}
		}
	} finally {
		await admin.end();
	}
	const copy = new URL(url);
	copy.pathname = `/${name}`;
	return {
		url: copy.toString(),
		drop: async () => {
			const dropper = maintenance(url);
			await dropper.unsafe(`drop database if exists ${name} with (force)`);
			await dropper.end();
		}
	};
}

/** The same server and credentials, connected to the maintenance database. */
function maintenance(url: string) {
	const u = new URL(url);
	u.pathname = '/postgres';
	return postgres(u.toString(), { max: 1, onnotice: () => {} });
}
