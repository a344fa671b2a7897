// The backup drill of issue 19 (point 5), shared by the PGlite and the PostgreSQL test: fill the
// database through the app's own functions (the seed and demo accounts as on first start, a
// sign-up, mails queued), back up, write more, restore into an empty database, and compare every
// table's row count and row checksum with the state at backup time.
import { newKeys } from '../../scripts/lib/env.ts';
import type { TableFingerprint } from '../../scripts/lib/backup.ts';
import { startLite, type Lite } from '../../src/lib/server/embedded/lite.ts';
import { seedIfEmpty } from '../../src/lib/server/embedded/seed.ts';

export const ZAANSTAD = '00000000-0000-4000-8000-000000000001';
export const keys = { ...newKeys(), PUBLIC_SUPABASE_URL: 'http://127.0.0.1:9' };

export function open(target: { databaseUrl?: string; dataDir?: string }): Promise<Lite> {
	return startLite({ ...target, env: keys, smtp: undefined, onDatabaseError: () => {} });
}

/** A resident signs up (auth, profile, memberships) and two mails are queued for them. */
export async function writeSome(lite: Lite, label: string): Promise<void> {
	const email = `${label}-${crypto.randomUUID().slice(0, 8)}@backup.example`;
	const { data, error } = await lite.app.getClient().auth.signUp({
		email,
		password: 'Backup-wachtwoord-123'
	});
	if (error || !data.user) throw new Error(`sign-up failed: ${error?.message}`);
	for (const seq of [1, 2]) {
		await lite.exec(
			`select public.notify('${ZAANSTAD}', '${data.user.id}', 'account_exists',
			 jsonb_build_object('seq', ${seq}))`
		);
	}
}

export async function fill(lite: Lite): Promise<void> {
	await seedIfEmpty(lite);
	await writeSome(lite, 'voor');
}

export const filled = (tables: TableFingerprint[]) => tables.filter((t) => t.rows > 0).length;
