// Which test harness the factories and background helpers talk to: the run's own (vitest's
// provide/inject, tests/integration/global-setup.ts), or one a test started for itself and
// named with useHarness(), such as the backup drill, which fills a database of its own through
// the same scenarios and then backs it up.
import { inject, type ProvidedContext } from 'vitest';
import type { Harness } from './harness.ts';

let own: Partial<ProvidedContext> | null = null;

export function useHarness(harness: Harness | null): void {
	own = harness && {
		supabaseUrl: harness.url,
		publishableKey: harness.publishableKey,
		secretKey: harness.secretKey,
		mailboxUrl: harness.mailboxUrl,
		smtpPort: harness.smtpPort,
		driver: harness.driver,
		databaseUrl: harness.databaseUrl
	};
}

export function provided<K extends keyof ProvidedContext>(key: K): ProvidedContext[K] {
	return own && key in own ? (own[key] as ProvidedContext[K]) : inject(key);
}
