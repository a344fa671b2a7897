import { readdirSync } from 'node:fs';
import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { contentSecurityPolicy } from './src/lib/server/content-security-policy.ts';
import { purgeDesignSystemOnBuild } from './scripts/lib/purge-design-system.ts';
import { specsNeedingIsolation } from './scripts/lib/isolated-specs.ts';
import { budget } from './tests/support/budget.ts';

// The newest migration's timestamp, for /readyz (src/lib/server/platform/health.ts).
const latestMigration = readdirSync('supabase/migrations')
	.filter((f) => /^\d{14}_.*\.sql$/.test(f))
	.sort()
	.at(-1)
	?.slice(0, 14);

// Files that would check the same thing in both integration passes run in one of them when
// `npm test` runs both (scripts/test.sh sets BOTH_PASSES when a DATABASE_URL is given); run by
// name, they run in either.
// - The sweeps that try every table and every function with every role were a third of each
//   pass. What they check (grants, policies, the checks inside the functions) is the same SQL on
//   both engines: the access matrix runs on PostgreSQL, production's engine, the calls from
//   another municipality and the oversized arguments on PGlite, which balances the two passes.
// - The backup drill and the demo data open a PGlite database of their own in either pass.
const onePassOnly = {
	postgres: ['tests/integration/platform/access-matrix.test.ts'],
	pglite: [
		'tests/integration/platform/resilience-rpc-sweep.test.ts',
		'tests/integration/tenancy/functions-elsewhere.test.ts',
		'tests/integration/platform/backup.test.ts',
		'tests/integration/tenancy/demo.test.ts'
	]
};
const isolatedSpecs = specsNeedingIsolation();
const onPostgres = process.env.TEST_DB === 'postgres';
const integrationExclude = [
	...(onPostgres ? [] : ['tests/integration/**/*.pg.test.ts']),
	...(process.env.BOTH_PASSES ? onePassOnly[onPostgres ? 'pglite' : 'postgres'] : [])
];

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
			paths: { relative: false },
			// The cross-site form-post check is ours (src/lib/server/platform/csrf.ts): the same
			// check, plus the one-click unsubscribe a mail program posts from elsewhere.
			csrf: { trustedOrigins: ['*'] }
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
			// Unit files share one module graph per worker (scripts/lib/isolated-specs.ts says why),
			// except those that replace a module or a global.
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.spec.ts'],
					exclude: isolatedSpecs,
					isolate: false
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit-isolated',
					environment: 'node',
					include: isolatedSpecs.length ? isolatedSpecs : ['no-such-file']
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
					setupFiles: ['tests/integration/set-aside-old-mail.ts'],
					// The sweeps grow with the schema: several tests take 15-20 s on a quiet machine and
					// passed 30 s when the machine was busy (in CI three times that: budget.ts).
					testTimeout: budget(60_000),
					hookTimeout: budget(60_000),
					fileParallelism: false,
					// One module graph for all the files, as in the unit project: a fresh one per file
					// (a new worker importing supabase-js, zod and the factories each time) was 16-18 %
					// of each pass in CI. No integration file replaces a module or a global; what the
					// factories keep between files is keyed by the harness (mantelzorg-shop-factories).
					isolate: false
				}
			}
		]
	}
});
