// One embedded Supabase per test run; tests get its address through vitest's provide/inject.
import type { TestProject } from 'vitest/node';
import { startHarness } from '../support/harness.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		supabaseUrl: string;
		publishableKey: string;
		/** The sb_secret_… key, for tests of background jobs that run as service_role. */
		secretKey: string;
		/** The auth server's JWT secret, for the test that signs tokens itself (expired ones). */
		jwtSecret: string;
		mailboxUrl: string;
		smtpPort: number;
		driver: 'pglite' | 'postgres';
		databaseUrl: string | null;
	}
}

export default async function setup(project: TestProject) {
	const harness = await startHarness();
	project.provide('supabaseUrl', harness.url);
	project.provide('publishableKey', harness.publishableKey);
	project.provide('secretKey', harness.secretKey);
	project.provide(
		'jwtSecret',
		(harness.lite.app.config as unknown as { auth: { jwt_secret: string } }).auth.jwt_secret
	);
	project.provide('mailboxUrl', harness.mailboxUrl);
	project.provide('smtpPort', harness.smtpPort);
	project.provide('driver', harness.driver);
	project.provide('databaseUrl', harness.databaseUrl);
	console.log(`Embedded Supabase for tests: ${harness.driver} at ${harness.url}`);
	// PGlite's Emscripten runtime overwrites process.exitCode when it shuts down, so this
	// process's exit code says nothing; scripts/test.sh judges the run by vitest's JSON report.
	return () => harness.stop();
}
