// Runs before each integration file (vite.config.ts, setupFiles). Mail that earlier files queued and
// never delivered is set aside first: otherwise the first test of a file that delivers mail
// (deliverAll sends everything pending) sent all of it, which made a 2 s test take 40 s in CI.
// Set aside as given up, not as sent, so the outbox never records a delivery that did not happen.
import { beforeAll } from 'vitest';
import { sql } from '../support/factories.ts';

beforeAll(async () => {
	await sql(
		`update public.notification_outbox
		 set failed_at = now(), last_error = 'Set aside by the test run: queued by an earlier test file.'
		 where sent_at is null and failed_at is null`
	);
});
