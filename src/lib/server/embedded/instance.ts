// The one embedded Supabase of this server process, when SUPABASE_EMBEDDED=true.
// Kept on globalThis so Vite's module reloads in development never open the database twice.
import * as privateEnv from '$app/env/private';
import * as publicEnv from '$app/env/public';
import { superviseLite } from './health.ts';
import { startLite, type Lite } from './lite.ts';
import { seedIfEmpty } from './seed.ts';

const key = Symbol.for('buurtkracht.embeddedSupabase');
type Holder = { [key]?: Promise<Lite> };

export const embeddedEnabled = () => privateEnv.SUPABASE_EMBEDDED;

export function embeddedSupabase(): Promise<Lite> {
	const holder = globalThis as Holder;
	holder[key] ??= (async () => {
		const lite = await superviseLite({
			start: () =>
				startLite({
					databaseUrl: privateEnv.DATABASE_URL || undefined,
					dataDir: privateEnv.SUPABASE_DATA_DIR || undefined,
					env: {
						PUBLIC_SUPABASE_URL: publicEnv.PUBLIC_SUPABASE_URL,
						PUBLIC_SUPABASE_PUBLISHABLE_KEY: publicEnv.PUBLIC_SUPABASE_PUBLISHABLE_KEY,
						SUPABASE_SECRET_KEY: privateEnv.SUPABASE_SECRET_KEY,
						SUPABASE_JWT_SECRET: privateEnv.SUPABASE_JWT_SECRET
					},
					smtp: privateEnv.SMTP_PORT
						? { host: privateEnv.SMTP_HOST || '127.0.0.1', port: Number(privateEnv.SMTP_PORT) }
						: undefined
				}),
			// Only reached when the broken database would not close: a second instance on the same
			// folder could corrupt it, so a fresh process (started by a supervisor) is the safe way out.
			onGiveUp: () => process.exit(1)
		});
		if (privateEnv.SUPABASE_SEED_DEMO && (await seedIfEmpty(lite))) {
			console.log('Demo data and demo accounts seeded.');
		}
		return lite;
	})();
	return holder[key];
}
