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

export default defineConfig({
	define: { __LATEST_MIGRATION__: JSON.stringify(latestMigration ?? '') },
	plugins: [
		sveltekit({
			adapter: adapter(),
			compilerOptions: { runes: true },
			csp: { mode: 'auto', directives: contentSecurityPolicy },
			// Asset links from the root, not relative to the page: the guard answers a forbidden page
			// with /geen-toegang rendered at the asked address (hooks.server.ts), where "./_app" would
			// point one folder too deep.
			paths: { relative: false }
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
					exclude: process.env.TEST_DB === 'postgres' ? [] : ['tests/integration/**/*.pg.test.ts'],
					globalSetup: ['tests/integration/global-setup.ts'],
					testTimeout: 30_000,
					hookTimeout: 60_000,
					fileParallelism: false
				}
			}
		]
	}
});
