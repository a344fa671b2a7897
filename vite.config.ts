import { readdirSync } from 'node:fs';
import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { contentSecurityPolicy } from './src/lib/server/content-security-policy.ts';
import { purgeDesignSystemOnBuild } from './scripts/lib/purge-design-system.ts';

// The newest migration's timestamp, for /readyz (src/lib/server/platform/health.ts).
const latestMigration = readdirSync('supabase/migrations')
	.filter((f) => /^\d{14}_.*\.sql$/.test(f))
	.sort()
	.at(-1)
	?.slice(0, 14);

// The sweeps that try every table and every function with every role are a third of an integration
// run. What they check (grants, policies, the checks inside the functions) is the same SQL on both
// engines, so `npm test` runs them once, on PostgreSQL, production's engine (scripts/test.sh sets
// SWEEPS_ON_POSTGRES for its PGlite pass when a DATABASE_URL is given). Run alone, they run anywhere.
const sweeps = [
	'tests/integration/platform/access-matrix.test.ts',
	'tests/integration/platform/resilience-rpc-sweep.test.ts',
	'tests/integration/tenancy/functions-elsewhere.test.ts'
];
const integrationExclude =
	process.env.TEST_DB === 'postgres'
		? []
		: ['tests/integration/**/*.pg.test.ts', ...(process.env.SWEEPS_ON_POSTGRES ? sweeps : [])];

export default defineConfig({
	define: { __LATEST_MIGRATION__: JSON.stringify(latestMigration ?? '') },
	plugins: [
		sveltekit({
			adapter: adapter(),
			compilerOptions: { runes: true },
			csp: { mode: 'auto', directives: contentSecurityPolicy }
		}),
		purgeDesignSystemOnBuild()
	],
	server: { port: 5173, strictPort: true },
	ssr: {
		// Native/WASM packages stay in node_modules and are loaded by Node, not bundled.
		external: ['@supabase/lite', '@electric-sql/pglite', 'postgres', 'smtp-server', 'mailparser']
	},
	test: {
		expect: { requireAssertions: true },
		reporters: ['default', './scripts/lib/exit-code-reporter.ts'],
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.spec.ts']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.test.ts'],
					// Tests that need several real connections run only in the PostgreSQL pass.
					exclude: integrationExclude,
					globalSetup: ['tests/integration/global-setup.ts'],
					testTimeout: 30_000,
					hookTimeout: 60_000,
					fileParallelism: false
				}
			}
		]
	}
});
