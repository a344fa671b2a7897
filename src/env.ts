// Environment variables, validated when the server starts (SvelteKit 3 env config).
import { defineEnvVars } from '@sveltejs/kit/env';
import { z } from 'zod';

const optional = z.string().optional();
const flag = z
	.string()
	.optional()
	.transform((v) => v === 'true');

export const variables = defineEnvVars({
	PUBLIC_SUPABASE_URL: {
		public: true,
		schema: z.url(),
		description: 'Supabase API URL; in embedded mode the app’s own origin.'
	},
	PUBLIC_SUPABASE_PUBLISHABLE_KEY: {
		public: true,
		schema: z.string().startsWith('sb_publishable_'),
		description: 'The sb_publishable_… key (role anon).'
	},
	SUPABASE_SECRET_KEY: {
		schema: optional,
		description: 'The sb_secret_… key; only for admin/maintenance code.'
	},
	SUPABASE_JWT_SECRET: { schema: optional, description: 'JWT secret of the embedded Supabase.' },
	SUPABASE_EMBEDDED: { schema: flag, description: 'Run @supabase/lite inside this server.' },
	SUPABASE_SEED_DEMO: {
		schema: flag,
		description: 'Seed demo data into an empty embedded database.'
	},
	SUPABASE_DATA_DIR: { schema: optional, description: 'PGlite data folder (embedded mode).' },
	DATABASE_URL: { schema: optional, description: 'Run the embedded Supabase on this PostgreSQL.' },
	PUBLIC_MAP_TILE_URL: {
		public: true,
		schema: optional,
		description:
			'Map tiles ({z}/{x}/{y} template) for the Buurthuizen map; default PDOK BRT-Achtergrondkaart, "none" for no tiles. Also read at build time for the CSP.'
	},
	PUBLIC_MAP_TILE_ATTRIBUTION: {
		public: true,
		schema: optional,
		description: 'Attribution shown on the map for PUBLIC_MAP_TILE_URL.'
	},
	SMTP_HOST: { schema: optional, description: 'SMTP server for auth and app mail.' },
	SMTP_PORT: { schema: optional, description: 'SMTP port.' },
	ORIGIN: {
		schema: z.url().optional(),
		description:
			'The app’s public origin, for links in notification mails (default: PUBLIC_SUPABASE_URL).'
	},
	PUBLIC_CACHE_MS: {
		schema: z
			.string()
			.optional()
			.transform((v) => (v === undefined || v === '' ? 30_000 : Number(v))),
		description:
			'How long this server keeps anonymous public pages in memory at most (default 30000 ms; 0 turns the cache off); a write anywhere drops them within about a second.'
	},
	BACKGROUND_JOBS: {
		schema: z
			.string()
			.optional()
			.transform((v) => v !== 'false'),
		description:
			'Run the mailer and the scheduled jobs in this server (default true; "false" turns them off).'
	}
});
